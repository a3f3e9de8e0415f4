#!/usr/bin/env bash
# Benchmark of the Gaussian plume computation (issue 11), one command:  bench/run-plume.sh
# 3 zones + confidence lines for 18 realistic cases, next to two baselines (the centre line alone,
# a wind sector) in the same run. Pure computation: no database. Prints the figures and a final
# SUMMARY line, and writes them with the machine and this command into docs/performance.md.
# Uses its own build folder target-bench (ZORGBEELD_BUILD_DIR); BENCH_RUNS sets the runs (default 2000).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${ZORGBEELD_BUILD_DIR:-$PWD/target-bench}"
DOC=docs/performance.md

[ -f "$BUILD_DIR/zorgbeeld.jar" ] && [ -z "$(find pom.xml server/src/main web data -newer "$BUILD_DIR/zorgbeeld.jar" -type f | head -n 1)" ] \
  || mvn -q -B -Dmaven.test.skip=true -Dzb.build.dir="$BUILD_DIR" package

OUT="$(mktemp)"
trap 'rm -f "$OUT" "$OUT.report" "$OUT.section"' EXIT
BENCH_REPORT="$OUT.report" java -Xmx512m -cp "$BUILD_DIR/zorgbeeld.jar" bench/PlumeBenchmark.java > "$OUT"
cat "$OUT.report"
echo

# The section of docs/performance.md between the markers is replaced by this run's figures.
{
  echo "<!-- plume-benchmark:start -->"
  echo "## Gaussian plume: zones and confidence lines"
  echo
  echo "Command: \`bench/run-plume.sh\` (pure computation in one JVM, no database; ${BENCH_RUNS:-2000} measured runs per row after"
  echo "500 warm-up runs). Run on $(date -u +%Y-%m-%d) at commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git status --porcelain 2>/dev/null | grep -q . && echo ' with uncommitted changes')"
  echo "on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "$(java -version 2>&1 | head -n 1), with other work running beside it."
  echo
  echo "How it is fast: only the centre line is searched (the crosswind shape is known in closed form), the three"
  echo "zones share one set of distances refined only where an outline bends, and the confidence lines come from the"
  echo "zone's outline in polar coordinates instead of a union of turned polygons."
  echo
  cat "$OUT.report"
  echo
  echo
  echo "\`$(grep '^SUMMARY' "$OUT")\`"
  echo "<!-- plume-benchmark:end -->"
} > "$OUT.section"
if grep -q '<!-- plume-benchmark:start -->' "$DOC"; then
  awk -v section="$OUT.section" '
    /<!-- plume-benchmark:start -->/ { while ((getline line < section) > 0) print line; skip = 1; next }
    /<!-- plume-benchmark:end -->/ { skip = 0; next }
    !skip { print }' "$DOC" > "$DOC.tmp" && mv "$DOC.tmp" "$DOC"
else
  { echo; cat "$OUT.section"; } >> "$DOC"
fi
echo "[bench] figures written to $DOC" >&2
grep '^SUMMARY' "$OUT"
grep -q 'result=PASS' "$OUT"
