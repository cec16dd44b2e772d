#!/usr/bin/env python3
"""Benchmark of the oracle (make bench).

usage: bench-verify.py BUILD_DIR WORK_DIR [--repeat N] [--langs cuda,hip,...]

1. `xpiler verify` of the corpus gemm (CUDA and VNNI) against itself over 4
   trials, compile time included: median and min wall time of N runs (the
   issue's target: under 1 s on the 2-core machines).
2. Every corpus kernel against its own round trip (as scripts/corpus-verify.sh
   does): verdicts, and the median, max and total wall time per language.
Wall times are measured here, on a shared machine: compare ratios within one
run, not absolute numbers across runs.
"""
import os

import corpus_args
import statistics
import subprocess
import sys
import time

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXT = {"cuda": "cu", "hip": "hip", "bang": "mlu", "vnni": "cpp"}


def verify_args(op, lang):
    return corpus_args.verify_args(op, lang == "vnni")


def timed(cmd):
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True)
    return time.perf_counter() - start, result


def main():
    build, work = sys.argv[1], sys.argv[2]
    repeat, langs = 5, ["cuda", "hip", "bang", "vnni"]
    args = sys.argv[3:]
    while args:
        if args[0] == "--repeat":
            repeat = int(args[1])
        elif args[0] == "--langs":
            langs = args[1].split(",")
        args = args[2:]
    os.makedirs(work, exist_ok=True)
    xpiler = os.path.join(build, "bin/xpiler")
    translate = os.path.join(build, "bin/xpiler-translate")

    print("## gemm against itself, 4 trials (wall seconds, compile included)\n")
    print("| kernel | verdict | median | min | runs |")
    print("|---|---|---|---|---|")
    for lang in ["cuda", "vnni"]:
        src = os.path.join(SRC, "test/corpus", lang, "gemm." + EXT[lang])
        times, verdict = [], ""
        for _ in range(repeat):
            t, r = timed([xpiler, "verify", src, src, "--trials", "4"] +
                         verify_args("gemm", lang))
            times.append(t)
            verdict = (r.stdout.strip().split(" ")[0] if r.returncode == 0
                       else "exit %d: %s" % (r.returncode,
                                             (r.stdout + r.stderr).strip()
                                             .splitlines()[-1][:80]))
        print("| %s/gemm | %s | %.3f | %.3f | %d |" %
              (lang, verdict, statistics.median(times), min(times), repeat))

    print("\n## every corpus kernel against its round trip\n")
    print("| language | equivalent | not | median s | max s (kernel) | total s |")
    print("|---|---|---|---|---|---|")
    failures = []
    for lang in langs:
        folder = os.path.join(SRC, "test/corpus", lang)
        ops = sorted(f[:-len(EXT[lang]) - 1] for f in os.listdir(folder)
                     if f.endswith("." + EXT[lang]))
        times, passed = [], 0
        for op in ops:
            src = os.path.join(folder, op + "." + EXT[lang])
            out = os.path.join(work, lang + "-" + op + "." + EXT[lang])
            imported = subprocess.run(
                [translate, "--import-" + lang, src, "--mlir-print-debuginfo"],
                capture_output=True, text=True)
            emitted = subprocess.run(
                [translate, "--emit-" + lang, "-o", out], input=imported.stdout,
                capture_output=True, text=True)
            if imported.returncode or emitted.returncode:
                failures.append("%s/%s: round trip failed" % (lang, op))
                continue
            t, r = timed([xpiler, "verify", src, out] + verify_args(op, lang))
            times.append((t, op))
            if r.returncode == 0:
                passed += 1
            else:
                failures.append("%s/%s: exit %d: %s" % (
                    lang, op, r.returncode,
                    (r.stdout + r.stderr).strip().splitlines()[-1][:100]))
        if times:
            worst = max(times)
            print("| %s | %d | %d | %.3f | %.3f (%s) | %.1f |" %
                  (lang, passed, len(ops) - passed,
                   statistics.median(t for t, _ in times), worst[0], worst[1],
                   sum(t for t, _ in times)))
    if failures:
        print("\nNot equivalent or not run:\n")
        for f in failures:
            print("- " + f)


if __name__ == "__main__":
    main()
