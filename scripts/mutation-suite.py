#!/usr/bin/env python3
"""Seeded mutations of corpus kernels that `xpiler verify` must call different.

usage: mutation-suite.py BUILD_DIR WORK_DIR [--only LANG]

Reads test/Exec/mutations/mutations.txt, writes each mutant next to nothing
but WORK_DIR, runs `xpiler verify ORIGINAL MUTANT` with the operator's
arguments from test/corpus/verify-args.txt and expects exit status 1
(different). Prints one line per mutation and exits non-zero if any mutation
is missed, does not apply, or the original cannot run.
"""
import os

import corpus_args
import subprocess
import sys

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXT = {"cuda": "cu", "hip": "hip", "bang": "mlu", "vnni": "cpp"}


def verify_args(op, lang):
    return corpus_args.verify_args(op, lang == "vnni")


def main():
    build, work = sys.argv[1], sys.argv[2]
    only = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--only" else None
    os.makedirs(work, exist_ok=True)
    table = os.path.join(SRC, "test/Exec/mutations/mutations.txt")
    caught = missed = 0
    for number, line in enumerate(open(table), 1):
        if line.startswith("#") or not line.strip():
            continue
        lang, op, old, new, what = [f.strip() for f in line.split("|")]
        if only and lang != only:
            continue
        old, new = old.replace("\\n", "\n"), new.replace("\\n", "\n")
        original = os.path.join(SRC, "test/corpus", lang, op + "." + EXT[lang])
        text = open(original).read()
        if text.count(old) != 1:
            print("%s/%s (%s): FAIL: the text occurs %d times" %
                  (lang, op, what, text.count(old)))
            missed += 1
            continue
        mutant = os.path.join(work, "%s-%d.%s" % (op, number, EXT[lang]))
        with open(mutant, "w") as f:
            f.write(text.replace(old, new))
        result = subprocess.run(
            [os.path.join(build, "bin/xpiler"), "verify", original, mutant] +
            verify_args(op, lang), capture_output=True, text=True)
        detail = (result.stdout + result.stderr).strip().splitlines()
        detail = [d for d in detail if not d.startswith("note:")]
        first = detail[0] if detail else ""
        if result.returncode == 1:
            caught += 1
            print("%s/%s (%s): caught: %s" % (lang, op, what, first))
        else:
            missed += 1
            print("%s/%s (%s): FAIL (exit %d): %s" %
                  (lang, op, what, result.returncode, " ".join(detail[:3])))
    print("mutations: %d caught, %d not" % (caught, missed))
    return 0 if missed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
