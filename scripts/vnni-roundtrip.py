#!/usr/bin/env python3
"""Round-trips every AVX-512/VNNI corpus kernel through xpiler and checks that
the translation computes bit for bit what the original computes.

For each test/corpus/vnni/<op>.cpp: import it (xpiler-translate --import-vnni),
emit it back (--emit-vnni), build the original and the emitted source with the
driver its <op>.test names (same compiler, same flags), run both with
CORPUS_DUMP set to two files and compare those byte for byte. Prints one line
per kernel and a summary; exits non-zero if any kernel fails, or if a kernel
listed in KNOWN_IMPORT_FAILURES imports (the list must then be updated).

Usage: vnni-roundtrip.py --cxx CXX --translate XPILER_TRANSLATE
                         --src XPILER_SRC --work DIR [--jobs N] [KERNEL...]
"""
import argparse
import concurrent.futures
import filecmp
import os
import re
import subprocess
import sys
import time

# Kernels the importer does not accept yet (other work fixes them); they are
# reported as XFAIL and never counted as passing.
KNOWN_IMPORT_FAILURES = {
}

FLAGS = ["-std=c++17", "-O1", "-fopenmp", "-mavx512f", "-mavx512vl",
         "-mavx512bw", "-mavx512vnni"]


def run(cmd, env=None, timeout=300):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          env=env, timeout=timeout)
    return proc.returncode, proc.stdout.decode(errors="replace")


def first_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    for line in lines:
        if "error" in line:
            return line.strip()
    return lines[0].strip() if lines else ""


def check(kernel, args):
    """Returns (status, detail) for one kernel."""
    corpus = os.path.join(args.src, "test", "corpus", "vnni")
    source = os.path.join(corpus, kernel + ".cpp")
    with open(os.path.join(corpus, kernel + ".test")) as f:
        match = re.search(r"drivers/(\S+\.cpp)", f.read())
    if not match:
        return "FAIL", "no driver in %s.test" % kernel
    driver = os.path.join(args.src, "test", "corpus", "drivers", match.group(1))
    reference = os.path.join(args.src, "test", "corpus", "reference")
    work = os.path.join(args.work, kernel)
    os.makedirs(work, exist_ok=True)
    mlir = os.path.join(work, kernel + ".mlir")
    emitted = os.path.join(work, kernel + ".emitted.cpp")

    rc, out = run([args.translate, "--import-vnni", "--mlir-print-debuginfo", source, "-o", mlir])
    if rc != 0:
        if kernel in KNOWN_IMPORT_FAILURES:
            return "XFAIL", "does not import yet: " + first_line(out)
        return "FAIL", "import: " + first_line(out)
    if kernel in KNOWN_IMPORT_FAILURES:
        note = " (imports now: remove it from KNOWN_IMPORT_FAILURES)"
    else:
        note = ""
    rc, out = run([args.translate, "--emit-vnni", mlir, "-o", emitted])
    if rc != 0:
        return "FAIL", "emit: " + first_line(out) + note

    dumps = []
    for name, path in (("original", source), ("emitted", emitted)):
        exe = os.path.join(work, name)
        rc, out = run([args.cxx] + FLAGS + ["-I" + reference, path, driver,
                                            "-o", exe])
        if rc != 0:
            return "FAIL", "build %s: %s%s" % (name, first_line(out), note)
        dump = os.path.join(work, name + ".dump")
        if os.path.exists(dump):
            os.remove(dump)
        env = dict(os.environ, CORPUS_DUMP=dump,
                   OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", "2"))
        rc, out = run([exe], env=env)
        if rc != 0:
            return "FAIL", "run %s: exit %d: %s%s" % (name, rc, first_line(out),
                                                     note)
        if not os.path.exists(dump) or os.path.getsize(dump) == 0:
            return "FAIL", "run %s: nothing dumped%s" % (name, note)
        dumps.append(dump)
    if not filecmp.cmp(dumps[0], dumps[1], shallow=False):
        return "FAIL", "outputs differ (%s vs %s)%s" % (dumps[0], dumps[1],
                                                        note)
    if note:
        return "XPASS", "bit-for-bit" + note
    return "PASS", "bit-for-bit (%d bytes)" % os.path.getsize(dumps[0])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cxx", required=True)
    parser.add_argument("--translate", required=True)
    parser.add_argument("--src", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("kernels", nargs="*")
    args = parser.parse_args()
    corpus = os.path.join(args.src, "test", "corpus", "vnni")
    kernels = args.kernels or sorted(
        f[:-4] for f in os.listdir(corpus) if f.endswith(".cpp"))
    start = time.time()
    counts = {}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = {k: pool.submit(check, k, args) for k in kernels}
        for kernel in kernels:
            try:
                status, detail = futures[kernel].result()
            except Exception as e:  # a timeout or a crash of the script
                status, detail = "FAIL", repr(e)
            counts[status] = counts.get(status, 0) + 1
            print("%-5s %-22s %s" % (status, kernel, detail), flush=True)
    summary = ", ".join("%d %s" % (counts[s], s)
                        for s in ("PASS", "FAIL", "XFAIL", "XPASS") if s in counts)
    print("%s of %d kernels in %.0f s" % (summary, len(kernels),
                                          time.time() - start))
    return 1 if counts.get("FAIL") or counts.get("XPASS") else 0


if __name__ == "__main__":
    sys.exit(main())
