#!/usr/bin/env bash
# Read replicas of a shard with Xapian's own replication, on loopback: the
# recipe of docs/scale-out.md ("Replicas"), run end to end. Also the ctest
# `replicas` (label shards).
#
#   scripts/replicas.sh [BUILD_DIR]      default build/
#
# A writer database is indexed as shard 1/1 with XAPIAN_MAX_CHANGESETS set
# (so each commit writes a changeset), xapian-replicate-server serves the
# folder that holds it, two xapian-replicate clients (one-shot) copy it into
# two replica folders; then an incremental fouille-index run adds a file and
# both replicas take the change as one changeset, not a new copy, and find
# the new document with fouille-search; last, the writer is rebuilt afresh
# (a new generation) and both replicas take a whole copy of it. Exits non-zero at the first step
# that does not hold, saying which.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
index="$build/indexer/fouille-index"
search="$build/searcher/fouille-search"

work="$(mktemp -d "${TMPDIR:-/tmp}/fouille-replicas.XXXXXX")"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "replicas: FAILED: $*" >&2
  exit 1
}

# The writer: one folder per primary, holding the shard's database; the
# replication server's root is that folder, the master name the database's.
primary="$work/primary"
mkdir -p "$primary" "$work/docs"
cp "$root"/corpus/samples/* "$work/docs/"
export XAPIAN_MAX_CHANGESETS=10
"$index" --lang en -q --db "$primary/s1.db" --shard 1/1 "$work/docs" >/dev/null

documents() { xapian-delve "$1" | sed -n 's/^number of documents = //p'; }
written="$(documents "$primary/s1.db")"
[ "$written" -gt 0 ] || fail "the writer holds no document"

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# In a session of its own: on SIGTERM, Xapian's servers end their whole
# process group (their forked children), which would be this script's.
setsid xapian-replicate-server --interface 127.0.0.1 --port "$port" "$primary" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

# One pass of a client: -o (once, then exit), -r 0 (apply changesets at once:
# in a test no reader needs the time to close).
replicate() {
  xapian-replicate --host 127.0.0.1 --port "$port" --master s1.db --one-shot --reader-time 0 --verbose "$1"
}

for replica in a b; do
  replicate "$work/replica-$replica" >"$work/copy-$replica.log" 2>&1 || fail "first copy of replica $replica"
  [ "$(documents "$work/replica-$replica")" = "$written" ] || fail "replica $replica does not hold the writer's $written documents"
done

# An incremental run on the writer adds one file: one commit, one changeset.
printf 'Titre : Reboisement zorglub au Niger\nPays : Niger\n\nLe projet zorglub plante des arbres.\n' >"$work/docs/zorglub.txt"
"$index" --lang en -q --db "$primary/s1.db" --shard 1/1 "$work/docs" >/dev/null
[ "$(documents "$primary/s1.db")" = "$((written + 1))" ] || fail "the incremental run did not add the file"

for replica in a b; do
  replicate "$work/replica-$replica" >"$work/update-$replica.log" 2>&1 || fail "update of replica $replica"
  grep -q "0 copies, 1 changesets" "$work/update-$replica.log" ||
    fail "replica $replica was not updated by a changeset: $(tail -1 "$work/update-$replica.log")"
  [ "$(documents "$work/replica-$replica")" = "$((written + 1))" ] || fail "replica $replica misses the new document"
  "$search" --lang en --db "$work/replica-$replica" zorglub | grep -q "Reboisement zorglub au Niger" ||
    fail "fouille-search on replica $replica does not find the new document"
done
# A fresh rebuild writes a new generation (gen-N+1, a new database to Xapian,
# its own UUID): the master name, the folder, stays; each replica sees the
# new UUID and takes a whole copy. Emptied by --prune, the writer rebuilds in
# parallel (--jobs 2, at least 200 files).
mkdir "$work/gone"
mv "$work"/docs/* "$work/gone/"
"$index" --lang en -q --db "$primary/s1.db" --shard 1/1 --prune "$work/docs" >/dev/null
"$build/testsupport/fouille-gen" --out "$work/docs" --docs 240 --jsonl 0 --seed 5 >/dev/null
"$index" --lang en -q --db "$primary/s1.db" --shard 1/1 --jobs 2 "$work/docs" >/dev/null
grep -q "gen-2" "$primary/s1.db/XAPIANDB" || fail "the rebuild did not write a new generation"
rebuilt="$(documents "$primary/s1.db")"
for replica in a b; do
  replicate "$work/replica-$replica" >"$work/rebuild-$replica.log" 2>&1 || fail "update of replica $replica after the rebuild"
  grep -q "1 copies" "$work/rebuild-$replica.log" || fail "replica $replica did not take a copy of the new generation"
  [ "$(documents "$work/replica-$replica")" = "$rebuilt" ] || fail "replica $replica does not hold the rebuilt $rebuilt documents"
done

echo "replicas: both replicas took a changeset ($((written + 1)) documents, the new one found by fouille-search)" \
  "and a copy of a rebuilt generation ($rebuilt documents)"
