#!/bin/sh
# run.sh KANBAO — the benchmarks behind `make bench`: kanbao against an
# anchor measured in the same run, on an archive of the corpus pages
# concatenated 1,000 times (about 80 MB), printed as one table.
#
# Run from the repository root (make does). Environment:
#   KANBAO_CORPUS  the corpus folder (default ../shared/corpus); absent: skip
#   BENCH_RUNS     alternating runs of the quick measures (default 10; the
#                  slow ones take half as many, at least 3)
#   BENCH_COPIES   copies of the corpus in the archive (default 1000)
#   CC             the compiler for the helpers (default cc)
#   BENCH_ONLY     "library": only the rows of the library and of the
#                  streaming --search (rows 2b, 7 --search RSS and 8)
#
# Timing is the harness's own: the helpers built here from tests/bench/*.c
# (alt: commands in alternating runs; bench_search: the matcher alone;
# bench_dump: the bare libunistring loop; pty: first screen and redraw in a
# pseudo-terminal; bench_longest: which article is the longest; bench_jumps:
# the issue full of jump lines) read
# CLOCK_MONOTONIC and take peak RSS from wait4. Every figure is a median
# with its spread [min-max]; progress goes to stderr, the table to stdout.
# shellcheck disable=SC2046  # helpers' result lines are split into fields on purpose
set -eu

