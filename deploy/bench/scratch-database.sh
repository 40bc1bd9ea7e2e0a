# SPDX-License-Identifier: AGPL-3.0-or-later
# Sourced by the database benchmarks: a scratch database named $database in the local PostgreSQL
# cluster with every migration applied, dropped on exit, a folder $work for files, and two ways to
# time queries: one statement inside the database, and a list of statements sent one after another
# over a connection, as the application sends them. Needs PostgreSQL running (deploy/run.sh or the
# test stack), and sudo for its postgres user as the other scripts do.
source deploy/stack/services.sh
export PGPASSWORD=$VP_DB_PASSWORD
sql() { psql -X -q -v ON_ERROR_STOP=1 -h "$VP_DB_HOST" -p "$VP_DB_PORT" -U "$VP_DB_USER" -d "$database" "$@"; }
as_postgres dropdb --if-exists "$database"
as_postgres createdb -O "$VP_DB_USER" "$database"
# A folder for the files a benchmark writes, removed with the database.
work=$(mktemp -d)
trap 'rm -rf "$work"; as_postgres dropdb --if-exists "$database"' EXIT
for migration in $(ls video-platform-ejb/src/main/resources/db/migration/V*.sql | sort -V); do
    sql -f "$migration" >/dev/null
done

# Usage: timed RUNS STATEMENT. The statement runs RUNS times (it may use i, the run's number from 1)
# and prints its median and 95th percentile.
timed() {
    sql -t -A <<SQL
CREATE TEMP TABLE timings (ms double precision);
DO \$\$
DECLARE
    started timestamptz;
BEGIN
    FOR i IN 1..$1 LOOP
        started := clock_timestamp();
        $2;
        INSERT INTO timings VALUES (extract(epoch FROM clock_timestamp() - started) * 1000);
    END LOOP;
END
\$\$;
SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 3) || ' ms median, '
    || round(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)::numeric, 3) || ' ms 95th percentile' FROM timings;
SQL
}

# Usage: sent_in_turn RUNS FILE. pgbench sends the file's statements one after another, each
# waiting for the answer before it, over one connection with the extended protocol the JDBC driver
# uses, RUNS times; prints the median and 95th percentile of a run (from its log, whose third
# field is a run's microseconds).
sent_in_turn() {
    local logs
    logs=$(mktemp -d)
    # Called inside $(…), where set -e does not reach: a failed run must not print as 0 ms.
    (cd "$logs" && pgbench -n -M extended -t "$1" -f "$2" -l --log-prefix=run \
        -h "$VP_DB_HOST" -p "$VP_DB_PORT" -U "$VP_DB_USER" "$database" >/dev/null) || return 1
    cut -d' ' -f3 "$logs"/run.* | sort -n | awk '{ t[NR] = $1 } END {
        printf "%.3f ms median, %.3f ms 95th percentile\n", t[int((NR + 1) / 2)] / 1000, t[int(NR * 0.95 + 0.5)] / 1000 }'
    rm -rf "$logs"
}

# Usage: in_lists QUERY. The ids the query answers, quoted, 256 to a line, as EclipseLink's batch
# reads put them in their IN lists.
in_lists() {
    sql -t -A -c "$1" | awk -v per=256 '{ ids = ids (NR % per == 1 ? "" : ",") "'"'"'" $1 "'"'"'" }
        NR % per == 0 { print ids; ids = "" } END { if (ids != "") print ids }'
}
