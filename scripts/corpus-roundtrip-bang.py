#!/usr/bin/env python3
"""Round trip of the BANG corpus: import, emit, build, run, compare bit for bit.

For every test/corpus/bang/<op>.mlu and every build of it that <op>.test makes
(the default tiles and the shrunk ones, e.g. -DTILE=100):

  1. xpiler-translate --import-bang -D... <op>.mlu          -> <op>.mlir
  2. xpiler-translate --emit-bang <op>.mlir                 -> <op>.rt.mlu
     (an emitted launcher with a guard around its cnrtMalloc calls does not
     import again: the importer refuses conditional allocations);
  3. bang-cc -O1 builds the original and the emitted kernel with the same
     driver (test/corpus/drivers/<op>.cpp, compiled once per kernel);
  4. both run with $CORPUS_DUMP naming two files (every checked output is
     appended there, see test/corpus/reference/check.h); both must print
     `PASS <op>` and the files must be identical (`cmp`).

Prints one line per kernel: `PASS <op>`, `FAIL <op>: why`, `XFAIL <op>: why`
(a kernel of KNOWN_IMPORT_FAILURES whose import still fails: never counted as
passing) or `XPASS <op>` (a known failure that now round-trips: remove it from
the list). Exits non-zero if any kernel is FAIL or XPASS.

Usage: corpus-roundtrip-bang.py [--jobs N] [--keep DIR] BUILD_DIR [OP...]
"""
import argparse
import concurrent.futures
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(SRC, "test", "corpus", "bang")
DRIVERS = os.path.join(SRC, "test", "corpus", "drivers")
BANG_CC = os.path.join(SRC, "runtime", "bang", "bin", "bang-cc")

# Kernels whose import fails today (another change fixes the importer).
KNOWN_IMPORT_FAILURES = {
}


class Failure(Exception):
    pass


def run(cmd, what, env=None, timeout=300):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           env=env, timeout=timeout, text=True, errors="replace")
    except subprocess.TimeoutExpired:
        raise Failure("%s timed out" % what)
    if p.returncode != 0:
        lines = [l for l in p.stdout.splitlines() if l.strip()]
        first = next((l for l in lines if "error" in l), lines[0] if lines else "")
        raise Failure("%s failed (exit %d): %s" % (what, p.returncode, first.strip()))
    return p.stdout


def build_flags(op):
    """The -D flag lists of the builds <op>.test makes, in order."""
    text = open(os.path.join(CORPUS, op + ".test"), encoding="utf-8").read()
    runs, current = [], ""
    for line in text.splitlines():
        m = re.match(r"\s*//\s*RUN:(.*)", line)
        if not m:
            continue
        part = m.group(1).rstrip()
        if part.endswith("\\"):
            current += part[:-1] + " "
            continue
        runs.append(current + part)
        current = ""
    variants = []
    for command in runs:
        if "bang-cc" not in command:
            continue
        words = shlex.split(command)
        start = next(i for i, w in enumerate(words) if w.endswith("bang-cc"))
        variants.append([w for w in words[start + 1:]
                         if w.startswith("-D")])
    if not variants:
        raise Failure("no bang-cc build in %s.test" % op)
    return variants


def round_trip(op, build, work, env):
    translate = os.path.join(build, "bin", "xpiler-translate")
    source = os.path.join(CORPUS, op + ".mlu")
    directory = os.path.join(work, op)
    os.makedirs(directory, exist_ok=True)
    variants = build_flags(op)

    # Import and emit every variant first: an import failure is what the
    # known-failure list is about.
    emitted = []
    for index, flags in enumerate(variants):
        mlir = os.path.join(directory, "%s.%d.mlir" % (op, index))
        mlu = os.path.join(directory, "%s.%d.rt.mlu" % (op, index))
        try:
            run([translate, "--import-bang", "--mlir-print-debuginfo"] + flags + [source, "-o", mlir],
                "import" + (" " + " ".join(flags) if flags else ""), env)
        except Failure as e:
            if op in KNOWN_IMPORT_FAILURES:
                return "XFAIL", str(e)
            raise
        run([translate, "--emit-bang", mlir, "-o", mlu], "emit", env)
        emitted.append(mlu)

    driver = os.path.join(directory, "driver.o")
    run([BANG_CC, "-O1", "-c", os.path.join(DRIVERS, op + ".cpp"), "-o", driver],
        "driver build", env)
    for index, (flags, mlu) in enumerate(zip(variants, emitted)):
        tag = " (%s)" % " ".join(flags) if flags else ""
        dumps = []
        for kind, kernel, kernel_flags in (("original", source, flags),
                                           ("emitted", mlu, [])):
            stem = os.path.join(directory, "%s.%d.%s" % (op, index, kind))
            run([BANG_CC, "-O1"] + kernel_flags + ["-c", kernel, "-o", stem + ".o"],
                "%s build%s" % (kind, tag), env)
            run([BANG_CC, stem + ".o", driver, "-o", stem], "%s link%s" % (kind, tag),
                env)
            dump = stem + ".dump"
            if os.path.exists(dump):
                os.remove(dump)
            run_env = dict(env, CORPUS_DUMP=dump)
            output = run([stem], "%s run%s" % (kind, tag), run_env)
            if ("PASS " + op) not in output.split("\n"):
                raise Failure("%s run%s did not print PASS %s" % (kind, tag, op))
            if not os.path.exists(dump):
                raise Failure("%s run%s dumped nothing" % (kind, tag))
            dumps.append(dump)
        with open(dumps[0], "rb") as a, open(dumps[1], "rb") as b:
            if a.read() != b.read():
                raise Failure("outputs differ%s (cmp %s %s)" % (tag, dumps[0],
                                                                 dumps[1]))
    if op in KNOWN_IMPORT_FAILURES:
        return "XPASS", "imports now: remove it from KNOWN_IMPORT_FAILURES"
    return "PASS", "%d build%s bit-for-bit" % (len(variants),
                                               "s" if len(variants) > 1 else "")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build")
    parser.add_argument("ops", nargs="*")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--keep", help="work directory to keep")
    args = parser.parse_args()

    ops = args.ops or sorted(f[:-4] for f in os.listdir(CORPUS)
                             if f.endswith(".mlu"))
    work = args.keep or tempfile.mkdtemp(prefix="bang-roundtrip-")
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("BANG_CXX", shutil.which("g++") or "g++")

    def task(op):
        try:
            return round_trip(op, os.path.abspath(args.build), work, env)
        except Failure as e:
            return "FAIL", str(e)

    counts = {}
    try:
        with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
            for op, (status, detail) in zip(ops, pool.map(task, ops)):
                counts[status] = counts.get(status, 0) + 1
                print("%s %s: %s" % (status, op, detail), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print("round trip: " + ", ".join("%d %s" % (counts[s], s)
                                       for s in ("PASS", "FAIL", "XFAIL", "XPASS")
                                       if s in counts))
    return 1 if counts.get("FAIL") or counts.get("XPASS") else 0


if __name__ == "__main__":
    sys.exit(main())
