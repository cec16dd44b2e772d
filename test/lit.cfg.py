# -*- Python -*-
# lit configuration for xpiler's IR and tool tests.

import os
import shutil

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "xpiler"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test", ".cu", ".hip", ".mlu", ".cpp"]
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py",
                   "Inputs", "downstream"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.xpiler_obj_root, "test")

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.xpiler_tools_dir, append_path=True)

config.substitutions.append(("%xpiler_src", config.xpiler_src_root))
config.substitutions.append(("%xpiler_obj", config.xpiler_obj_root))
config.substitutions.append(("%xpiler_libs", config.xpiler_lib_dir))
config.substitutions.append(("%cmake_generator", config.cmake_generator))
config.substitutions.append(("%cmake", config.cmake_command))
config.substitutions.append(("%mlir_dir", config.mlir_dir))
config.substitutions.append(("%cxx", config.cxx_compiler))

tools = [
    ToolSubst("xpiler-opt", unresolved="fatal"),
    ToolSubst("mlir-opt-22", command=os.path.join(config.llvm_tools_dir,
                                                  "mlir-opt"),
              unresolved="fatal"),
]
llvm_config.add_tool_substitutions(tools, [config.xpiler_tools_dir,
                                           config.llvm_tools_dir])

# Optional real toolchains are features that turn tests on, never failures.
if os.path.exists("/usr/local/cuda/bin/nvcc") or shutil.which("nvcc"):
    config.available_features.add("nvcc")
if shutil.which("clang++-22") or shutil.which("clang-22"):
    config.available_features.add("clang-hip")
try:
    with open("/proc/cpuinfo") as f:
        if "avx512_vnni" in f.read():
            config.available_features.add("avx512vnni")
except OSError:
    pass
# The importer fuzzer (test/fuzz), built when clang++-22 links -fsanitize=fuzzer.
if os.path.exists(os.path.join(config.xpiler_tools_dir, "xpiler-import-fuzzer")):
    config.available_features.add("libfuzzer")
