#!/bin/sh
# test_screenshot.sh — kanbao in a real xterm with a CJK font, under Xvfb,
# once as xterm draws by default and once with -cjk_width (East Asian
# ambiguous characters “ ” … — · two columns wide, as terminals set up for
# Chinese do). kanbao asks the terminal (ambiguous_width = auto), so in
# both no row may spill: the border between the section list and the
# article (drawn in a colour of its own) must be at the same pixel column
# on every row of the screen, including the rows whose headlines hold “”.
#
# Needs xvfb xterm fonts-wqy-zenhei fonts-dejavu-core x11-apps imagemagick: `sh tools/deps.sh
# shots` installs them (Debian, as root); where they cannot be installed
# the test is skipped with a message (KANBAO_REQUIRE_SHOTS=1 makes that a
# failure). KANBAO_SHOTS_DIR=DIR keeps the screenshots there
# (DIR/kanbao-normal.png, DIR/kanbao-cjk_width.png).
set -u
: "${KANBAO:?KANBAO must name the kanbao binary}"
: "${KANBAO_SRC:?KANBAO_SRC must name the repository root}"
export LC_ALL=C.UTF-8

skip() {
	if [ -n "${KANBAO_REQUIRE_SHOTS:-}" ]; then
		echo "FAIL (test_screenshot): $* (required here: KANBAO_REQUIRE_SHOTS)" >&2
		exit 1
	fi
	echo "  SKIP: test_screenshot: $*" >&2
	exit 0
}

sh "$KANBAO_SRC/tools/deps.sh" shots >/dev/null 2>&1 ||
	skip "xvfb xterm fonts-wqy-zenhei fonts-dejavu-core x11-apps imagemagick cannot be installed here (sh tools/deps.sh shots)"
for c in Xvfb xterm xwd convert; do
	command -v $c >/dev/null 2>&1 || skip "$c is missing (sh tools/deps.sh shots)"
