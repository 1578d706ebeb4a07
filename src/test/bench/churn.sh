#!/usr/bin/env bash
# Load with churn, the long run: io.tidings.load.ChurnLoadTest for SECONDS of writes (default
# 300) instead of the 20 s of the normal test run.
#
#   src/test/bench/churn.sh [SECONDS]
#
# 200 readers poll a mix of feeds with conditional GETs while a writer creates, edits, renames
# and deletes 50 files a second; the test asserts what it asserts in CI (no failed request,
# every body whole and of one snapshot, convergence, open files and heap back to their
# baseline) and prints its figures, shown here at the end. In-process, loopback only,
# bounded: the readers stop at the end of the churn plus convergence.
# Environment: CHURN_CLIENTS (200), CHURN_OPS (50 a second), CHURN_CONVERGE_MS (10000),
# MVN (mvn).
set -euo pipefail
cd "$(dirname "$0")/../../.."
SECONDS_OF_CHURN="${1:-300}"
case "$SECONDS_OF_CHURN" in '' | *[!0-9]*) echo "churn.sh: SECONDS must be a number" >&2; exit 2 ;; esac
MVN="${MVN:-mvn}"
REPORT=target/surefire-reports/io.tidings.load.ChurnLoadTest-output.txt
rm -f "$REPORT"
status=0
"$MVN" -B -q test -Dtest=ChurnLoadTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dchurn.seconds="$SECONDS_OF_CHURN" -Dchurn.clients="${CHURN_CLIENTS:-200}" \
  -Dchurn.opsPerSecond="${CHURN_OPS:-50}" -Dchurn.convergeMillis="${CHURN_CONVERGE_MS:-10000}" \
  || status=$?
if [ -f "$REPORT" ]; then
  grep '^churn:' "$REPORT" || true
fi
exit "$status"