if [ $# -ne 1 ]; then
	echo "usage: sh tests/bench/run.sh KANBAO" >&2
	exit 2
fi
kanbao=$1
case $kanbao in /*) ;; *) kanbao=$(pwd)/$kanbao ;; esac
corpus=${KANBAO_CORPUS:-../shared/corpus}
runs=${BENCH_RUNS:-10}
copies=${BENCH_COPIES:-1000}
slow=$((runs / 2))
only=${BENCH_ONLY:-all}
case $only in all|library) ;; *) echo "bench: BENCH_ONLY is all or library" >&2; exit 2 ;; esac
# set by the rows that run (the table reads them all)
reader=skipped jump_pairs="" fold_table_ns=0 convert_open_ns=0 long_src="" long_index=0 long_bytes=0 big=""
[ "$slow" -ge 3 ] || slow=3

say() { echo "bench: $*" >&2; }

if [ ! -x "$kanbao" ]; then
	echo "bench: $kanbao is not an executable (run make first)" >&2
	exit 1
fi
if [ ! -d "$corpus" ] || ! ls "$corpus"/*.txt >/dev/null 2>&1; then
	echo "bench: skipped: no corpus pages in $corpus (set KANBAO_CORPUS to the folder of the five pages)"
	exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kanbao-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP

# Every program sees the same UTF-8 locale, and none reads or writes the
# user's files: kanbao would otherwise reopen at a remembered position.
export LC_ALL=C.UTF-8
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/config" XDG_STATE_HOME="$tmp/home/state" \
	XDG_CACHE_HOME="$tmp/home/cache" XDG_DATA_HOME="$tmp/home/data"
export LESSHISTFILE=-
unset KANBAO_CONFIG NO_COLOR LESS LESSOPEN LESSCLOSE LANG LANGUAGE 2>/dev/null || true
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_STATE_HOME"

# ---- the helpers -----------------------------------------------------------

say "building the helpers"
CC=${CC:-cc}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
cflags="-std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla -O2 -Iinclude -D_GNU_SOURCE"
ncurses_cflags=$($PKG_CONFIG --cflags ncursesw 2>/dev/null || true)
ncurses_libs=$($PKG_CONFIG --libs ncursesw 2>/dev/null || echo -lncursesw)
opencc_cflags=$($PKG_CONFIG --cflags opencc 2>/dev/null || echo -I/usr/include/opencc)
opencc_libs=$($PKG_CONFIG --libs opencc 2>/dev/null || echo -lopencc)
mkdir -p "$tmp/obj"
# The modules, less the command line and the reader, as an archive: each
# helper links only the members it uses.
for f in src/*.c; do
	case $f in src/main.c|src/ui.c|src/reader*.c|src/prompt.c) continue ;; esac
	o="$tmp/obj/$(basename "$f" .c).o"
	# shellcheck disable=SC2086
	$CC $cflags $ncurses_cflags $opencc_cflags -c -o "$o" "$f"
done
ar rcs "$tmp/libkanbao.a" "$tmp"/obj/*.o
sqlite_libs=$($PKG_CONFIG --libs sqlite3 2>/dev/null || echo -lsqlite3)
for h in alt pty bench_search bench_dump bench_longest bench_jumps bench_library; do
	# shellcheck disable=SC2086
	$CC $cflags -o "$tmp/$h" "tests/bench/$h.c" "$tmp/libkanbao.a" \
		-lunistring -liniparser $opencc_libs $ncurses_libs $sqlite_libs -lutil
done

# ---- the input -------------------------------------------------------------

say "building the archive ($copies copies of $corpus/*.txt)"
cat "$corpus"/*.txt > "$tmp/one.txt"
# Doubling: the archive is made in a few dozen cat calls, not a thousand.
: > "$tmp/arch.txt"
n=$copies
cp "$tmp/one.txt" "$tmp/chunk.txt"
while [ "$n" -gt 0 ]; do
	if [ $((n % 2)) -eq 1 ]; then
		cat "$tmp/chunk.txt" >> "$tmp/arch.txt"
	fi
	n=$((n / 2))
	if [ "$n" -gt 0 ]; then
		cat "$tmp/chunk.txt" "$tmp/chunk.txt" > "$tmp/chunk2.txt"
		mv "$tmp/chunk2.txt" "$tmp/chunk.txt"
	fi
done
rm -f "$tmp/chunk.txt"
arch=$tmp/arch.txt
arch_bytes=$(wc -c < "$arch" | tr -d ' ')
# The largest page for the first screen; the page holding the longest
# article for the redraw (bench_longest also says where that article is).
# shellcheck disable=SC2012
big=$(ls -S "$corpus"/*.txt | head -n 1)
cp "$big" "$tmp/page.txt"
page=$tmp/page.txt
set -- $("$tmp/bench_longest" "$corpus"/*.txt)
long_src=$1 long_index=$2 long_bytes=$3 long_lines47=$5
cp "$long_src" "$tmp/long.txt"
long=$tmp/long.txt
long_keys=""
i=0
while [ "$i" -lt "$long_index" ]; do long_keys="${long_keys}J"; i=$((i + 1)); done

# ---- measuring -------------------------------------------------------------

# Result lines, one per row of the table, gathered in $tmp/rows:
#   KIND LABEL-KEY fields...   (formatted at the end by awk)
rows=$tmp/rows
: > "$rows"

# The first N fields of the helper's result line whose first field is K
# ("1", "2", "matcher"...): numbers only, which the shell splits into $1...
fields() { awk -v k="$1" -v n="$2" '$1 == k { for (i = 1; i <= n && i <= NF; i++) printf "%s ", $i; print "" }' "$3"; }

if [ "$only" = all ]; then
say "1/7 parsing: --list against wc -m ($runs alternating runs)"
"$tmp/alt" -n "$runs" "$kanbao" --list "$arch" -- wc -m "$arch" > "$tmp/list.out"
set -- $(fields 1 6 "$tmp/list.out"); list_med=$2 list_min=$3 list_max=$4 list_rss=$5 list_st=$6
set -- $(fields 2 6 "$tmp/list.out"); wc_med=$2 wc_min=$3 wc_max=$4 wc_st=$6
[ "$list_st" = 0 ] || say "warning: kanbao --list exited with $list_st"
[ "$wc_st" = 0 ] || say "warning: wc -m exited with $wc_st"
echo "time parse $list_med $list_min $list_max $wc_med $wc_min $wc_max le 0.5" >> "$rows"

say "2/7 search: the matcher alone against grep -F ($((runs * 2)) alternating runs each)"
# label  query  grep options
search_row() {
	"$tmp/bench_search" --alt $((runs * 2)) "$arch" "$2" grep -c -F ${3:+"$3"} "$2" "$arch" > "$tmp/s.out"
	label=$1
	set -- $(fields matcher 6 "$tmp/s.out") $(fields anchor 6 "$tmp/s.out")
	# matcher MED MIN MAX NHITS FOLDED  anchor MED MIN MAX STATUS BYTES
	case ${11} in 0|1) ;; *) say "warning: grep exited with ${11}" ;; esac
	echo "speed $label $2 $3 $4 $6 $8 $9 ${10} ${12} ge 1e9 $5" >> "$rows"
}
search_row match_cjk "营商环境" ""
search_row match_ascii "beyond" "-i"
search_row match_none "量子纠缠态" ""

say "2/7 search: the index build with the script fold on against off ($((runs * 2)) alternating runs)"
"$tmp/bench_search" --fold $((runs * 2)) "$arch" > "$tmp/fold.out"
set -- $(fields on 5 "$tmp/fold.out") $(fields off 5 "$tmp/fold.out") $(fields table 2 "$tmp/fold.out")
# on MED MIN MAX BYTES  off MED MIN MAX BYTES  table NS
echo "time fold $2 $3 $4 $7 $8 $9 le 1.3" >> "$rows"
fold_table_ns=${12}

fi
say "2/7 search: --search as a whole process against --list ($runs alternating runs)"
"$tmp/alt" -n "$runs" "$kanbao" --search "营商环境" "$arch" -- "$kanbao" --list "$arch" > "$tmp/search.out"
set -- $(fields 1 6 "$tmp/search.out"); s_med=$2 s_min=$3 s_max=$4 search_rss=$5 s_st=$6
set -- $(fields 2 6 "$tmp/search.out")
[ "$s_st" = 0 ] || say "warning: kanbao --search exited with $s_st"
echo "time search $s_med $s_min $s_max $2 $3 $4 le 1.2" >> "$rows"

if [ "$only" = all ]; then
say "3/7 layout: --dump --width 80 against the bare u8_width_linebreaks loop ($slow alternating runs)"
"$tmp/bench_dump" "$slow" 80 "$arch" "$kanbao" --dump --width 80 "$arch" > "$tmp/dump.out"
set -- $(fields bare 6 "$tmp/dump.out"); b_med=$2 b_min=$3 b_max=$4
set -- $(fields anchor 6 "$tmp/dump.out"); d_med=$2 d_min=$3 d_max=$4 d_st=$5
[ "$d_st" = 0 ] || say "warning: kanbao --dump exited with $d_st"
echo "invtime dump_bare $d_med $d_min $d_max $b_med $b_min $b_max ge 0.7" >> "$rows"

if command -v w3m >/dev/null 2>&1; then
	# w3m does not wrap text/plain: its lines come out as long as they
	# came in. So it runs twice: on the file as the issue says, and on the
	# same text as HTML, one <p> per non-blank line, which it does lay out.
	sed -e 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; /^[[:space:]]*$/d; s/^/<p>/' "$arch" > "$tmp/arch.html"
	w3m_plain_width=$(w3m -dump -cols 80 "$page" | wc -L | tr -d ' ')
	w3m_html_width=$(w3m -dump -cols 80 -T text/html "$page" | wc -L | tr -d ' ')
	say "3/7 layout: --dump --width 80 against w3m -dump -cols 80, text and HTML ($slow alternating runs)"
	"$tmp/alt" -n "$slow" "$kanbao" --dump --width 80 "$arch" -- w3m -dump -cols 80 "$arch" \
		-- w3m -dump -cols 80 -T text/html "$tmp/arch.html" > "$tmp/w3m.out"
	set -- $(fields 1 6 "$tmp/w3m.out"); w_kmed=$2 w_kmin=$3 w_kmax=$4
	set -- $(fields 2 6 "$tmp/w3m.out")
	[ "$6" = 0 ] || say "warning: w3m exited with $6"
	echo "invtime dump_w3m $w_kmed $w_kmin $w_kmax $2 $3 $4 ge 5 $w3m_plain_width" >> "$rows"
	set -- $(fields 3 6 "$tmp/w3m.out")
	[ "$6" = 0 ] || say "warning: w3m -T text/html exited with $6"
	echo "invtime dump_w3m_html $w_kmed $w_kmin $w_kmax $2 $3 $4 ge 5 $w3m_html_width" >> "$rows"
	rm -f "$tmp/arch.html"
else
	echo "none dump_w3m w3m_not_installed ge 5" >> "$rows"
fi

# Rows 4 and 5 run the reader in a pseudo-terminal. It is skipped (n/a)
# when this kanbao cannot show a first screen there.
quiet=300 press_quiet=100
reader=yes
if ! "$tmp/pty" -q $quiet -Q $press_quiet -r 1 "$kanbao" --no-restore "$page" > /dev/null 2> "$tmp/probe.err"; then
	reader=no
	say "the reader does not run here ($(head -n 1 "$tmp/probe.err")): kanbao rows 4, 5 and its RSS are n/a"
fi

# label  file  [keys=...]: first screen (and RSS) of kanbao and less
screen_row() {
	label=$1 file=$2
	if [ $reader = yes ]; then
		"$tmp/pty" -q $quiet -Q $press_quiet -r "$runs" until="article 1/" "$kanbao" --no-restore "$file" -- less "$file" > "$tmp/pty.out"
		set -- $(fields 1 12 "$tmp/pty.out"); k_med=$2 k_min=$3 k_max=$4 k_rss=$9
		set -- $(fields 2 12 "$tmp/pty.out")
		echo "screen $label $k_med $k_min $k_max $2 $3 $4" >> "$rows"
		screen_rss=$k_rss
	else
		"$tmp/pty" -q $quiet -Q $press_quiet -r "$runs" less "$file" > "$tmp/pty.out"
		set -- $(fields 1 12 "$tmp/pty.out")
		echo "screen $label na na na $2 $3 $4" >> "$rows"
		screen_rss=na
	fi
}
say "4/7 start-up: first full screen at 80x24 against less ($runs alternating runs each)"
screen_row screen_page "$page"
screen_row screen_arch "$arch"
reader_rss=$screen_rss

# Space in the longest article, 60 presses each: in cycles of 6 (then `g`
# back to the top, untimed) so that every press pages inside the text.
presses=20 cycle=6
# 23 rows of text, a page-down moves 21 (scroll_context 2), the pane is
# 47 columns wide at 80: the article must hold 7 screens.
[ "$long_lines47" -ge $((23 + 21 * cycle)) ] ||
	say "warning: the longest article has only $long_lines47 lines: some presses may hit its end"
say "5/7 redraw: Space in the longest article (page $(basename "$long_src"), article $((long_index + 1)), $long_lines47 lines at 47 columns) against less"
if [ $reader = yes ]; then
	"$tmp/pty" -q $quiet -Q $press_quiet -r 3 -p "$presses" -c "$cycle" ${long_keys:+keys=$long_keys} "$kanbao" --no-restore "$long" -- less "$long" > "$tmp/space.out"
	set -- $(fields 1 12 "$tmp/space.out"); k_med=$5 k_min=$6 k_max=$7 k_n=$8 k_bytes=${11}
	set -- $(fields 2 12 "$tmp/space.out")
	echo "press space $k_med $k_min $k_max $5 $6 $7 $k_n $8 $k_bytes ${11}" >> "$rows"
else
	"$tmp/pty" -q $quiet -Q $press_quiet -r 3 -p "$presses" -c "$cycle" less "$long" > "$tmp/space.out"
	set -- $(fields 1 12 "$tmp/space.out")
	echo "press space na na na $5 $6 $7 0 $8 0 ${11}" >> "$rows"
fi

say "5/7 conversion: the longest article to the other script and back (OpenCC, $((runs * 4)) runs)"
"$tmp/bench_longest" --convert $((runs * 4)) "$long_src" "$long_index" > "$tmp/convert.out"
set -- $(fields screen_to 5 "$tmp/convert.out") $(fields screen_back 5 "$tmp/convert.out") $(fields open 3 "$tmp/convert.out")
# screen_to MED MIN MAX BYTES  screen_back MED MIN MAX BYTES  open NS NS
echo "abs convert_to $2 $3 $4 5e6" >> "$rows"
echo "abs convert_back $7 $8 $9 5e6" >> "$rows"
convert_open_ns=${12}
set -- $(fields to 5 "$tmp/convert.out") $(fields back 5 "$tmp/convert.out")
echo "report convert_all_to $2 $3 $4" >> "$rows"
echo "report convert_all_back $7 $8 $9" >> "$rows"

say "6/7 linking: --list of an issue full of jump lines that all resolve against the same text without them ($runs alternating runs)"
# The corpus articles 200 times in one page, each with "■下转第1版" and,
# after all of them, its continuation with "(上接第1版)": thousands of
# jumps, every one resolving within the page (bench_jumps.c).
jump_pairs=$("$tmp/bench_jumps" "$tmp/jumps.txt" "$tmp/nojumps.txt" 200 "$corpus"/*.txt)
"$tmp/alt" -n "$runs" "$kanbao" --list "$tmp/jumps.txt" -- "$kanbao" --list "$tmp/nojumps.txt" > "$tmp/link.out"
set -- $(fields 1 6 "$tmp/link.out"); j_med=$2 j_min=$3 j_max=$4 j_st=$6
set -- $(fields 2 6 "$tmp/link.out")
[ "$j_st" = 0 ] || say "warning: kanbao --list (jumps) exited with $j_st"
echo "time link $j_med $j_min $j_max $2 $3 $4 le 1.2" >> "$rows"
rm -f "$tmp/jumps.txt" "$tmp/nojumps.txt"

fi
say "7/7 memory: peak RSS (from the runs above)"
if [ "$only" = all ]; then
	echo "rss rss_list $list_rss $arch_bytes 1.5" >> "$rows"
	echo "rss rss_reader $reader_rss $arch_bytes 1.5" >> "$rows"
fi
echo "rss rss_search $search_rss $arch_bytes 1.2" >> "$rows"

# ---- the library --------------------------------------------------------------

lib_issues=${BENCH_ISSUES:-365}
lib=$tmp/lib
say "8/8 library: a synthetic library of $lib_issues issues x 8 pages"
lib_bytes=$("$tmp/bench_library" build "$lib" "$lib_issues" 8 "$corpus"/*.txt)
printf '[library]\nroots = %s\n' "$lib" > "$tmp/lib.ini"
db=$XDG_CACHE_HOME/kanbao/library.db
# shellcheck disable=SC2012
set -- $(ls -d "$lib"/*/* | sort)
issue_dirs="$*"
say "8/8 library: full index build against --list of the same pages ($slow alternating runs)"
# shellcheck disable=SC2086
"$tmp/alt" -n "$slow" sh -c "rm -rf '$XDG_CACHE_HOME/kanbao'; exec '$kanbao' --config '$tmp/lib.ini' --index" \
	-- "$kanbao" --list $issue_dirs > "$tmp/index.out"
