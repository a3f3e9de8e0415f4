#!/usr/bin/env bash
# Benchmark of the network analysis (issues 5 and 9), one command:  bench/run-analysis.sh
# 100,000 synthetic institutions (generated once) plus the reference data, a 2,000-vertex effect zone
# and 4 rings: p50/p95 of the analysis in the service, over HTTP, a redraw until the analysis follows
# it, and where a write's time goes, next to the bare PostGIS query, in one run. Prints the figures
# and a final SUMMARY line, and writes them with the machine and this command into docs/performance.md.
# Uses the private cluster's database zorgbeeld_bench_ana (ZORGBEELD_BENCH_DB) unless DATABASE_URL is
# set, its own build folder target-bench (ZORGBEELD_BUILD_DIR), and the reference data in
# ZORGBEELD_DATA, else ../shared/data when present, else the synthetic demo set.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${ZORGBEELD_BUILD_DIR:-$PWD/target-bench}"
DB="${ZORGBEELD_BENCH_DB:-zorgbeeld_bench_ana}"
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
# The app's request log goes to standard output too; the figures come from BENCH_REPORT and the SUMMARY line.
DATABASE_URL="$DATABASE_URL" ZORGBEELD_DATA="${ZORGBEELD_DATA:-}" BENCH_REPORT="$OUT.report" \
  java -Xmx1g -cp "$BUILD_DIR/zorgbeeld.jar" bench/AnalysisBenchmark.java > "$OUT"
cat "$OUT.report"
echo

# The section of docs/performance.md between the markers is replaced by this run's figures.
{
  echo "<!-- analysis-benchmark:start -->"
  echo "## Network analysis: affected institutions at national scale"
  echo
  echo "Command: \`bench/run-analysis.sh\` (database \`$DB\` in the private cluster; 100,000 synthetic institutions"
  echo "generated once inside the municipalities). Run on $(date -u +%Y-%m-%d) at commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git status --porcelain 2>/dev/null | grep -q . && echo ' with uncommitted changes')"
  echo "on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "$(java -version 2>&1 | head -n 1), with other work running beside it."
  echo
  echo "How it is fast: the institution layer is held in memory with a spatial index (read again only when a"
  echo "trigger has raised the reference data's version), each zone is indexed once per stored version (a packed"
  echo "R-tree of its segments for exact distances, an interval tree for inside/outside), and a request asks the"
  echo "database only for the incident's current elements and its statuses and marks. The bare query instead"
  echo "measures every candidate against every vertex of the zone."
  echo
  echo "Over HTTP, one small query gives the version of the analysis (current hazard rows, status versions, latest"
  echo "newly-affecting run, reference data, recording state): its ETag answers 304, or selects the rendering kept"
  echo "for it (and its gzip form); a new version is computed once (the geometry shared with the recomputation),"
  echo "streamed with one JSON generator and kept. A write returns before the recomputation, which runs on a"
  echo "thread of its own; the read after it waits for that (or does it) so that it always follows the write."
  echo
  cat "$OUT.report"
  echo
  echo
  echo "\`$(grep '^SUMMARY' "$OUT")\`"
  echo "<!-- analysis-benchmark:end -->"
} > "$OUT.section"
if grep -q '<!-- analysis-benchmark:start -->' "$DOC"; then
  awk -v section="$OUT.section" '
    /<!-- analysis-benchmark:start -->/ { while ((getline line < section) > 0) print line; skip = 1; next }
    /<!-- analysis-benchmark:end -->/ { skip = 0; next }
    !skip { print }' "$DOC" > "$DOC.tmp" && mv "$DOC.tmp" "$DOC"
else
  { echo; cat "$OUT.section"; } >> "$DOC"
fi
echo "[bench] figures written to $DOC" >&2
grep '^SUMMARY' "$OUT"
grep -q 'result=PASS' "$OUT"
