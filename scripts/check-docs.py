#!/usr/bin/env python3
"""Checks that python-free-docs/ holds the current generated documentation.

Usage: check-docs.py MANIFEST DOCS_DIR
MANIFEST lines are "<generated file>=<path under DOCS_DIR>".
"""
import difflib
import sys


def main() -> int:
    manifest, docs_dir = sys.argv[1], sys.argv[2]
    stale = 0
    with open(manifest) as f:
        entries = [line.strip() for line in f if line.strip()]
    if not entries:
        print("error: no generated documentation listed in " + manifest)
        return 1
    for entry in entries:
        generated, committed = entry.split("=", 1)
        committed = f"{docs_dir}/{committed}"
        with open(generated) as f:
            want = f.readlines()
        try:
            with open(committed) as f:
                have = f.readlines()
        except FileNotFoundError:
            print(f"error: {committed} is missing; run 'make docs'")
            stale += 1
            continue
        if want != have:
            print(f"error: {committed} is stale; run 'make docs'")
            sys.stdout.writelines(difflib.unified_diff(have, want, committed,
                                                       generated, n=1))
            stale += 1
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
