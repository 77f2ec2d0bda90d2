#!/bin/sh
# search_same.sh OLD NEW [FILE...] — the output of `--search` of two kanbao
# builds compared byte for byte (and their exit status), for a change that
# must not change what --search prints: every page of tests/papers (and
# of KANBAO_CORPUS when it is there, and each FILE given, such as the
# benchmark's archive) against a set of queries: fixed ones (ASCII, mixed
# case, full-width, traditional, compatibility forms, punctuation) and,
# from each page, runs of Han characters read off its text, each also in
# traditional characters (OpenCC's `opencc` when installed) and the
# page's Latin words in full-width letters.
#
# Prints one line per difference and a count; exit 1 when any differs.
set -eu
if [ $# -lt 2 ]; then
	echo "usage: sh tests/bench/search_same.sh OLD-KANBAO NEW-KANBAO [FILE...]" >&2
	exit 2
fi
old=$1 new=$2
shift 2
export LC_ALL=C.UTF-8
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kanbao-same.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/config" XDG_STATE_HOME="$tmp/home/state" \
	XDG_CACHE_HOME="$tmp/home/cache" XDG_DATA_HOME="$tmp/home/data"
unset KANBAO_CONFIG 2>/dev/null || true

cat > "$tmp/fixed" <<'Q'
营商环境
營商環境
经济
經濟
发展
台湾
臺灣
记者
本报讯
摄
一
的
中国
ＡＩ
AI
ai
Economy
ECONOMY
eCoNoMy
beyond
The
2025
２０２５
２０２５年
，
。
（记者
...
平成
株
⼀流
豈
e
1
Q

fullwidth() { sed 'y/ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ０１２３４５６７８９/'; }

pages=""
for p in tests/papers/*.txt; do pages="$pages $p"; done
corpus=${KANBAO_CORPUS:-../shared/corpus}
if ls "$corpus"/*.txt >/dev/null 2>&1; then
	for p in "$corpus"/*.txt; do pages="$pages $p"; done
fi
runs=0 diffs=0
compare() {        # PAGE QUERY
	s1=0 s2=0
	"$old" --search "$2" "$1" > "$tmp/a" 2>&1 || s1=$?
	"$new" --search "$2" "$1" > "$tmp/b" 2>&1 || s2=$?
	runs=$((runs + 1))
	if [ "$s1" != "$s2" ] || ! cmp -s "$tmp/a" "$tmp/b"; then
		diffs=$((diffs + 1))
		echo "DIFFERS: --search '$2' $1 (exit $s1 / $s2)"
	fi
}
for page in $pages; do
	# the page's text as kanbao reads it (a GB18030 page decoded)
	"$new" --dump --width 400 "$page" > "$tmp/text" 2>/dev/null || true
	grep -oP '\p{Han}{2,4}' "$tmp/text" | awk 'NR % 37 == 1' | head -n 4 > "$tmp/han" || true
	grep -oE '[A-Za-z][A-Za-z0-9]{2,}' "$tmp/text" | head -n 2 > "$tmp/latin" || true
	{
		cat "$tmp/fixed" "$tmp/han" "$tmp/latin"
		fullwidth < "$tmp/latin"
		if command -v opencc >/dev/null 2>&1; then
			opencc -c s2t.json < "$tmp/han" 2>/dev/null || true
		fi
	} | sort -u > "$tmp/queries"
	while IFS= read -r q; do
		[ -n "$q" ] && compare "$page" "$q"
	done < "$tmp/queries"
done
for f in "$@"; do
	while IFS= read -r q; do
		compare "$f" "$q"
	done < "$tmp/fixed"
done
echo "search_same: $runs runs, $diffs differ"
[ "$diffs" = 0 ]
