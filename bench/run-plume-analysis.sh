#!/usr/bin/env bash
# Benchmark of the analysis following a new plume (issue 11, item 10), one command:  bench/run-plume-analysis.sh
# 100,000 synthetic institutions (generated once) plus the reference data; a Gaussian plume in Utrecht
# published over HTTP, then the analysis read until it follows it: p50/p95, next to the bare PostGIS
# query in the same run. Prints the figures and a final SUMMARY line, and writes them with the machine
# and this command into docs/performance.md. Uses the private cluster's database zorgbeeld_bench_plume
# (ZORGBEELD_BENCH_DB) unless DATABASE_URL is set, its own build folder target-bench (ZORGBEELD_BUILD_DIR),
# and the reference data in ZORGBEELD_DATA, else ../shared/data when present, else the synthetic demo set.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${ZORGBEELD_BUILD_DIR:-$PWD/target-bench}"
DB="${ZORGBEELD_BENCH_DB:-zorgbeeld_bench_plume}"
DOC=docs/performance.md

if [ -z "${DATABASE_URL:-}" ]; then
  ZORGBEELD_DB_NAME="$DB" ./zorgbeeld db start
  DATABASE_URL="postgresql://zorgbeeld@127.0.0.1:$(cat .zorgbeeld/port)/$DB"
fi
if [ -z "${ZORGBEELD_DATA:-}" ] && [ -d ../shared/data ]; then
  ZORGBEELD_DATA="$(cd ../shared/data && pwd)"
fi
[ -f "$BUILD_DIR/zorgbeeld.jar" ] && [ -z "$(find pom.xml server/src/main web data -newer "$BUILD_DIR/zorgbeeld.jar" -type f | head -n 1)" ] \
  || mvn -q -B -Dmaven.test.skip=true -Dzb.build.dir="$BUILD_DIR" package

OUT="$(mktemp)"
trap 'rm -f "$OUT" "$OUT.report" "$OUT.section"' EXIT
DATABASE_URL="$DATABASE_URL" ZORGBEELD_DATA="${ZORGBEELD_DATA:-}" BENCH_REPORT="$OUT.report" \
  java -Xmx1g -cp "$BUILD_DIR/zorgbeeld.jar" bench/PlumeAnalysisBenchmark.java > "$OUT"
cat "$OUT.report"
echo

# The section of docs/performance.md between the markers is replaced by this run's figures.
{
  echo "<!-- plume-analysis-benchmark:start -->"
  echo "## Gaussian plume: the analysis following a new plume at national scale"
  echo
  echo "Command: \`bench/run-plume-analysis.sh\` (database \`$DB\` in the private cluster; 100,000 synthetic institutions"
  echo "generated once inside the municipalities). Run on $(date -u +%Y-%m-%d) at commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git status --porcelain 2>/dev/null | grep -q . && echo ' with uncommitted changes')"
  echo "on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "$(java -version 2>&1 | head -n 1), with other work running beside it (other helpers building and testing on the same 2 cores)."
  echo
  echo "What is measured: the GAGS's POST of a new plume (computed, stored with its three zone elements in one"
  echo "transaction, the analysis told of each zone after the commit), then the Hoofd Informatie's GET of the"
  echo "analysis, which must already follow the new plume (read-your-writes: a read that finds the recording behind"
  echo "brings it up to date first) and carries each listed institution's threat (zone, concentration, arrival)."
  echo
  cat "$OUT.report"
  echo
  echo
  echo "\`$(grep '^SUMMARY' "$OUT")\`"
  echo "<!-- plume-analysis-benchmark:end -->"
} > "$OUT.section"
if grep -q '<!-- plume-analysis-benchmark:start -->' "$DOC"; then
  awk -v section="$OUT.section" '
    /<!-- plume-analysis-benchmark:start -->/ { while ((getline line < section) > 0) print line; skip = 1; next }
    /<!-- plume-analysis-benchmark:end -->/ { skip = 0; next }
    !skip { print }' "$DOC" > "$DOC.tmp" && mv "$DOC.tmp" "$DOC"
else
  { echo; cat "$OUT.section"; } >> "$DOC"
fi
echo "[bench] figures written to $DOC" >&2
grep '^SUMMARY' "$OUT"
grep -q 'result=PASS' "$OUT"
