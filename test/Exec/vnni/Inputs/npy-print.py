#!/usr/bin/env python3
"""Prints the elements of .npy files (little-endian i8/i16/i32/i64/u8/f32,
1-D), one line per file: `NAME: v0 v1 ...`; floats with repr (exact)."""

import ast
import os
import struct
import sys

CODES = {"<i1": "b", "|i1": "b", "|u1": "B", "<i2": "h", "<i4": "i",
         "<i8": "q", "<f4": "f", "<f8": "d"}

for path in sys.argv[1:]:
    data = open(path, "rb").read()
    assert data[:6] == b"\x93NUMPY", path
    length = struct.unpack("<H", data[8:10])[0]
    header = ast.literal_eval(data[10:10 + length].decode("latin1"))
    code = CODES[header["descr"]]
    count = 1
    for extent in header["shape"]:
        count *= extent
    values = struct.unpack("<%d%s" % (count, code), data[10 + length:])
    if code in "fd":
        text = " ".join(repr(float(v)) for v in values)
    else:
        text = " ".join(str(v) for v in values)
    print("%s: %s" % (os.path.splitext(os.path.basename(path))[0], text))
