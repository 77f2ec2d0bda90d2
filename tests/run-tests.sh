#!/bin/sh
# run-tests.sh BUILD_DIR KANBAO — runs every unit test binary in
# BUILD_DIR/tests, then every end-to-end script in tests/e2e, and prints a
# summary. Exit status 1 when anything failed.
set -u
build=$1
kanbao=$2
case $kanbao in /*) ;; *) kanbao=$(pwd)/$kanbao ;; esac
export KANBAO="$kanbao"
export KANBAO_SRC="$(pwd)"
# the test-only build whose weights KANBAO_WEIGHTS sets (make tune)
export KANBAO_TUNE="$(cd "$build" && pwd)/tune"
export KANBAO_CORPUS="${KANBAO_CORPUS:-$(pwd)/../shared/corpus}"
# Tests must not read or write the user's configuration or state.
tmp_home=$(mktemp -d)
trap 'rm -rf "$tmp_home"' EXIT
export HOME="$tmp_home" XDG_CONFIG_HOME="$tmp_home/config" XDG_STATE_HOME="$tmp_home/state" \
	XDG_DATA_HOME="$tmp_home/data" XDG_CACHE_HOME="$tmp_home/cache"
unset KANBAO_CONFIG NO_COLOR KANBAO_OPENCC_DIR

if [ ! -d "$KANBAO_CORPUS" ]; then
	if [ -n "${KANBAO_REQUIRE_CORPUS:-}" ]; then
		echo "FAIL: corpus folder $KANBAO_CORPUS is missing (required here)" >&2
		exit 1
	fi
	echo "note: $KANBAO_CORPUS is absent: corpus tests will be skipped" >&2
fi

failed=""
passed=0
for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	if "$t"; then passed=$((passed + 1)); else failed="$failed $name"; fi
done
for t in tests/e2e/test_*.sh; do
	[ -f "$t" ] || continue
	name=$(basename "$t" .sh)
	echo "[ e2e      ] $name"
	if sh "$t"; then
		passed=$((passed + 1)); echo "[     OK   ] $name"
	else
		failed="$failed $name"; echo "[  FAILED  ] $name"
	fi
done
echo
if [ -n "$failed" ]; then
	echo "test programs failed:$failed ($passed passed)"
	exit 1
fi
echo "all $passed test programs passed"