set -- $(fields 1 6 "$tmp/index.out"); i_med=$2 i_min=$3 i_max=$4 i_st=$6
set -- $(fields 2 6 "$tmp/index.out")
[ "$i_st" = 0 ] || say "warning: kanbao --index exited with $i_st"
echo "time index_build $i_med $i_min $i_max $2 $3 $4 le 2" >> "$rows"
db_bytes=$(cat "$db" "$db-wal" 2>/dev/null | wc -c | tr -d ' ')
echo "size index_size $db_bytes $lib_bytes" >> "$rows"

say "8/8 library: 50 queries each of 1, 2, 4 and 8 characters against grep -rF -c and rg -F -c"
"$tmp/bench_library" query "$db" "$lib" 50 "$kanbao" "$tmp/lib.ini" "$corpus"/*.txt > "$tmp/query.out"
# q LEN NEWEST_MED NEWEST_P99 RANKED_MED RANKED_P99 ALL_MED ALL_P99 GREP_MED GREP_P99 RG_MED RG_P99 HITS SCREEN_MED SCREEN_P99
#   FIRST_MED FIRST_P99 RGL_MED RGL_P99 RGFIRST_MED RGFIRST_P99
# -> one row each: what the S view waits for (the ranking and its first
# screen of hits), the best 500 with every hit made (the view before it
# made its rows lazily), what --search --all takes as a process (against
# rg -F -c, the issue's anchor, and against rg -F printing every line,
# the same work), its first line (| head -n 1) against rg's, the first
# page newest first (no command alone)
: > "$tmp/q.screen"; : > "$tmp/q.ranked"; : > "$tmp/q.all"; : > "$tmp/q.lines"; : > "$tmp/q.head"; : > "$tmp/q.first"
while read -r _ len n_med n_p99 r_med r_p99 a_med a_p99 g_med _ rg_med _ _ s_med s_p99 f_med f_p99 l_med _ rf_med rf_p99; do
	echo "query screen$len $s_med $s_p99 $g_med $rg_med" >> "$tmp/q.screen"
	echo "query ranked$len $r_med $r_p99 $g_med $rg_med" >> "$tmp/q.ranked"
	echo "query all$len $a_med $a_p99 $g_med $rg_med" >> "$tmp/q.all"
	echo "lines lines$len $a_med $a_p99 $l_med" >> "$tmp/q.lines"
	echo "head head$len $f_med $f_p99 $rf_med $rf_p99" >> "$tmp/q.head"
	echo "query first$len $n_med $n_p99 $g_med $rg_med" >> "$tmp/q.first"
done < "$tmp/query.out"
cat "$tmp/q.screen" "$tmp/q.ranked" "$tmp/q.all" "$tmp/q.lines" "$tmp/q.head" "$tmp/q.first" >> "$rows"

say "8/8 library: --index after one new issue ($runs times)"
: > "$tmp/incr.all"
i=0
first=$(ls -d "$lib"/*/* | sort | head -n 1)
while [ "$i" -lt "$runs" ]; do
	cp -r "$first" "$lib/通辽日报/2030-01-$(printf '%02d' $((i + 1)))"
	"$tmp/alt" -n 1 -w 0 "$kanbao" --config "$tmp/lib.ini" --index > "$tmp/incr.out"
	fields 1 2 "$tmp/incr.out" >> "$tmp/incr.all"
	i=$((i + 1))
