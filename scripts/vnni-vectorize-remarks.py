#!/usr/bin/env python3
"""Why VNNI translations of corpus kernels have no AVX-512 in their kernels.

usage: vnni-vectorize-remarks.py BUILD_DIR WORK_DIR

WORK_DIR is a translate-corpus.py work directory (WORK/<from>-to-vnni/*.cpp).
For each output whose kernels (the `static` functions) contain no `_mm512_`
intrinsic, the source is run through `--<from>-to-vnni=remarks=true` and the
reasons of xpl-vectorize-avx512's "not vectorized" remarks are printed, then
a count of outputs per reason.
"""
import collections
import glob
import importlib.util
import os
import re
import subprocess
import sys

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXT = {"cuda": "cu", "hip": "hip", "bang": "mlu"}
spec = importlib.util.spec_from_file_location(
    "tc", os.path.join(SRC, "scripts/translate-corpus.py"))
tc = importlib.util.module_from_spec(spec)
sys.path.insert(0, os.path.join(SRC, "scripts"))
spec.loader.exec_module(tc)


def main():
    build, work = sys.argv[1], sys.argv[2]
    total = collections.Counter()
    for d in ["cuda", "hip", "bang"]:
        for f in sorted(glob.glob(os.path.join(work, d + "-to-vnni", "*.cpp"))):
            op = os.path.basename(f)[:-4]
            if tc.avx512_use(open(f).read())[1]:
                continue
            src = os.path.join(SRC, "test/corpus", d, op + "." + EXT[d])
            imp = subprocess.run([os.path.join(build, "bin/xpiler-translate"),
                                  "--import-" + d, src],
                                 capture_output=True, text=True)
            r = subprocess.run([os.path.join(build, "bin/xpiler-opt"),
                                "--%s-to-vnni=remarks=true" % d,
                                "-mlir-print-op-on-diagnostic=false",
                                "-o", os.devnull],
                               input=imp.stdout, capture_output=True, text=True)
            reasons = collections.Counter()
            for line in r.stderr.splitlines():
                m = re.search(r"not vectorized: (.*)", line)
                if m:
                    why = re.sub(r" at loc\([^)]*\)", "", m.group(1))
                    why = re.sub(r" \(an indirect.*", "", why).strip()
                    reasons[why] += 1
            total.update(reasons.keys())
            print("%s-to-vnni %s: %s" % (d, op, "; ".join(
                "%s x%d" % (w, n) for w, n in reasons.most_common())))
    print("\noutputs with a kernel loop refused for each reason:")
    for w, n in total.most_common():
        print("%3d  %s" % (n, w))


if __name__ == "__main__":
    main()
