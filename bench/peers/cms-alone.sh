#!/usr/bin/env bash
# Pressroom alone on the peer harness's cluster, with the CPU each side spends: for A/B runs of a
# change to M1 or the write path without the whole side-by-side run. Not part of `npm test`.
#
#   bash bench/peers/cms-alone.sh reload                    # the harness's 10,000 articles again
#   ROOT=<checkout> bash bench/peers/cms-alone.sh m1        # M1 for DURATION s at CONNECTIONS
#   ROOT=<checkout> N=4000 bash bench/peers/cms-alone.sh write   # the write path (empties articles)
#
# Needs a finished `bench/peers/run-peerbench.sh` (its copy in PEERBENCH_COPY, default
# /tmp/peerbench, and its data). Starts the cluster if it is down and leaves it running
# (`cd /tmp/peerbench && scripts/pg.sh stop`). Each run starts ROOT's built API (`npm run build`
# first) as the harness does, and prints the API's and PostgreSQL's CPU per request (from /proc:
# the API process, and the backends of the harness's role). `m1` after `write` needs `reload`
# (the write path gives the articles new ids). EXTRA_ENV adds settings to the API's environment.
set -euo pipefail
HERE=$(cd "$(dirname "$0")/../.." && pwd)
ROOT=${ROOT:-$HERE}
DEST=${PEERBENCH_COPY:-/tmp/peerbench}
DB_URL=postgresql://bench_cms@127.0.0.1:55432/peer_cms
PORT=4005
[ -f "$DEST/drive.mjs" ] || { echo "no harness copy at $DEST: run bench/peers/run-peerbench.sh first" >&2; exit 2; }
cd "$DEST"
scripts/pg.sh start >/dev/null

cms_cli() { (cd "$ROOT" && DATABASE_URL=$DB_URL npm run -s cms -- "$@"); }
cpu_ticks() { # utime + stime of the given pids, in clock ticks
  local total=0 pid
  for pid in "$@"; do [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
  echo "$total"
}
backends() { pgrep -f 'postgres: .*bench_cms' | tr '\n' ' '; }

if [ "${1:-}" = reload ]; then
  node data/load.mjs --truncate-articles cms >/dev/null
  node data/load.mjs --peers cms
  cms_cli search reindex | tail -n 1
  scripts/pg.sh psql -d peer_cms -qc 'VACUUM ANALYZE'
  exit 0
fi
[ "${1:-}" = m1 ] || [ "${1:-}" = write ] || { echo "usage: $0 reload|m1|write" >&2; exit 2; }

CMS_EDITOR_TOKEN=$(cms_cli token create --role EDITOR --name "alone-$$" | tail -n 1)
export CMS_EDITOR_TOKEN
(cd "$ROOT" && exec env NODE_ENV=production PORT=$PORT DATABASE_URL=$DB_URL DATABASE_POOL_SIZE=20 \
  IMPORT_WORKER=false SEED_SAMPLE_POSTS=false RESPONSE_CACHE_MAX_BYTES=0 ${EXTRA_ENV:-} \
  node apps/api/dist/main.js) >"$DEST/logs/cms-alone.log" 2>&1 &
API=$!
trap 'kill $API 2>/dev/null; cms_cli token revoke "alone-$$" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 100); do
  curl -s -o /dev/null -X POST -H 'content-type: application/json' --data '{"query":"{ __typename }"}' \
    "http://127.0.0.1:$PORT/graphql" && break
  sleep 0.3
done
TARGET="name=cms,url=http://127.0.0.1:$PORT/graphql,workload=workload/cms.json"

if [ "$1" = m1 ]; then
  # A short warm-up opens the pool's connections, so the measured run's backends are all counted.
  node drive.mjs --target "$TARGET" --ops M1 --duration 3 --warmup 1 --connections "${CONNECTIONS:-10}" \
    --rounds 1 --skip-verify >/dev/null
  api0=$(cpu_ticks $API) pg0=$(cpu_ticks $(backends))
  node drive.mjs --target "$TARGET" --ops M1 --duration "${DURATION:-10}" --warmup 0 \
    --connections "${CONNECTIONS:-10}" --rounds 1 --skip-verify --out "$DEST/results/cms-alone-m1.json" >/dev/null
  api1=$(cpu_ticks $API) pg1=$(cpu_ticks $(backends))
  n=$(node -p "require('$DEST/results/cms-alone-m1.json').runs[0].total")
else
  node data/load.mjs --truncate-articles cms >/dev/null
  scripts/pg.sh psql -d peer_cms -qc 'VACUUM "Article", "ArticleRevision"'
  n=${N:-4000}
  api0=$(cpu_ticks $API) pg0=$(cpu_ticks $(backends))
  node write.mjs --target "$TARGET" --n "$n" --max-seconds 300 --out "$DEST/results/cms-alone-write.json" >/dev/null
  api1=$(cpu_ticks $API) pg1=$(cpu_ticks $(backends))
  node -e "const r = require('$DEST/results/cms-alone-write.json'); if (r.error) throw new Error(r.error)"
fi
TICK=$(getconf CLK_TCK)
node -e "
  const [n, api, pg, tick, op] = process.argv.slice(1);
  const file = op === 'm1' ? 'cms-alone-m1.json' : 'cms-alone-write.json';
  const r = require('$DEST/results/' + file);
  const rate = op === 'm1' ? r.runs[0].rps : r.articlesPerSec;
  const ms = (ticks) => +((ticks * 1000) / tick / n).toFixed(2);
  console.log(JSON.stringify({ op, root: '$ROOT', requests: +n, perSecond: rate, apiCpuMsPer: ms(api), postgresCpuMsPer: ms(pg) }));
" "$n" $((api1 - api0)) $((pg1 - pg0)) "$TICK" "$1"