done
fc-list 2>/dev/null | grep -q "WenQuanYi Zen Hei Mono" || skip "the font WenQuanYi Zen Hei Mono is missing"
fc-list 2>/dev/null | grep -q "DejaVu Sans Mono" || skip "the font DejaVu Sans Mono is missing (fonts-dejavu-core)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kanbao-shot.XXXXXX")
xvfb_pid=
term_pid=
cleanup() {
	[ -n "$term_pid" ] && kill "$term_pid" 2>/dev/null
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

fail() {
	echo "FAIL (test_screenshot): $*" >&2
	exit 1
}

# A display of our own.
display=
for n in 71 72 73 74 75 76 77 78 79; do
	[ -e /tmp/.X$n-lock ] || [ -e /tmp/.X11-unix/X$n ] && continue
	Xvfb :$n -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
	xvfb_pid=$!
	i=0
	while [ $i -lt 50 ] && ! [ -e /tmp/.X11-unix/X$n ]; do sleep 0.1; i=$((i + 1)); done
	if kill -0 $xvfb_pid 2>/dev/null && [ -e /tmp/.X11-unix/X$n ]; then
		display=:$n
		break
	fi
	xvfb_pid=
done
[ -n "$display" ] || skip "Xvfb does not start here ($(tail -1 "$tmp/xvfb.log"))"
export DISPLAY=$display

# The border in a colour nothing else uses: a red cell.
mkdir -p "$tmp/home/config/kanbao"
cat >"$tmp/home/config/kanbao/kanbao.ini" <<'INI'
[colors]
border = red red
INI

# How long a wait may take at the most (a slow build on a busy machine);
# each ends as soon as its condition holds.
limit=$((${KANBAO_E2E_TIMEOUT:-30} * 10))

# settled NAME: waits until kanbao's trace says it has drawn its first
# screen and then found no input waiting (the terminal's answers read,
# the screen drawn), and until two screenshots 0.2 s apart are the same
# (xterm has painted); the last is $tmp/NAME.xwd.
settled() {
	i=0
	until awk '/^first-screen/ { drawn = 1 } drawn && /^idle/ { idle = 1 } END { exit !idle }' \
		"$tmp/$1.trace" 2>/dev/null; do
		[ $i -lt $limit ] || fail "$1: kanbao did not draw its first screen and go idle within $((limit / 10)) s (trace: $(cat "$tmp/$1.trace" 2>/dev/null))"
		sleep 0.1
		i=$((i + 1))
	done
	xwd -root -silent >"$tmp/$1.xwd" || fail "no screenshot"
	i=0
	while :; do
		sleep 0.2
		xwd -root -silent >"$tmp/$1.next.xwd" || fail "no screenshot"
		cmp -s "$tmp/$1.xwd" "$tmp/$1.next.xwd" && break
		mv "$tmp/$1.next.xwd" "$tmp/$1.xwd"
		[ $i -lt $limit ] || fail "$1: the screen did not hold still within $((limit / 5)) s"
		i=$((i + 1))
	done
}

# shot NAME [XTERM OPTIONS]: kanbao on the sample issue, 100×30, then a
# screenshot of the screen, once it has settled, as $tmp/NAME.png.
shot() {
	name=$1
	shift
	rm -f "$tmp/ready"
	HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/config XDG_STATE_HOME=$tmp/home/state KANBAO_TRACE=$tmp/$name.trace \
	xterm -u8 -fa "DejaVu Sans Mono" -fd "WenQuanYi Zen Hei Mono" -fs 11 -geometry 100x30+0+0 \
		-bg white -fg black +sb -b 0 -bw 0 "$@" \
		-e sh -c 'touch "$1"; exec "$2" --no-restore "$3"' sh "$tmp/ready" "$KANBAO" "$KANBAO_SRC/sample" \
		>"$tmp/xterm.log" 2>&1 &
	term_pid=$!
	i=0
	while [ $i -lt 100 ] && ! [ -e "$tmp/ready" ]; do sleep 0.1; i=$((i + 1)); done
	[ -e "$tmp/ready" ] || fail "xterm did not start: $(cat "$tmp/xterm.log")"
	settled "$name"
	convert "xwd:$tmp/$name.xwd" "$tmp/$name.png" || fail "no screenshot"
	kill "$term_pid" 2>/dev/null
	wait "$term_pid" 2>/dev/null
	term_pid=
	if [ -n "${KANBAO_SHOTS_DIR:-}" ]; then
		mkdir -p "$KANBAO_SHOTS_DIR"
		cp "$tmp/$name.png" "$KANBAO_SHOTS_DIR/kanbao-$name.png"
	fi
}

# border NAME: for each pixel row holding the red border, its first and
# last red pixel column ("y first last"), from the picture as a plain PBM
# (1 = red).
border() {
	convert "$tmp/$1.png" -alpha off -fill white -fuzz 12% +opaque "#cd0000" \
		-fill black -opaque "#cd0000" -compress none pbm:- |
	awk '/^#/ { next }
	     !magic { magic = 1; next }
	     !w { w = $1; next }
	     { for (i = 1; i <= NF; i++) {
		   if ($i == 1) { y = int(k / w); x = k % w
			   if (!(y in lo)) { lo[y] = x; rows[n++] = y }
			   hi[y] = x }
		   k++ } }
	     END { for (j = 0; j < n; j++) print rows[j], lo[rows[j]], hi[rows[j]] }'
}

# check NAME: the border is one straight column through the screen.
check() {
	border "$1" >"$tmp/$1.border"
	nrows=$(wc -l <"$tmp/$1.border")
	[ "$nrows" -gt 300 ] || fail "$1: the border is on $nrows pixel rows (expected the whole screen but the status line)"
	columns=$(awk '{ print $2, $3 }' "$tmp/$1.border" | sort | uniq -c | sort -rn)
	[ "$(printf '%s\n' "$columns" | wc -l)" -eq 1 ] ||
		fail "$1: the border is not at one column on every row (count, first x, last x):
$columns"
	echo "  ok: $1: the border is at pixels $(printf '%s' "$columns" | awk '{ print $2 "-" $3 }') on all $nrows pixel rows"
}

shot normal
check normal
shot cjk_width -cjk_width
check cjk_width
