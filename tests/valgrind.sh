#!/bin/sh
# valgrind.sh BUILD_DIR KANBAO — the non-interactive tests under valgrind's
# memcheck: every unit test program, then the command-line modes on the
# sample issue and the corpus. Exit status 1 on any error or leak.
set -u
build=$1
kanbao=$2
export KANBAO_SRC="$(pwd)"
export KANBAO_CORPUS="${KANBAO_CORPUS:-$(pwd)/../shared/corpus}"
tmp_home=$(mktemp -d)
trap 'rm -rf "$tmp_home"' EXIT
export HOME="$tmp_home" XDG_CONFIG_HOME="$tmp_home/config" XDG_STATE_HOME="$tmp_home/state"
vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
failed=""
for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	printf '%s\n' "[ valgrind ] $name"
	$vg "$t" > "$tmp_home/$name.log" 2>&1
	status=$?
	if [ $status -ne 0 ]; then
		failed="$failed $name"
		tail -30 "$tmp_home/$name.log"
	fi
done
for args in "--list sample/" "--json sample/" "--dump --width 40 sample/" "--dump --color --width 60 sample/" \
	    "--search 青川 sample/" "--list $KANBAO_CORPUS" "--json tests/fixtures/input/gb18030.txt"; do
	printf '%s\n' "[ valgrind ] kanbao $args"
	# shellcheck disable=SC2086
	$vg "$kanbao" $args > /dev/null 2> "$tmp_home/cli.log"
	status=$?
	if [ $status -eq 99 ]; then
		failed="$failed kanbao-$args"
		cat "$tmp_home/cli.log"
	fi
done
if [ -n "$failed" ]; then
	echo "valgrind found errors in:$failed"
	exit 1
fi
echo "valgrind: no errors, no leaks"
