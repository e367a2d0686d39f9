#!/usr/bin/env python3
"""Prints, for each shape of `cargo bench --bench scaling` and each pair of
its sizes, the time of the larger input over the smaller (ten times the
input): near 10 is linear, near 100 quadratic. Reads criterion's estimates under target/criterion."""
import json, os, sys

root = sys.argv[1] if len(sys.argv) > 1 else "target/criterion/scaling"
for shape in sorted(os.listdir(root)):
    sizes = {}
    for size in os.listdir(os.path.join(root, shape)):
        est = os.path.join(root, shape, size, "new", "estimates.json")
        if size.isdigit() and os.path.exists(est):
            with open(est) as fh:
                sizes[int(size)] = json.load(fh)["mean"]["point_estimate"]
    pairs = sorted(sizes.items())
    for (a, ta), (b, tb) in zip(pairs, pairs[1:]):
        flag = "" if tb / ta <= 1.1 * b / a else "  <- more than linear"
        print(f"{shape:26s} {a:>7} -> {b:>7}: {ta / 1e6:9.2f} ms -> {tb / 1e6:9.2f} ms  x{tb / ta:5.1f} for x{b // a}{flag}")
