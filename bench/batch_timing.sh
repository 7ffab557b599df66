#!/usr/bin/env bash
# Times the 5,000-run Monte Carlo target (`--jobs 2 --summary-only`) several times, each between
# two short single-run probes (`run_timer`, 300 runs), so that each batch time can be read next
# to how fast the machine was at that moment: on a shared machine the same binary's run time
# moves by 20-50% from minute to minute with the other tenants' load.
#
#   bench/batch_timing.sh [BUILD_DIR] [REPEATS] [SCENARIO]
#
# Prints one line per batch: wall and user seconds, and the probes' median and mean ms per run
# (the mean is what a batch pays per run; a quiet machine gives a mean close to the median).
set -euo pipefail
build=${1:-build}
repeats=${2:-10}
scenario=${3:-scenarios/baseline.yaml}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

probe() {
    "$build/bin/run_timer" "$scenario" 300 | awk '/wall ms\/run/ {
        for (i = 1; i <= NF; ++i) { if ($i == "median") m = $(i + 1); if ($i == "mean") a = $(i + 1) }
        print m, a }'
}

printf '%-6s %8s %8s   %-24s %-24s\n' batch wall_s user_s "probe before: median mean" "probe after: median mean"
for ((i = 1; i <= repeats; ++i)); do
    before=$(probe)
    times=$( { /usr/bin/time -f '%e %U' "$build/bin/chokepoint-batch" run "$scenario" --runs 5000 --jobs 2 \
        --summary-only --out "$out/mc" -q; } 2>&1 >/dev/null | tail -1)
    after=$(probe)
    read -r wall user <<<"$times"
    printf '%-6s %8s %8s   %-24s %-24s\n' "$i" "$wall" "$user" "$before" "$after"
done
