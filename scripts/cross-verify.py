#!/usr/bin/env python3
"""The same operator written in two languages, compared by `xpiler verify`.

usage: cross-verify.py BUILD_DIR [--ref cuda] [--langs hip,bang,vnni] [OP...]

For each corpus operator, verifies the reference language's kernel against
the same operator in each other language, with the operator's arguments from
test/corpus/verify-args.txt (the reference's launch description gives buffer
sizes). Pairs whose entry signatures differ (e.g. half inputs in one, float
in the other) are listed as not comparable, not counted as passed. Exits
non-zero when a comparable pair is not equivalent.
"""
import os
import subprocess
import sys

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXT = {"cuda": "cu", "hip": "hip", "bang": "mlu", "vnni": "cpp"}


def verify_args(op):
    for line in open(os.path.join(SRC, "test/corpus/verify-args.txt")):
        if line.startswith("#") or "|" not in line:
            continue
        name, scalars, sizes, ranges = [f.strip() for f in line.split("|")]
        if name == op:
            args = []
            for a in scalars.split() + sizes.split():
                args += ["--arg", a]
            for r in ranges.split():
                args += ["--range", r]
            return args
    return []


def main():
    build = sys.argv[1]
    ref, langs, ops = "cuda", ["hip", "bang", "vnni"], []
    args = sys.argv[2:]
    while args:
        if args[0] == "--ref":
            ref, args = args[1], args[2:]
        elif args[0] == "--langs":
            langs, args = args[1].split(","), args[2:]
        else:
            ops.append(args[0])
            args = args[1:]
    if not ops:
        folder = os.path.join(SRC, "test/corpus", ref)
        ops = sorted(f[:-len(EXT[ref]) - 1] for f in os.listdir(folder)
                     if f.endswith("." + EXT[ref]))
    counts = {"equivalent": 0, "different": 0, "not comparable": 0,
              "could not run": 0}
    for op in ops:
        a = os.path.join(SRC, "test/corpus", ref, op + "." + EXT[ref])
        for lang in langs:
            b = os.path.join(SRC, "test/corpus", lang, op + "." + EXT[lang])
            if not os.path.exists(b):
                continue
            r = subprocess.run([os.path.join(build, "bin/xpiler"), "verify", a,
                                b] + verify_args(op),
                               capture_output=True, text=True)
            text = [l for l in (r.stdout + r.stderr).strip().splitlines()
                    if not l.startswith("note:")]
            first = text[0] if text else ""
            if r.returncode == 0:
                kind = "equivalent"
            elif r.returncode == 1:
                kind = "different"
            elif "signatures differ" in first:
                kind = "not comparable"
            else:
                kind = "could not run"
            counts[kind] += 1
            print("%s: %s vs %s: %s: %s" % (op, ref, lang, kind, first[:160]))
    print(", ".join("%d %s" % (n, k) for k, n in counts.items()))
    return 1 if counts["different"] or counts["could not run"] else 0


if __name__ == "__main__":
    sys.exit(main())
