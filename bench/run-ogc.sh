#!/usr/bin/env bash
# Benchmark: a 100,000-feature collection through the OGC API next to the bare SQL, in one run.
# Uses the private cluster (database zorgbeeld_bench) unless DATABASE_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DATABASE_URL:-}" ]; then
  ZORGBEELD_DB_NAME=zorgbeeld_bench ./zorgbeeld db start
  DATABASE_URL="postgresql://zorgbeeld@127.0.0.1:$(cat .zorgbeeld/port)/zorgbeeld_bench"
fi
[ -f target/zorgbeeld.jar ] && [ -z "$(find pom.xml server/src/main web data -newer target/zorgbeeld.jar -type f | head -n 1)" ] \
  || mvn -q -B -Dmaven.test.skip=true package
# A small heap on purpose: 100,000 features are 50 MB of GeoJSON (100 MB as Java text); a server that
# buffered a response would run out of it.
DATABASE_URL="$DATABASE_URL" exec java -Xmx96m -cp target/zorgbeeld.jar bench/OgcBenchmark.java
