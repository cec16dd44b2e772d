"""Checks that the .npy file argv[3] holds argv[1] + argv[2] (float32)."""
import ast
import struct
import sys


def read(path):
    data = open(path, "rb").read()
    assert data[:6] == b"\x93NUMPY", path
    length = struct.unpack("<H", data[8:10])[0]
    assert (10 + length) % 64 == 0, "header not 64-byte aligned"
    header = ast.literal_eval(data[10:10 + length].decode("latin1"))
    assert header["descr"] == "<f4" and not header["fortran_order"], header
    (count,) = header["shape"]
    return list(struct.unpack("<%df" % count, data[10 + length:]))


a, b, c = (read(p) for p in sys.argv[1:4])
assert len(a) == len(b) == len(c) == 5, (a, b, c)
for x, y, z in zip(a, b, c):
    assert struct.pack("<f", x + y) == struct.pack("<f", z), (x, y, z)
print("ok")
