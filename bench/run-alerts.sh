#!/usr/bin/env bash
# Benchmark of alerting (issue 13), one command:  bench/run-alerts.sh
# 1,000 institutions inside one incident area, each with a connected information coordinator holding
# its personal live stream open: an alert to all affected is resolved from the network analysis,
# stored with its 1,000 recipients and pushed to the 1,000 streams, then the 1,000 inboxes are read
# (which records the deliveries); next to a baseline of the same alert to one institution, in the same
# run. Prints the figures and a final SUMMARY line, and writes them with the machine and this command
# into docs/performance.md. Uses the private cluster's database zorgbeeld_bench_alerts
# (ZORGBEELD_BENCH_DB) unless DATABASE_URL is set, and its own build folder target-bench
# (ZORGBEELD_BUILD_DIR). Override with BENCH_INSTITUTIONS and BENCH_ROUNDS.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${ZORGBEELD_BUILD_DIR:-$PWD/target-bench}"
DB="${ZORGBEELD_BENCH_DB:-zorgbeeld_bench_alerts}"
DOC=docs/performance.md
INSTITUTIONS="${BENCH_INSTITUTIONS:-1000}"
ROUNDS="${BENCH_ROUNDS:-5}"

if [ -z "${DATABASE_URL:-}" ]; then
  ZORGBEELD_DB_NAME="$DB" ./zorgbeeld db start
  DATABASE_URL="postgresql://zorgbeeld@127.0.0.1:$(cat .zorgbeeld/port)/$DB"
fi
[ -f "$BUILD_DIR/zorgbeeld.jar" ] && [ -z "$(find pom.xml server/src/main web data -newer "$BUILD_DIR/zorgbeeld.jar" -type f | head -n 1)" ] \
  || mvn -q -B -Dmaven.test.skip=true -Dzb.build.dir="$BUILD_DIR" package
# Two sockets per stream on this machine (client and server side).
ulimit -n "$(( INSTITUTIONS * 2 + 1000 > $(ulimit -n) ? INSTITUTIONS * 2 + 1000 : $(ulimit -n) ))" 2>/dev/null || true
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

OUT="$(mktemp)"
trap 'rm -f "$OUT" "$OUT.report" "$OUT.section"' EXIT
DATABASE_URL="$DATABASE_URL" BENCH_JAR="$BUILD_DIR/zorgbeeld.jar" BENCH_PORT="$PORT" BENCH_REPORT="$OUT.report" \
  java -Xmx1g -Dinstitutions="$INSTITUTIONS" -Drounds="$ROUNDS" -cp "$BUILD_DIR/zorgbeeld.jar" bench/AlertBenchmark.java > "$OUT"
cat "$OUT.report"
echo

# The section of docs/performance.md between the markers is replaced by this run's figures.
{
  echo "<!-- alert-benchmark:start -->"
  echo "## Alerting: 1,000 institutions and their connected users"
  echo
  echo "Command: \`bench/run-alerts.sh\` (database \`$DB\` in the private cluster). $INSTITUTIONS institutions inside one"
  echo "incident area, each with one information coordinator whose personal stream (\`/api/me/live\`) is open over"
  echo "loopback; per round an alert to all affected (resolved from the network analysis, stored with every recipient,"
  echo "pushed to their streams), then all $INSTITUTIONS coordinators read \`GET /api/me/alerts\` ($ROUNDS rounds, 8 readers"
  echo "at a time). The baseline is the same alert to one institution and its coordinator, in the same run. Times run"
  echo "from sending the POST; the server (\`-Xmx512m\`) runs in its own JVM, the streams (raw sockets on one selector"
  echo "thread) in another, on the same cores."
  echo "Run on $(date -u +%Y-%m-%d) at commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git status --porcelain 2>/dev/null | grep -q . && echo ' with uncommitted changes')"
  echo "on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "$(java -version 2>&1 | head -n 1), with other work running beside it."
  echo
  echo "What it costs: the analysis is computed once for the POST; the recipients go in as one batch; the change"
  echo "carries its audience (the 1,000 institution ids) in its own column, not in the event, so every stream gets the"
  echo "same small frame (the alert without its recipient list), built once; the live hub finds the streams per"
  echo "institution in a map. Each inbox read that is a first delivery records it (one change per recipient)."
  echo
  cat "$OUT.report"
  echo
  echo "\`$(grep '^SUMMARY' "$OUT")\`"
  echo "<!-- alert-benchmark:end -->"
} > "$OUT.section"
if grep -q '<!-- alert-benchmark:start -->' "$DOC"; then
  awk -v section="$OUT.section" '
    /<!-- alert-benchmark:start -->/ { while ((getline line < section) > 0) print line; skip = 1; next }
    /<!-- alert-benchmark:end -->/ { skip = 0; next }
    !skip { print }' "$DOC" > "$DOC.tmp" && mv "$DOC.tmp" "$DOC"
else
  { echo; cat "$OUT.section"; } >> "$DOC"
fi
echo "[bench] figures written to $DOC" >&2
grep '^SUMMARY' "$OUT"
grep -q 'result=PASS' "$OUT"
