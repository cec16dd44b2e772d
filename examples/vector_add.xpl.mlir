// vector_add.xpl.mlir - examples/vector_add.cu in xpiler's core form, written
// by hand until the importer and the raising passes exist: thread and block
// indices became one parallel loop bound to block_x × thread_x, the host
// launcher became the xpl launch description.
module {
  func.func @vector_add(%a: memref<?xf32>, %b: memref<?xf32>,
                        %c: memref<?xf32>, %n: i32) attributes {xpl.kernel} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c256 = arith.constant 256 : index
    %nidx = arith.index_cast %n : i32 to index
    %nblocks = arith.ceildivui %nidx, %c256 : index
    scf.parallel (%bx, %tx) = (%c0, %c0) to (%nblocks, %c256) step (%c1, %c1) {
      %base = arith.muli %bx, %c256 : index
      %i = arith.addi %base, %tx : index
      %inbounds = arith.cmpi ult, %i, %nidx : index
      scf.if %inbounds {
        %x = memref.load %a[%i] : memref<?xf32>
        %y = memref.load %b[%i] : memref<?xf32>
        %sum = arith.addf %x, %y : f32
        memref.store %sum, %c[%i] : memref<?xf32>
      }
      scf.reduce
    } {xpl.mapping = [#xpl.axis<block_x>, #xpl.axis<thread_x>]}
    return
  }

  func.func @vector_add_launch(
      %a: memref<?xf32> {xpl.buffer = #xpl.buffer<in, size = ()[s0, s1, s2, s3] -> (s3)>},
      %b: memref<?xf32> {xpl.buffer = #xpl.buffer<in, size = ()[s0, s1, s2, s3] -> (s3)>},
      %c: memref<?xf32> {xpl.buffer = #xpl.buffer<out, size = ()[s0, s1, s2, s3] -> (s3)>},
      %n: i32) attributes {xpl.launcher} {
    %c1 = arith.constant 1 : index
    %c256 = arith.constant 256 : index
    %nidx = arith.index_cast %n : i32 to index
    %grid = arith.ceildivui %nidx, %c256 : index
    xpl.launch @vector_add grid(%grid, %c1, %c1) block(%c256, %c1, %c1)
        args(%a, %b, %c, %n : memref<?xf32>, memref<?xf32>, memref<?xf32>, i32)
    return
  }
}