done
rm -rf "$lib"/通辽日报/2030-*
set -- $(sort -n -k2 "$tmp/incr.all" | awk '{ v[NR] = $2 } END { print v[int((NR + 1) / 2)], v[1], v[NR] }')
echo "abs index_incr $1 $2 $3 3e8" >> "$rows"

# ---- the table -------------------------------------------------------------

awk -v arch_bytes="$arch_bytes" -v copies="$copies" -v runs="$runs" -v slow="$slow" \
    -v nproc="$(nproc 2>/dev/null || echo '?')" -v load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')" \
    -v long_name="$(basename "$long_src")" -v long_article=$((long_index + 1)) -v long_bytes="$long_bytes" \
    -v page_name="$(basename "$big")" -v reader="$reader" -v jump_pairs="$jump_pairs" \
    -v fold_table="$fold_table_ns" -v convert_open="$convert_open_ns" \
    -v lib_issues="$lib_issues" -v lib_bytes="$lib_bytes" '
function unit_of(ns) { return ns >= 1e9 ? "s" : ns >= 1e6 ? "ms" : "us" }
function num(ns, u,   v) {
	v = u == "s" ? ns / 1e9 : u == "ms" ? ns / 1e6 : ns / 1e3
	return v >= 100 ? sprintf("%.0f", v) : v >= 10 ? sprintf("%.1f", v) : sprintf("%.2f", v)
}
# "372 ms [349-429]"
function t(med, lo, hi,   u) {
	if (med == "na") return "n/a"
	u = unit_of(med)
	return num(med, u) " " u " [" num(lo, u) "-" num(hi, u) "]"
}
function gbs(bytes, ns) { v = bytes / ns; return v >= 10 ? sprintf("%.1f", v) : sprintf("%.2f", v) }
# throughput: bytes over the median, spread from the slowest and fastest runs
function g(bytes, med, lo, hi) { return gbs(bytes, med) " GB/s [" gbs(bytes, hi) "-" gbs(bytes, lo) "]" }
function x(v) { return sprintf("%.2fx", v) }
function mb(kb) { return sprintf("%.1f MB", kb * 1024 / 1e6) }
function met(ok) { return ok ? "yes" : "NO" }
function row(m, k, a, r, tg, ok) {
	n++; M[n] = m; K[n] = k; A[n] = a; R[n] = r; T[n] = tg; OK[n] = ok
}
BEGIN {
	label["parse"] = "parse: --list vs wc -m"
	label["match_cjk"] = "matcher, CJK query vs grep -F"
	label["match_ascii"] = "matcher, ASCII folded vs grep -F -i"
	label["match_none"] = "matcher, no hit vs grep -F"
	label["search"] = "--search (process) vs --list"
	label["link"] = "linking: --list, jumps vs none"
	label["fold"] = "index build, script fold on vs off"
	label["convert_to"] = "longest article to the other script, worst screen"
	label["convert_back"] = "and back again, worst screen"
	label["convert_all_to"] = "longest article to the other script, whole"
	label["convert_all_back"] = "and back again, whole"
	label["dump_bare"] = "--dump --width 80 vs bare u8_width_linebreaks"
	label["dump_w3m"] = "--dump --width 80 vs w3m -dump -cols 80"
	label["dump_w3m_html"] = "--dump --width 80 vs w3m, same text as HTML"
	label["screen_page"] = "first screen, one page vs less"
	label["screen_arch"] = "first screen, archive vs less"
	label["space"] = "Space, longest article vs less"
	label["rss_list"] = "peak RSS, --list / input"
	label["rss_reader"] = "peak RSS, reader / input"
	label["rss_search"] = "peak RSS, --search / input"
	label["index_build"] = "library: --index (full) vs --list"
	label["index_size"] = "library: index size / input"
	label["index_incr"] = "library: --index after one new issue"
	for (i = 1; i <= 8; i *= 2) {
		chars = i == 1 ? "1 char" : i " chars"
		label["screen" i] = "library: S view (ranking + first screen), " chars " vs rg -F -c"
		label["ranked" i] = "library: ranked, best 500 all made, " chars " vs rg -F -c"
		label["all" i] = "library: --search --all (process), " chars " vs rg -F -c"
		label["first" i] = "library: first 50 newest (no command), " chars " vs rg -F -c"
		label["lines" i] = "library: --search --all (process), " chars " vs rg -F (every line)"
		label["head" i] = "library: --search --all | head -n 1, " chars " vs rg -F | head -n 1"
	}
}
$1 == "time" {          # kanbao time, anchor time: ratio of times <= target
	r = $3 / $6
	row(label[$2], t($3, $4, $5), t($6, $7, $8), x(r) " time", "<= " $10 "x", met(r <= $10))
}
$1 == "invtime" {       # kanbao time, anchor time: ratio of speeds >= target
	r = $6 / $3
	if ($11 != "" && $11 > 80) {    # w3m printed lines wider than 80: it did not wrap
		row(label[$2], t($3, $4, $5), t($6, $7, $8), x(r) " speed", "- (no wrap)", "-")
		nowrap = $11
	} else
		row(label[$2], t($3, $4, $5), t($6, $7, $8), x(r) " speed", ">= " $10 "x", met(r >= $10))
}
$1 == "speed" {         # matcher ns on folded bytes, grep ns on file bytes
	ours = $6 / $3; theirs = $10 / $7
	row(label[$2], g($6, $3, $4, $5), g($10, $7, $8, $9), x(ours / theirs) " speed",
	    ">= 1 GB/s", met(ours * 1e9 >= $12))
	hits[$2] = $13
}
$1 == "screen" {
	tg = $2 == "screen_page" ? 30e6 : 300e6
	if ($3 == "na")
		row(label[$2], "n/a", t($6, $7, $8), "-", "<= " tg / 1e6 " ms", "n/a")
	else
		row(label[$2], t($3, $4, $5), t($6, $7, $8), x($3 / $6) " time", "<= " tg / 1e6 " ms", met($3 <= tg))
}
$1 == "press" {
	if ($3 == "na")
		row(label[$2], "n/a", t($6, $7, $8), "-", "<= 5 ms", "n/a")
	else
		row(label[$2], t($3, $4, $5), t($6, $7, $8), x($3 / $6) " time", "<= 5 ms", met($3 <= 5e6))
	presses_k = $9; presses_l = $10; bytes_k = $11; bytes_l = $12
}
$1 == "abs" {           # a time against an absolute target, no anchor
	row(label[$2], t($3, $4, $5), "-", "-", "<= " $6 / 1e6 " ms", met($3 <= $6))
}
$1 == "report" {        # a time, reported
	row(label[$2], t($3, $4, $5), "-", "-", "(report)", "-")
}
$1 == "rss" {
	if ($3 == "na")
		row(label[$2], "n/a", "input " mb($4 / 1024), "-", "<= " $5 "x", "n/a")
	else
		row(label[$2], mb($3), "input " mb($4 / 1024), x($3 * 1024 / $4), "<= " $5 "x", met($3 * 1024 <= $5 * $4))
}
$1 == "size" {          # bytes against bytes, reported
	row(label[$2], mb($3 / 1024), "input " mb($4 / 1024), x($3 / $4), "(report)", "-")
}
$1 == "query" {         # p99 (median); grep and rg medians: the ratio of medians
	# QUERY KEY MED P99 G_MED RG_MED
	ratio = $6 == "na" ? "-" : x($6 / $3) " speed"
	row(label[$2], t($4, $3, $4) " p99 [med-p99]", "rg " ($6 == "na" ? "n/a" : t($6, $6, $6)) ", grep " t($5, $5, $5),
	    ratio, "p99 <= 20 ms, >= 50x", met($4 <= 20e6 && $6 != "na" && $6 / $3 >= 50))
}
$1 == "lines" {         # LINES KEY MED P99 RGL_MED: the same work as rg printing every line, by medians
	ratio = $5 == "na" ? "-" : x($5 / $3) " speed"
	row(label[$2], t($4, $3, $4) " p99 [med-p99]", "rg -F " ($5 == "na" ? "n/a" : t($5, $5, $5)),
	    ratio, ">= 1x", $5 == "na" ? "n/a" : met($5 / $3 >= 1))
}
$1 == "head" {          # HEAD KEY MED P99 RGF_MED RGF_P99: the first line of output, p99 against the 20 ms of the issue
	ratio = $5 == "na" ? "-" : x($5 / $3) " speed"
	row(label[$2], t($4, $3, $4) " p99 [med-p99]", "rg " ($5 == "na" ? "n/a" : t($6, $5, $6) " p99 [med-p99]"),
	    ratio, "p99 <= 20 ms", met($4 <= 20e6))
}
$1 == "none" {
	row(label[$2], "-", "w3m not installed", "-", ">= " $5 "x", "n/a")
}
END {
	M[0] = "measure"; K[0] = "kanbao"; A[0] = "anchor"; R[0] = "ratio"; T[0] = "target"; OK[0] = "met"
	for (i = 0; i <= n; i++) {
		if (length(M[i]) > wm) wm = length(M[i]); if (length(K[i]) > wk) wk = length(K[i])
		if (length(A[i]) > wa) wa = length(A[i]); if (length(R[i]) > wr) wr = length(R[i])
		if (length(T[i]) > wt) wt = length(T[i]); if (length(OK[i]) > wo) wo = length(OK[i])
	}
	printf "\nkanbao benchmarks: archive %.1f MB (the corpus x %d), %d alternating runs (%d for --dump), %s CPUs, load %s\n\n",
	       arch_bytes / 1e6, copies, runs, slow, nproc, load
	for (i = 0; i <= n; i++) {
		printf "| %-" wm "s | %-" wk "s | %-" wa "s | %-" wr "s | %-" wt "s | %-" wo "s |\n", M[i], K[i], A[i], R[i], T[i], OK[i]
		if (i == 0) {
			s = "|"; w[1] = wm; w[2] = wk; w[3] = wa; w[4] = wr; w[5] = wt; w[6] = wo
			for (j = 1; j <= 6; j++) { d = ""; for (c = 0; c < w[j] + 2; c++) d = d "-"; s = s d "|" }
			print s
		}
	}
	printf "\nMedians [min-max]. Queries: CJK \"营商环境\" (%s hits), ASCII \"beyond\" folded (%s hits; the text has \"Beyond\"),\n", hits["match_cjk"], hits["match_ascii"]
	printf "no hit \"量子纠缠态\"; the matcher is timed on the folded text, grep -c on the file (GB/s = 10^9 bytes/s).\n"
	printf "Linking: the corpus articles x200 in one page, %s jump pairs that all resolve, against the same text without the jump lines.\n", jump_pairs
	printf "First screen: %s (the largest page) and the archive, 80x24: kanbao until its status line is drawn (a big issue then goes on showing \"loading N%%\"), less until 300 ms of quiet.\n", page_name
	printf "Space: %s, article %s (%s bytes), %s presses (less: %s) in cycles of 6 from the top;\n", long_name, long_article, long_bytes, presses_k, presses_l
	printf "each answer a median of %s bytes (less: %s). Peak RSS: wait4 ru_maxrss (KiB), MB = 10^6 bytes.\n", bytes_k, bytes_l
	printf "Script fold: the index of the archive built with the fold of traditional to simplified characters on and off (the table, read out of OpenCC once, took %.0f ms).\n", fold_table / 1e6
	printf "Library: %s issues x 8 pages of the corpus (%.1f MB) under one root; --index from no index (alt runs a shell that removes it first) against --list of all its pages as one issue.\n", lib_issues, lib_bytes / 1e6
	printf "Queries: 50 runs of Han characters each taken from the corpus. S view: library_rank in the process, ranked by bm25 over every article holding the text, the hits of the best 500 counted, then the hits of the first screen of the view (40 rows) made: what the view waits for after Enter; ranked, best 500 all made: library_search, every hit of the best 500 made (what the view waited for before it made its rows as they are drawn);\n"
	printf "--search --all: kanbao --search Q --all as a process (it checks every page of the library against the index, then prints every hit, newest first, to /dev/null); first 50 newest: library_search in the process, the first 50 articles newest first.\n"
	printf "rg -F (every line): rg -F Q over the library folder printing every matching line to /dev/null (ripgrep writes it all there), the work --search --all does; | head -n 1: until the first line of output reaches a pipe that is then closed.\n"
	printf "grep -rF -c and rg -F -c as processes over the library folder (medians; the ratio is of medians). One new issue: a copy of an issue under a new date, then --index.\n"
	printf "Conversion: the reader converts a text (a headline, a paragraph) when a screen first shows it: worst screen, the longest article at 47 columns, 23 rows a screen, Space by Space (21 lines), a new view each run, the slowest screen of a run (s2t for a simplified page, then t2s of the result); whole: every element of that article through OpenCC, what --dump and --json pay; after opening the converter (%.0f ms, once).\n", convert_open / 1e6
	if (nowrap)
		printf "w3m -dump -cols 80 leaves text/plain unwrapped (lines up to %s columns here): the row that counts is the HTML one.\n", nowrap
	if (reader == "no")
		printf "The reader did not run in a pseudo-terminal: its rows are n/a.\n"
}' "$rows"
