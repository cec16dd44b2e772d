module {
  func.func @scale(%a: memref<?xf32>, %n: i32) attributes {xpl.kernel} {
    return
  }
  func.func @scale_host(
      %a: memref<?xf32> {xpl.buffer = #xpl.buffer<inout, size = ()[s0, s1] -> (s1)>},
      %n: i32) attributes {xpl.launcher} {
    %c1 = arith.constant 1 : index
    xpl.launch @scale grid(%c1, %c1, %c1) block(%c1, %c1, %c1)
        args(%a, %n : memref<?xf32>, i32)
    return
  }
}
