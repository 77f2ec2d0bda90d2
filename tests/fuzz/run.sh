#!/bin/sh
# run.sh SECONDS — builds the libFuzzer harnesses (clang, with ASan and
# UBSan) into build-fuzz/ and runs each for SECONDS over a seed corpus made
# at run time from our fixtures, the sample issue and ../shared/corpus.
# Findings (crash-*, leak-*, timeout-*) are kept in build-fuzz/findings/NAME;
# the exit status is 1 when any harness found something.
set -u
seconds=${1:-60}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
sh tools/deps.sh fuzz || exit 1
out=build-fuzz
mkdir -p "$out"
CC=${FUZZ_CC:-clang}
flags="-std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Iinclude -Itests/fuzz -D_GNU_SOURCE $(pkg-config --cflags ncursesw) $(pkg-config --cflags opencc)"
# OpenCC linked, not only opened by script.c: ASan hooks C++ exceptions at start
libs="$(pkg-config --libs ncursesw) -lunistring -liniparser $(pkg-config --libs sqlite3) -ldl -Wl,--no-as-needed $(pkg-config --libs opencc) -Wl,--as-needed"
lib_src=$(ls src/*.c | grep -v -e src/main.c -e src/ui.c -e src/reader)
harnesses=${FUZZ_HARNESSES:-input parse layout search config library}

seed() {   # seed NAME: a fresh seed folder for a harness
	d="$out/seeds-$1"
	rm -rf "$d"; mkdir -p "$d"
	case $1 in
	config) cp config/kanbao.ini tests/fixtures/config/*.ini "$d"/ 2>/dev/null ;;
	*)
		for f in sample/*.txt tests/fixtures/parse/*.txt tests/fixtures/input/* tests/golden/*.txt \
			 tests/papers/*.txt ../shared/corpus/*.txt; do
			[ -f "$f" ] && cp "$f" "$d/$(echo "$f" | tr / _)"
		done
		if [ "$1" = layout ]; then   # layout seeds start with 3 option bytes
			for f in "$d"/*; do printf 'P\001\041' | cat - "$f" > "$f.l" && mv "$f.l" "$f"; done
		fi
		if [ "$1" = search ]; then   # query, 0xFF, text
			for f in "$d"/*; do printf '\351\235\222\345\267\235\377' | cat - "$f" > "$f.s" && mv "$f.s" "$f"; done
		fi
		if [ "$1" = library ]; then   # 青川, or 4 characters of the page from byte 300
			for f in "$d"/*; do
				printf '\001\001\054\003\377' | cat - "$f" > "$f.q"
				printf '\351\235\222\345\267\235\377' | cat - "$f" > "$f.s" && mv "$f.s" "$f"
			done
		fi ;;
	esac
}

# the harnesses' caches (the script fold's table) stay in build-fuzz/, not
# in the user's ~/.cache
XDG_CACHE_HOME="$top/$out/cache"; export XDG_CACHE_HOME
mkdir -p "$XDG_CACHE_HOME"

found=0
for h in $harnesses; do
	echo "== fuzz_$h: building"
	# shellcheck disable=SC2086
	$CC $flags -o "$out/fuzz_$h" tests/fuzz/fuzz_$h.c $lib_src $libs || { found=1; continue; }
	seed "$h"
	# findings of earlier runs (fixed, and kept as regression tests) move aside
	if [ -d "$out/findings/$h" ] && ls "$out/findings/$h" | grep -q .; then
		mkdir -p "$out/findings-old/$h"
		mv "$out/findings/$h"/* "$out/findings-old/$h"/
	fi
	mkdir -p "$out/corpus-$h" "$out/findings/$h"
	echo "== fuzz_$h: running ${seconds}s"
	extra=""
	[ "$h" = config ] && extra="-close_fd_mask=2"
	"$out/fuzz_$h" "$out/corpus-$h" "$out/seeds-$h" -max_total_time="$seconds" -timeout=10 \
		-rss_limit_mb=2048 -max_len=262144 -print_final_stats=1 \
		-artifact_prefix="$out/findings/$h/" $extra 2>"$out/fuzz_$h.log"
	status=$?
	grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb" "$out/fuzz_$h.log" | sed "s/^/   /"
	if [ $status -ne 0 ] || ls "$out/findings/$h" | grep -q .; then
		echo "   FINDING: see $out/findings/$h and $out/fuzz_$h.log"
		tail -30 "$out/fuzz_$h.log"
		found=1
	fi
done
exit $found
