#!/usr/bin/env python3
"""Imports every corpus file of one language and checks its launch
description (see xpl-describe-launch).

A file passes when it imports and

* (--expect launcher, CUDA/HIP/BANG) it has an `xpl.launcher` function, every
  host memref argument of every launcher carries `xpl.buffer`, and every
  launch op carries `xpl.launch_shape`;
* (--expect none, VNNI) it has no launcher: VNNI code runs on the host
  pointers it is given, there is nothing to describe.

Files listed in the --xfail file (one `name  reason` a line, `#` comments)
are expected to fail: they are reported, not counted as passing, and one
that passes makes the test fail so that its line gets removed.

Usage: check_launch_description.py --language LANG [--expect launcher|none]
           [--xfail FILE] [--translate TOOL] CORPUS_DIR
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

EXTENSIONS = {"cuda": ".cu", "hip": ".hip", "bang": ".mlu", "vnni": ".cpp"}
LAUNCH = re.compile(r"\b(cuda|hip|bang)\.launch @")
FUNC = re.compile(r"^\s*func\.func (?:private )?@([\w$.]+)\(")


def read_xfail(path):
    expected = {}
    if not path:
        return expected
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                name, _, reason = line.partition(" ")
                expected[name] = reason.strip()
    return expected


def host_memref_args(signature):
    """Yields (argument text, has xpl.buffer) for each host memref argument
    of a printed func.func signature line."""
    for match in re.finditer(r"%arg\d+: memref<", signature):
        depth, i = 1, match.end()
        while depth and i < len(signature):
            depth += {"<": 1, ">": -1}.get(signature[i], 0)
            i += 1
        arg_type = signature[match.start():i]
        if "memory_space" in arg_type:
            continue
        yield arg_type, signature[i:].startswith(" {xpl.buffer = ")


def check_launchers(text):
    """Returns a list of problems of the launch description of `text`."""
    problems = []
    launchers = 0
    current = None
    for line in text.splitlines():
        func = FUNC.match(line)
        if func:
            current = func.group(1) if "xpl.launcher" in line else None
            if current:
                launchers += 1
                for arg, described in host_memref_args(line):
                    if not described:
                        problems.append(f"@{current}: {arg} has no xpl.buffer")
            continue
        launch = LAUNCH.search(line)
        if launch and "xpl.launch_shape" not in line:
            where = f"@{current}" if current else "a function not marked xpl.launcher"
            problems.append(f"{where}: {launch.group(0)}... has no xpl.launch_shape")
    if launchers == 0:
        problems.append("no xpl.launcher function")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", required=True, choices=EXTENSIONS)
    parser.add_argument("--expect", default="launcher", choices=["launcher", "none"])
    parser.add_argument("--xfail")
    parser.add_argument("--translate", default="xpiler-translate")
    parser.add_argument("corpus")
    args = parser.parse_args()

    tool = shutil.which(args.translate) or args.translate
    expected_failures = read_xfail(args.xfail)
    files = sorted(f for f in os.listdir(args.corpus)
                   if f.endswith(EXTENSIONS[args.language]))
    unknown = sorted(set(expected_failures) - set(files))
    passed, xfailed, failed, xpassed = [], [], [], []
    for name in files:
        path = os.path.join(args.corpus, name)
        try:
            run = subprocess.run([tool, f"--import-{args.language}", path],
                                 capture_output=True, text=True, timeout=300)
            ok_import, out, err = run.returncode == 0, run.stdout, run.stderr
        except subprocess.TimeoutExpired:
            ok_import, out, err = False, "", "timed out"
        if not ok_import:
            first = next((l for l in err.splitlines() if "error" in l), err.strip()[:200])
            problems = [f"import failed: {first}"]
        elif args.expect == "launcher":
            problems = check_launchers(out)
        else:
            problems = ["has an xpl.launcher"] if "xpl.launcher" in out else []
        if name in expected_failures:
            if problems:
                xfailed.append(name)
                print(f"XFAIL {name}: {problems[0]} ({expected_failures[name]})")
            else:
                xpassed.append(name)
                print(f"XPASS {name}: passes now; remove it from {args.xfail}")
        elif problems:
            failed.append(name)
            print(f"FAIL {name}:")
            for problem in problems:
                print(f"  {problem}")
        else:
            passed.append(name)
            print(f"PASS {name}")
    for name in unknown:
        print(f"UNKNOWN {name}: listed in {args.xfail} but not in the corpus")
    print(f"{args.language}: {len(passed)} of {len(files)} pass, "
          f"{len(xfailed)} expected failures, {len(failed)} failures, "
          f"{len(xpassed)} unexpected passes")
    return 1 if failed or xpassed or unknown or not files else 0


if __name__ == "__main__":
    sys.exit(main())
