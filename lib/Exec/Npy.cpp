//===- Npy.cpp - NumPy .npy files of one buffer ---------------------------===//
//
// Format 1.0 (numpy.lib.format): magic, version, a little-endian u16 header
// length, a Python dict literal padded to 64 bytes, then the C-order data.
// bfloat16 has no NumPy dtype; it is written and read as float32.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Exec/Verify.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace xpiler::exec;

static const char *npyDescr(DType dtype) {
  switch (dtype) {
  case DType::I1:
    return "|b1";
  case DType::I8:
    return "|i1";
  case DType::I16:
    return "<i2";
  case DType::I32:
    return "<i4";
  case DType::I64:
    return "<i8";
  case DType::F16:
    return "<f2";
  case DType::BF16:
  case DType::F32:
    return "<f4";
  case DType::F64:
    return "<f8";
  }
  return "|u1";
}

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

static uint16_t bfloatBits(float f) {
  llvm::APFloat v(f);
  bool lost;
  v.convert(llvm::APFloat::BFloat(), llvm::APFloat::rmNearestTiesToEven, &lost);
  return (uint16_t)v.bitcastToAPInt().getZExtValue();
}

llvm::Error xpiler::exec::writeNpy(llvm::StringRef path, const ArgValue &buffer,
                                   DType dtype) {
  std::string header = "{'descr': '" + std::string(npyDescr(dtype)) +
                       "', 'fortran_order': False, 'shape': (" +
                       std::to_string(buffer.count) + ",), }";
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header.push_back('\n');
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec, llvm::sys::fs::OF_None);
  if (ec)
    return makeError("cannot write " + path + ": " + ec.message());
  os << "\x93NUMPY";
  os << (char)1 << (char)0;
  uint16_t length = (uint16_t)header.size();
  os << (char)(length & 0xff) << (char)(length >> 8);
  os << header;
  if (dtype == DType::BF16) {
    for (int64_t i = 0; i < buffer.count; ++i) {
      float f = (float)readElement(buffer, dtype, i);
      os.write(reinterpret_cast<const char *>(&f), 4);
    }
  } else {
    os.write(reinterpret_cast<const char *>(buffer.bytes.data()),
             buffer.bytes.size());
  }
  return llvm::Error::success();
}

llvm::Expected<ArgValue> xpiler::exec::readNpy(llvm::StringRef path,
                                               DType dtype) {
  auto file = llvm::MemoryBuffer::getFile(path);
  if (!file)
    return makeError("cannot read " + path + ": " + file.getError().message());
  llvm::StringRef data = (*file)->getBuffer();
  if (data.size() < 10 || !data.starts_with("\x93NUMPY"))
    return makeError(path + ": not a .npy file");
  unsigned major = (uint8_t)data[6];
  size_t headerLength, headerStart;
  if (major == 1) {
    headerLength = (uint8_t)data[8] | ((uint8_t)data[9] << 8);
    headerStart = 10;
  } else if (data.size() >= 12) {
    headerLength = (uint8_t)data[8] | ((uint8_t)data[9] << 8) |
                   ((uint8_t)data[10] << 16) |
                   ((size_t)(uint8_t)data[11] << 24);
    headerStart = 12;
  } else {
    return makeError(path + ": truncated header");
  }
  if (headerStart + headerLength > data.size())
    return makeError(path + ": truncated header");
  llvm::StringRef header = data.substr(headerStart, headerLength);
  std::string descr = npyDescr(dtype);
  if (!header.contains("'descr': '" + descr + "'"))
    return makeError(path + ": expected dtype '" + descr + "' (" +
                     getDTypeName(dtype) + ")");
  if (header.contains("'fortran_order': True"))
    return makeError(path + ": Fortran-ordered arrays are not supported");
  size_t shapePos = header.find("'shape': (");
  if (shapePos == llvm::StringRef::npos)
    return makeError(path + ": no shape in the header");
  llvm::StringRef shape = header.substr(shapePos + 10);
  shape = shape.substr(0, shape.find(')'));
  int64_t count = 1;
  llvm::SmallVector<llvm::StringRef> dims;
  shape.split(dims, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef dim : dims) {
    int64_t extent;
    if (dim.trim().getAsInteger(10, extent) || extent < 0)
      return makeError(path + ": bad shape");
    count *= extent;
  }
  size_t elementBytes = dtype == DType::BF16 ? 4 : getDTypeBytes(dtype);
  llvm::StringRef payload = data.substr(headerStart + headerLength);
  if (payload.size() != (size_t)count * elementBytes)
    return makeError(path + ": the data does not match the shape");
  ArgValue buffer;
  buffer.count = count;
  if (dtype == DType::BF16) {
    buffer.bytes.resize(count * 2);
    for (int64_t i = 0; i < count; ++i) {
      float f;
      std::memcpy(&f, payload.data() + 4 * i, 4);
      uint16_t bits = bfloatBits(f);
      std::memcpy(buffer.bytes.data() + 2 * i, &bits, 2);
    }
  } else {
    buffer.bytes.assign(payload.begin(), payload.end());
  }
  return buffer;
}
