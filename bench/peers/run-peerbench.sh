#!/usr/bin/env bash
# Runs the side-by-side harness (../shared/peerbench, issue 14 and 15) against this checkout, with
# its loader adapted to this schema. Not part of `npm test`.
#
#   bash bench/peers/run-peerbench.sh                      # the whole run, about 30 minutes
#   ROUNDS=1 DURATION=5 WRITE_N=2000 WRITE_MAX_SECONDS=60 CMS_CACHE=0 bash bench/peers/run-peerbench.sh
#   ROUNDS=1 DURATION=5 OPS=M1 SYSTEMS=keystone SKIP_WRITE=1 CMS_CACHE=0 bash bench/peers/run-peerbench.sh
#
# The harness's loader writes rows with SQL and then fills "Article"."searchVector" with
# pressroom_article_search_vector(), a function this schema no longer has: search vectors come
# from the application alone (searchDocument(); migration search_vector_from_application). So
# the copy it runs drops that UPDATE and runs `npm run cms -- search reindex` after the load,
# which writes the vectors an editor's save would, body part included (about a minute for
# 10,000 articles); without it every article would be unsearchable and take the general path
# on its first title edit. Everything else
# (knobs, results in $PEERBENCH_COPY/results/raw/<stamp>/tables.md) is the harness's own; see its
# README. PEERBENCH_DIR (default ../shared/peerbench next to this checkout), PEERBENCH_COPY
# (default /tmp/peerbench; its node_modules are kept between runs).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SRC=${PEERBENCH_DIR:-$ROOT/../shared/peerbench}
DEST=${PEERBENCH_COPY:-/tmp/peerbench}
[ -f "$SRC/run-with-cms.sh" ] || { echo "no harness at $SRC (set PEERBENCH_DIR)" >&2; exit 2; }

mkdir -p "$DEST"
# The harness's files, fresh; installed packages and earlier results stay.
(cd "$SRC" && tar --exclude=./node_modules --exclude='./peers/*/node_modules' --exclude=./results -cf - .) |
  (cd "$DEST" && tar -xf -)

schemas="$DEST/data/schemas.mjs"
runner="$DEST/run-with-cms.sh"
grep -q 'pressroom_article_search_vector(' "$schemas" || { echo "harness changed: no vector UPDATE in $schemas" >&2; exit 2; }
sed -i '/pressroom_article_search_vector(/d' "$schemas"
grep -q '^node data/load.mjs --peers cms' "$runner" || { echo "harness changed: no cms load line in $runner" >&2; exit 2; }
sed -i '/^node data\/load.mjs --peers cms/a cms_cli search reindex' "$runner"

echo "peerbench: $SRC -> $DEST (loader adapted), CMS_DIR=$ROOT"
cd "$DEST"
CMS_DIR=$ROOT exec bash ./run-with-cms.sh "$@"
