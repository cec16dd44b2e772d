"""Arguments of `xpiler verify`/`xpiler --to` for a corpus operator, from
test/corpus/verify-args.txt (shared by the corpus scripts)."""
import os

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def verify_args(op, with_sizes):
    """--arg for each scalar, --arg for each buffer size when `with_sizes`
    (entries without a launch description: the VNNI ones), --range for each
    value range."""
    for line in open(os.path.join(SRC, "test/corpus/verify-args.txt")):
        if line.startswith("#") or "|" not in line:
            continue
        name, scalars, sizes, ranges = [f.strip() for f in line.split("|")]
        if name != op:
            continue
        args = []
        for a in scalars.split():
            args += ["--arg", a]
        if with_sizes:
            for a in sizes.split():
                args += ["--arg", a]
        for r in ranges.split():
            args += ["--range", r]
        return args
    return []
