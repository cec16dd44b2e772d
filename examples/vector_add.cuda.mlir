// vector_add.cuda.mlir - examples/vector_add.cu at the cuda level, written by
// hand until the importer exists: the kernel with CUDA's built-in variables
// and the host launcher with the CUDA runtime's calls, one op per construct.
module attributes {xpl.target = #xpl.target<cuda, "sm_90">} {
  func.func @vector_add(%a: memref<?xf32, #cuda.memory_space<global>>,
                        %b: memref<?xf32, #cuda.memory_space<global>>,
                        %c: memref<?xf32, #cuda.memory_space<global>>,
                        %n: i32)
      attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<256>} {
    %bx = cuda.block_idx x
    %bd = cuda.block_dim x
    %tx = cuda.thread_idx x
    %base = arith.muli %bx, %bd : i32
    %i = arith.addi %base, %tx : i32
    %inbounds = arith.cmpi slt, %i, %n : i32
    scf.if %inbounds {
      %idx = arith.index_cast %i : i32 to index
      %x = memref.load %a[%idx] : memref<?xf32, #cuda.memory_space<global>>
      %y = memref.load %b[%idx] : memref<?xf32, #cuda.memory_space<global>>
      %sum = arith.addf %x, %y : f32
      memref.store %sum, %c[%idx] : memref<?xf32, #cuda.memory_space<global>>
    }
    return
  }

  func.func @vector_add_launch(%a: memref<?xf32>, %b: memref<?xf32>,
                               %c: memref<?xf32>, %n: i32) {
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c256 = arith.constant 256 : index
    %nidx = arith.index_cast %n : i32 to index
    %bytes = arith.muli %nidx, %c4 : index
    %da = cuda.malloc %bytes : memref<?xf32, #cuda.memory_space<global>>
    %db = cuda.malloc %bytes : memref<?xf32, #cuda.memory_space<global>>
    %dc = cuda.malloc %bytes : memref<?xf32, #cuda.memory_space<global>>
    cuda.memcpy HostToDevice %da, %a, %bytes : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32>
    cuda.memcpy HostToDevice %db, %b, %bytes : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32>
    %grid = arith.ceildivui %nidx, %c256 : index
    cuda.launch @vector_add grid(%grid, %c1, %c1) block(%c256, %c1, %c1)
        args(%da, %db, %dc, %n : memref<?xf32, #cuda.memory_space<global>>,
             memref<?xf32, #cuda.memory_space<global>>,
             memref<?xf32, #cuda.memory_space<global>>, i32)
    cuda.memcpy DeviceToHost %c, %dc, %bytes : memref<?xf32>, memref<?xf32, #cuda.memory_space<global>>
    cuda.free %da : memref<?xf32, #cuda.memory_space<global>>
    cuda.free %db : memref<?xf32, #cuda.memory_space<global>>
    cuda.free %dc : memref<?xf32, #cuda.memory_space<global>>
    return
  }
}
