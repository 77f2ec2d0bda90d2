#!/bin/sh
# deps.sh build|test|bench|fuzz|shots — checks that the packages kanbao needs are
# installed. On Debian, as root, it installs the missing ones with apt-get;
# otherwise it prints the exact command to run and stops (exit 1).
set -u
what=${1:-build}

# libopencc-dev: simplified/traditional conversion and the search fold;
# libopencc-data: its configurations (t2s.json ...), the dictionaries come
# with the library (libopencc1.1).
build_pkgs="gcc libc6-dev make libncurses-dev libunistring-dev libiniparser-dev libsqlite3-dev pkg-config libopencc-dev libopencc-data"
# python3: tools/fit-weights, which tests/e2e/test_weights.sh runs
test_pkgs="libcmocka-dev tmux python3"
bench_pkgs="hyperfine ripgrep"
fuzz_pkgs="clang libclang-rt-dev"
# only for tests/e2e/test_screenshot.sh: a real xterm with a CJK font
shots_pkgs="xvfb xterm fonts-wqy-zenhei fonts-dejavu-core x11-apps imagemagick"

case $what in
build) want=$build_pkgs ;;
test)  want="$build_pkgs $test_pkgs" ;;
bench) want="$build_pkgs $bench_pkgs" ;;
fuzz)  want="$build_pkgs $fuzz_pkgs" ;;
shots) want=$shots_pkgs ;;
*) echo "usage: $0 build|test|bench|fuzz|shots" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
	# Not Debian: check by what the build uses, and say what is needed.
	missing=""
	command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
	for h in ncursesw/curses.h unistr.h iniparser/iniparser.h sqlite3.h opencc/opencc.h; do
		[ -f /usr/include/$h ] || [ -f /usr/local/include/$h ] || missing="$missing $h"
	done
	if [ "$what" = test ]; then
		command -v tmux >/dev/null 2>&1 || missing="$missing tmux"
		command -v python3 >/dev/null 2>&1 || missing="$missing python3"
		[ -f /usr/include/cmocka.h ] || [ -f /usr/local/include/cmocka.h ] || missing="$missing cmocka.h"
	fi
	if [ "$what" = shots ]; then
		for c in Xvfb xterm xwd convert; do
			command -v $c >/dev/null 2>&1 || missing="$missing $c"
		done
	fi
	if [ -n "$missing" ]; then
		echo "kanbao needs:$missing (ncursesw, libunistring, iniparser, SQLite 3 with FTS5, OpenCC, pkg-config; cmocka and tmux for tests)" >&2
		exit 1
	fi
	exit 0
fi

missing=""
for p in $want; do
	status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)
	[ "$status" = installed ] || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "kanbao: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	# The package lists of a fresh machine are empty: update them first.
	apt-get update -qq >/dev/null || { echo "kanbao: apt-get update failed" >&2; exit 1; }
	apt-get install -y -qq --no-install-recommends $missing >/dev/null || {
		echo "kanbao: could not install:$missing" >&2; exit 1; }
	exit 0
fi

echo "kanbao needs packages that are not installed. Run:" >&2
echo "    sudo apt-get install$missing" >&2
exit 1
