#!/usr/bin/env python3
"""Where two profiled targets of `PROFILER=... bench/gateway/ab.sh` differ, in µs of CPU per request.

    python3 bench/gateway/profile-diff.py A.collapsed B.collapsed [--self] [--top N] [--match REGEX]

Each file is async-profiler's collapsed stacks (event=cpu, 1 sample = 1 ms of CPU) with a .requests
file beside it (the requests its windows served). Prints both totals, then the frames whose time
differs most: inclusive (a frame counted once per stack it is on) or, with --self, at the top only.
A lambda's class is named by the number each JVM gave it (`$$Lambda$1917.0x...`), so two processes
name the same lambda differently; those numbers are dropped, and the same lambda lines up.
With event=alloc the figures are allocation samples (512 KiB each) per 1000 requests, not µs.
"""
import argparse
import collections
import re

LAMBDA_ID = re.compile(r'\$\$Lambda(\$\d+)?(\.0x[0-9a-f]+)?')


def per_request(path, self_only):
    requests = sum(int(line) for line in open(path.rsplit('.', 1)[0] + '.requests') if line.strip())
    frames = collections.Counter()
    total = 0
    for line in open(path):
        stack, samples = line.rstrip().rsplit(' ', 1)
        samples = int(samples)
        total += samples
        names = LAMBDA_ID.sub('$$Lambda', stack).split(';')
        for frame in [names[-1]] if self_only else set(names):
            frames[frame] += samples
    scale = 1000.0 / requests
    return {f: n * scale for f, n in frames.items()}, total * scale


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('a')
    parser.add_argument('b')
    parser.add_argument('--self', action='store_true')
    parser.add_argument('--top', type=int, default=40)
    parser.add_argument('--match')
    args = parser.parse_args()
    a, total_a = per_request(args.a, args.self)
    b, total_b = per_request(args.b, args.self)
    print(f"µs of CPU per request: A {total_a:.1f}, B {total_b:.1f}, B - A {total_b - total_a:+.1f}")
    wanted = re.compile(args.match) if args.match else None
    frames = [f for f in set(a) | set(b) if not wanted or wanted.search(f)]
    frames.sort(key=lambda f: -abs(b.get(f, 0) - a.get(f, 0)))
    for f in frames[:args.top]:
        print(f"{a.get(f, 0):8.1f} {b.get(f, 0):8.1f} {b.get(f, 0) - a.get(f, 0):+8.1f}  {f[:140]}")


if __name__ == '__main__':
    main()
