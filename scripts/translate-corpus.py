#!/usr/bin/env python3
"""Translates every corpus kernel in the given directions and reports.

usage: translate-corpus.py BUILD_DIR WORK_DIR [--directions cuda-to-hip,...]
                           [--ops add,gemm] [--no-build-check] [--repeat N]
                           [--markdown FILE]

For each kernel of test/corpus/<from>/ and each direction <from>-to-<to>:
1. `xpiler SRC --to <to> -o OUT --timings` with the arguments of
   test/corpus/verify-args.txt: the oracle proves OUT equivalent to SRC (or
   the translation fails, with its reason);
2. unless --no-build-check, OUT is built with its real compiler by the same
   commands that build the corpus kernel of the target language (the RUN
   lines of test/corpus/<to>/<op>.test, with OUT in place of the kernel,
   without their FileCheck lines, which check the original's code):
   nvcc for CUDA, clang's HIP compiler for gfx90a/gfx942 (compile only),
   g++ with the VNNI flags for VNNI, where the operator's fp32 driver is
   linked and run (on a CPU with AVX-512 VNNI);
   a missing compiler is reported as such, never as a pass;
3. translation time: import + translate + emit as `--timings` reports them
   (verification excluded), the median of --repeat runs (default 1).
Prints one line per kernel and a summary per direction; --markdown writes
the table of python-free-docs/Translation.md. Exit status 0 when every
kernel of every direction translated, verified and built.
"""
import argparse
import os

import corpus_args
import re
import shutil
import statistics
import subprocess
import sys

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXT = {"cuda": "cu", "hip": "hip", "bang": "mlu", "vnni": "cpp"}
DIRECTIONS = ["cuda-to-hip", "hip-to-cuda", "cuda-to-vnni", "hip-to-vnni",
              "bang-to-vnni"]
NVCC = "/usr/local/cuda/bin/nvcc"


def verify_args(op, src, dst):
    return corpus_args.verify_args(op, "vnni" in (src, dst))


def first_error(text):
    for line in text.splitlines():
        if "error:" in line:
            return line.split("error:", 1)[1].strip()
    for line in text.splitlines():
        if line.startswith("different:"):
            return line
    return text.strip().splitlines()[-1] if text.strip() else "no output"


def parse_timings(text):
    m = re.search(r"stats: import ([0-9.]+) s, translate ([0-9.]+) s, "
                  r"emit ([0-9.]+) s", text)
    return sum(float(x) for x in m.groups()) if m else None


def has_avx512vnni():
    try:
        return "avx512_vnni" in open("/proc/cpuinfo").read()
    except OSError:
        return False


def vnni_build_commands(op, out, work):
    """g++ with the VNNI flags, linked with the operator's default driver,
    then the driver's run where this CPU has AVX-512 VNNI. (The VNNI corpus
    tests link int8 variants: a translation keeps the source's signature, so
    it takes the default driver; half operands, as the CUDA/HIP tensor-core
    products take them, are _Float16 in the output and in the driver.)"""
    exe = os.path.join(work, op + ".bin")
    half = ""
    launcher = open(out).read().split('extern "C"')[-1][:400]
    if "_Float16" in launcher:
        half = "-DCORPUS_INPUT_T=_Float16 "
    cmds = ["c++ -std=c++17 -O2 -fopenmp -mavx512f -mavx512vl -mavx512bw "
            "-mavx512vnni %s-I%s %s %s -o %s" % (
                half, os.path.join(SRC, "test/corpus/reference"), out,
                os.path.join(SRC, "test/corpus/drivers", op + ".cpp"), exe)]
    if has_avx512vnni():
        cmds.append(exe)
    return cmds


