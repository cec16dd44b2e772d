#!/usr/bin/env python3
"""Runs every lit suite (IR, tools, GoogleTest binaries) and prints one line
'N passed, N failed[, N skipped]'. Exits non-zero if anything failed.

Usage: run-tests.py BUILD_DIR [extra lit args...]
"""
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

LIT = "/usr/lib/llvm-22/bin/lit"


def main() -> int:
    build = os.path.abspath(sys.argv[1])
    extra = sys.argv[2:]
    results = os.path.join(build, "test-results.xml")
    if os.path.exists(results):
        os.remove(results)
    suites = [os.path.join(build, "test"), os.path.join(build, "unittests")]
    cmd = [LIT, "-sv", "--xunit-xml-output", results] + extra + suites
    rc = subprocess.call(cmd)
    if not os.path.exists(results):
        print("0 passed, 1 failed  (lit did not run: exit %d)" % rc)
        return 1
    passed = failed = skipped = 0
    for case in ET.parse(results).getroot().iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif case.find("skipped") is not None:
            skipped += 1
        else:
            passed += 1
    if rc != 0 and failed == 0:
        failed = 1  # lit itself failed (e.g. a broken configuration)
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
