#!/usr/bin/env python3
"""Runs a BANG corpus kernel on the oracle (`xpiler run`) and on the BANG
emulation of runtime/bang (built with bang-cc) with the same random inputs,
and compares every output buffer exactly (both implement the same reference
semantics with the same roundings: they must agree bit for bit; NaNs match
NaNs).

Usage: oracle_vs_emulator.py SRC_ROOT XPILER WORK_DIR KERNEL [--arg n=v]...
                             [--range name=lo:hi]...
KERNEL names a corpus kernel (test/corpus/bang/KERNEL.mlu) or is the path
of a .mlu file. The launcher (the first `extern "C" void` definition) may
take `float`, `half` and `int` buffers and `int`/`float` scalars.
Prints "PASS <kernel>: ..." or "FAIL <kernel>: ..." (exit 1).
"""
import math
import os
import random
import re
import struct
import subprocess
import sys

root, xpiler, work, k = sys.argv[1:5]
args = sys.argv[5:]
os.makedirs(work, exist_ok=True)
source = k if k.endswith('.mlu') else f'{root}/test/corpus/bang/{k}.mlu'
k = os.path.basename(source)[:-4]
src = open(source).read()
m = re.search(r'^extern "C" void (\w+)\(([^)]*)\)', src, re.M)
fname, params = m.group(1), [p.strip() for p in m.group(2).split(',')]
scal = {}
pairs = []
i = 0
while i < len(args):
    if args[i] == '--arg':
        n, v = args[i + 1].split('=', 1); scal[n] = v; i += 2
    elif args[i] == '--range':
        pairs.append(args[i + 1]); i += 2
    else:
        i += 1
# Buffer sizes from a first oracle run.
out = subprocess.run([xpiler, 'run', source] + args,
                     capture_output=True, text=True).stdout
sizes = {mm.group(1): int(mm.group(2)) for mm in re.finditer(r'^(\w+): (\d+) x', out, re.M)}
ranges = {p.split('=')[0]: tuple(map(float, p.split('=')[1].split(':'))) for p in pairs}
def npy(path, vals, code):
    descr = {'f': '<f4', 'i': '<i4', 'e': '<f2'}[code]
    header = "{'descr': '%s', 'fortran_order': False, 'shape': (%d,), }" % (descr, len(vals))
    header += ' ' * (64 - (10 + len(header) + 1) % 64) + '\n'
    with open(path, 'wb') as f:
        f.write(b'\x93NUMPY\x01\x00' + struct.pack('<H', len(header)) + header.encode())
        f.write(struct.pack('<%d%s' % (len(vals), code), *vals))
def readnpy(path, code):
    b = open(path, 'rb').read(); hl = struct.unpack('<H', b[8:10])[0]
    d = b[10 + hl:]; size = struct.calcsize(code)
    return struct.unpack('<%d%s' % (len(d) // size, code), d)
rng = random.Random(7)
inputs = []
decl = []
callargs = []
outputs = []
for p in params:
    pm = re.match(r'(const )?(float|int|half) (\*)?(\w+)', p)
    const, ty, ptr, name = pm.groups()
    if ptr:
        n = sizes[name]
        code = {'float': 'f', 'int': 'i', 'half': 'e'}[ty]
        lo, hi = ranges.get(name, (-1.0, 1.0))
        if True:
            vals = [rng.uniform(lo, hi) if code == 'f' else rng.randrange(int(lo), int(hi)) for _ in range(n)]
            npy(f'{work}/{name}.npy', vals, code)
            inputs += ['--input', f'{name}={work}/{name}.npy']
        if not const:
            outputs.append((name, n, code))
        decl.append(f'  std::vector<{ty}> {name} = load<{ty}>("{work}/{name}.npy", {n}, 0);')
        callargs.append(f'{name}.data()')
    else:
        callargs.append(f'({ty}){scal[name]}')
# Oracle run with those inputs.
r = subprocess.run([xpiler, 'run', source] + args + inputs +
                   ['--output-dir', f'{work}/oracle'], capture_output=True, text=True)
if r.returncode:
    print(f'FAIL {k}: oracle: {r.stderr.strip()[:300]}'); sys.exit(1)
drv = ['#include <bang.h>', '#include <cstdio>', '#include <vector>', '#include <cstring>',
       f'extern "C" void {fname}({", ".join(params)});',
       'template <class T> std::vector<T> load(const char *p, int n, bool out) {',
       '  std::vector<T> v(n); if (out) return v; FILE *f = fopen(p, "rb"); unsigned char h[10];',
       '  fread(h, 1, 10, f); int hl = h[8] | h[9] << 8; fseek(f, 10 + hl, SEEK_SET);',
       '  fread(v.data(), sizeof(T), n, f); fclose(f); return v; }',
       'int main() {'] + decl + [f'  {fname}({", ".join(callargs)});']
for name, n, code in outputs:
    drv.append(f'  {{ FILE *f = fopen("{work}/{name}.emu", "wb"); fwrite({name}.data(), {struct.calcsize(code)}, {n}, f); fclose(f); }}')
drv.append('}')
open(f'{work}/driver.cpp', 'w').write('\n'.join(drv) + '\n')
env = dict(os.environ)
env.setdefault('BANG_CXX', 'c++')
b = subprocess.run([f'{root}/runtime/bang/bin/bang-cc', '-O1', source,
                    f'{work}/driver.cpp', '-o', f'{work}/emu'], capture_output=True, text=True, env=env)
if b.returncode:
    print(f'FAIL {k}: bang-cc: {b.stderr[:400]}'); sys.exit(1)
e = subprocess.run([f'{work}/emu'], capture_output=True, text=True)
if e.returncode:
    print(f'FAIL {k}: emulator: {e.stderr[:300]}'); sys.exit(1)
worst = 0.0; count = 0; bad = 0
for name, n, code in outputs:
    got = readnpy(f'{work}/oracle/{name}.npy', code)
    d = open(f'{work}/{name}.emu', 'rb').read(); want = struct.unpack('<%d%s' % (n, code), d)
    for g, w in zip(got, want):
        count += 1
        if math.isnan(g) or math.isnan(w):
            bad += not (math.isnan(g) and math.isnan(w)); continue
        err = abs(g - w); worst = max(worst, err)
        if struct.pack('<' + code, g) != struct.pack('<' + code, w):
            bad += 1
print(f'{"PASS" if bad == 0 else "FAIL"} {k}: {count} elements, {bad} differ, max abs error {worst:.3g}')
sys.exit(1 if bad else 0)