def build_commands(op, dst, out, work):
    """The RUN lines of the target language's corpus test, on OUT."""
    if dst == "vnni":
        return vnni_build_commands(op, out, work)
    test = os.path.join(SRC, "test/corpus", dst, op + ".test")
    if not os.path.exists(test):
        return None
    kernel = "%S/" + op + "." + EXT[dst]
    cmds = []
    for line in open(test):
        m = re.match(r"\s*//\s*RUN:\s*(.*)", line)
        if not m:
            continue
        cmd = m.group(1)
        # FileCheck lines check the original kernel's code (its mfma
        # instructions ...), not whether the translation builds.
        if cmd.startswith("FileCheck") or "| FileCheck" in cmd:
            continue
        if "%if nvcc" in cmd:
            if not os.path.exists(NVCC):
                continue
            cmd = re.sub(r"%if nvcc %\{(.*)%\}", r"\1", cmd)
        cmd = cmd.replace(kernel, out)
        cmd = cmd.replace("%S", os.path.join(SRC, "test/corpus", dst))
        cmd = cmd.replace("%xpiler_src", SRC)
        cmd = cmd.replace("%cxx", "c++")
        cmd = cmd.replace("%s", test)
        cmd = cmd.replace("%t", os.path.join(work, op + ".build"))
        cmds.append(cmd)
    return cmds


def build_check(op, dst, out, work):
    cmds = build_commands(op, dst, out, work)
    if cmds is None:
        return "no build commands"
    if any(NVCC in c for c in cmds) and not os.path.exists(NVCC):
        return "nvcc missing"
    for cmd in cmds:
        r = subprocess.run(cmd, shell=True, capture_output=True, text=True,
                           env=dict(os.environ, PATH="/usr/lib/llvm-22/bin:" +
                                    os.environ["PATH"]))
        if r.returncode != 0:
            what = "run" if cmd.endswith(".bin") else "build"
            return what + " failed: " + cmd.split()[0].split("/")[-1] + \
                ": " + first_error(r.stderr + r.stdout)[:160]
    return "ok"


def avx512_use(text):
    """(any _mm512_ intrinsic, one in a kernel: a `static` function of the
    emitted C++, not the `extern "C"` launcher)."""
    kind, anywhere, kernel = None, False, False
    for line in text.splitlines():
        if line.startswith("static "):
            kind = "kernel"
        elif line.startswith('extern "C"'):
            kind = "launcher"
        if "_mm512_" in line:
            anywhere = True
            kernel |= kind == "kernel"
    return anywhere, kernel


def translate(build, op, src, dst, work, repeat, check_build):
    inp = os.path.join(SRC, "test/corpus", src, op + "." + EXT[src])
    out = os.path.join(work, op + "." + EXT[dst])
    if os.path.exists(out):
        os.remove(out)
    args = verify_args(op, src, dst)
    cmd = [os.path.join(build, "bin/xpiler"), inp, "--to", dst, "-o", out,
           "--timings"] + args
    r = subprocess.run(cmd, capture_output=True, text=True)
    text = r.stdout + r.stderr
    result = {"op": op, "rc": r.returncode}
    times = []
    t = parse_timings(text)
    if r.returncode != 0:
        result["status"] = "failed"
        result["reason"] = first_error(text)
        return result
    times.append(t)
    for _ in range(repeat - 1):
        rr = subprocess.run([cmd[0], inp, "--to", dst, "-o", out + ".timing",
                             "--timings", "--no-verify"],
                            capture_output=True, text=True)
        t = parse_timings(rr.stdout + rr.stderr)
        if t is not None:
            times.append(t)
    result["time"] = statistics.median(times)
    result["status"] = "verified"
    if dst == "vnni":
        # xpl-vectorize-avx512 turned at least one loop into intrinsics: in a
        # kernel, or only in the launcher (its host<->heap copy loops).
        result["avx512"], result["avx512_kernel"] = avx512_use(
            open(out).read())
    result["verdict"] = next((l for l in text.splitlines()
                              if l.startswith("verified:")), "")
    if check_build:
        result["build"] = build_check(op, dst, out, work)
    return result


INTRO = """\
<!-- Generated by scripts/translate-corpus.py (make bench-translate); the
     numbers are measurements on the shared 2-core development machine. -->
# The corpus, translated

Every kernel of `test/corpus/<from>/` in each direction, by
`xpiler SRC --to LANG` with the arguments of `test/corpus/verify-args.txt`:

* **verified**: the oracle proved the emitted source equivalent to the source
  (4 random trials; the output is written only then);
* **built**: the output built with the target's real compiler, by the
  commands that build that language's corpus kernels — nvcc for sm_80 and
  sm_90 (CUDA, and HIP through HIP's NVIDIA headers), clang-22's HIP
  compiler for gfx90a and gfx942 (device code) and the host; for VNNI,
  g++ with `-fopenmp -mavx512f -mavx512vl -mavx512bw -mavx512vnni`, linked
  with the operator's driver and **run** on this machine's CPU (AVX-512
  VNNI), where the driver checks it against the C++ reference;
* **translation time**: import + pipeline + emission, as `--timings` reports
  them (verification excluded), median and maximum over the kernels;
* **AVX-512 in kernels (any)** (VNNI outputs): verified outputs in which
  `xpl-vectorize-avx512` turned at least one loop of a kernel into `_mm512_*`
  intrinsics; in parentheses, outputs with intrinsics anywhere, counting
  the launchers' host-to-heap copy loops (the other loops stay scalar C++;
  [Vectorize.md](Vectorize.md) lists why).

"""


def markdown(results, check_build):
    lines = [INTRO.rstrip("\n"), "",
             "| direction | kernels | verified | built (VNNI: built and ran) "
             "| translation time median | max | AVX-512 in kernels (any) |",
             "|---|---|---|---|---|---|---|"]
    for d, rs in results.items():
        ok = [r for r in rs if r["status"] == "verified"]
        built = [r for r in ok if r.get("build") == "ok"]
        times = [r["time"] for r in ok]
        med = "%.3f s" % statistics.median(times) if times else "-"
        mx = "%.3f s" % max(times) if times else "-"
        b = str(len(built)) if check_build else "not checked"
        vec = "%d (%d)" % (sum(bool(r.get("avx512_kernel")) for r in ok),
                           sum(bool(r.get("avx512")) for r in ok)) \
            if d.endswith("-to-vnni") else "-"
        lines.append("| %s | %d | %d | %s | %s | %s | %s |" %
                     (d, len(rs), len(ok), b, med, mx, vec))
    lines.append("")
    for d, rs in results.items():
        bad = [r for r in rs if r["status"] != "verified" or
               (check_build and r.get("build") != "ok")]
        if not bad:
            continue
        lines.append("**%s**, not translated, verified and built:" % d)
        lines.append("")
        for r in bad:
            why = r.get("reason") or r.get("build")
            lines.append("- `%s`: %s" % (r["op"], why.replace("|", "\\|")))
        lines.append("")
    lines.append("Regenerate: `make bench-translate` (5 repeats per kernel for the "
                 "times), or\n`python3 scripts/translate-corpus.py build WORK "
                 "--markdown FILE`.")
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("build")
    p.add_argument("work")
    p.add_argument("--directions", default=",".join(DIRECTIONS))
    p.add_argument("--ops", default="")
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--no-build-check", action="store_true")
    p.add_argument("--markdown")
    a = p.parse_args()
    build = os.path.abspath(a.build)
    results = {}
    for d in a.directions.split(","):
        src, dst = d.split("-to-")
        work = os.path.join(os.path.abspath(a.work), d)
        os.makedirs(work, exist_ok=True)
        ops = a.ops.split(",") if a.ops else sorted(
            f[:-len(EXT[src]) - 1] for f in os.listdir(
                os.path.join(SRC, "test/corpus", src))
            if f.endswith("." + EXT[src]))
        rs = []
        for op in ops:
            r = translate(build, op, src, dst, work, a.repeat,
                          not a.no_build_check)
            rs.append(r)
            if r["status"] == "verified":
                print("%s %s: verified %.3f s%s%s" % (
                    d, op, r["time"],
                    ", build " + r["build"] if "build" in r else "",
                    ", avx512 " + ("kernel" if r.get("avx512_kernel") else
                                   "launcher") if r.get("avx512") else ""),
                    flush=True)
            else:
                print("%s %s: FAILED (exit %d): %s" % (d, op, r["rc"],
                                                       r["reason"]),
                      flush=True)
        results[d] = rs
        ok = sum(r["status"] == "verified" for r in rs)
        print("%s: %d/%d verified" % (d, ok, len(rs)), flush=True)
    table = markdown(results, not a.no_build_check)
    print(table)
    if a.markdown:
        with open(a.markdown, "w") as f:
            f.write(table + "\n")
    all_ok = all(r["status"] == "verified" and
                 (a.no_build_check or r.get("build") == "ok")
                 for rs in results.values() for r in rs)
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
