# lib.sh — helpers for the end-to-end tests: kanbao runs in a private tmux
# server (its own socket, no ~/.tmux.conf), the test sends keys and reads
# the screen back. Sourced by tests/e2e/test_*.sh, which run from
# tests/run-tests.sh with $KANBAO (the binary, absolute) and $KANBAO_SRC
# (the repository root); $KANBAO_CORPUS names the corpus folder.
#
# Every wait polls the screen (every 50 ms, 30 s at most by default,
# KANBAO_E2E_TIMEOUT: generous, as the tests run on a loaded machine and
# under sanitizers; a passing wait returns as soon as its condition holds).
# No test sleeps a fixed time to let the program catch up (the fixed
# waits in test_restore.sh and test_library_view.sh are the time that
# makes an article "read"). A condition given to wait_until is a command
# run at each poll: never "$(...)" in its arguments, which would be
# computed once. After keys whose effect shows no particular text,
# `settle` waits until kanbao has handled them (its KANBAO_TRACE file
# says when a read of the keyboard found nothing waiting) and the screen
# holds still. A failure prints
# the screen and kanbao's stderr. The tmux server is killed and the
# temporary folder removed on every way out.

set -u

: "${KANBAO:?KANBAO must name the kanbao binary}"
: "${KANBAO_SRC:?KANBAO_SRC must name the repository root}"
KANBAO_CORPUS=${KANBAO_CORPUS:-$KANBAO_SRC/../shared/corpus}
export LC_ALL=C.UTF-8

TEST_NAME=$(basename "$0" .sh)
TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/kanbao-e2e.XXXXXX")
TMUX_SOCKET=kanbao-test-$$
TIMEOUT=${KANBAO_E2E_TIMEOUT:-30}
# State and configuration of the program under test stay in here.
E2E_HOME=$TEST_TMP/home
mkdir -p "$E2E_HOME/config" "$E2E_HOME/state"
# The terminal type inside tmux: tmux-256color (with italics) when the
# system knows it.
if infocmp tmux-256color >/dev/null 2>&1; then
	E2E_TERM=tmux-256color
else
	E2E_TERM=screen-256color
fi

tm() {
	tmux -L "$TMUX_SOCKET" -f /dev/null "$@"
}

cleanup() {
	tm kill-server >/dev/null 2>&1
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$TMUX_SOCKET"
	# kanbao may still be saving its state after the hangup
	_n=0
	until rm -rf "$TEST_TMP" 2>/dev/null || [ "$_n" -ge 20 ]; do
		sleep 0.1
		_n=$((_n + 1))
	done
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP PIPE

# fail MESSAGE: prints it and the screen, and ends the test.
fail() {
	echo "FAIL ($TEST_NAME): $*" >&2
	if tm has-session -t t >/dev/null 2>&1; then
		echo "--- screen ---" >&2
		tm capture-pane -p -t t >&2
		echo "--------------" >&2
	fi
	if [ -s "$TEST_TMP/stderr" ]; then
		echo "--- kanbao's stderr ---" >&2
		head -c 4000 "$TEST_TMP/stderr" >&2
		echo "-----------------------" >&2
	fi
	exit 1
}

ok() {
	echo "  ok: $*"
}

# q ARG: ARG quoted for sh.
q() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# start W H [ARG...]: runs kanbao ARG... in a W×H window (session "t"),
# from the repository root, and waits until it has drawn its status line.
# $E2E_ENV adds variable settings ("NO_COLOR=1"); $E2E_PRE a command run
# before kanbao in the same shell (for pipes: E2E_PRE='cat f |').
start() {
	start_nowait "$@"
	wait_for_status
}

start_nowait() {
	_w=$1 _h=$2
	shift 2
	_args=""
	for _a in "$@"; do
		_args="$_args $(q "$_a")"
	done
	rm -f "$TEST_TMP/status" "$TEST_TMP/trace" "$TEST_TMP/pid"
	cat > "$TEST_TMP/run.sh" <<EOF
cd $(q "$KANBAO_SRC") || exit 1
unset NO_COLOR KANBAO_CONFIG KANBAO_TRACE KANBAO_OPENCC_DIR
export LC_ALL=C.UTF-8 TERM=$E2E_TERM HOME=$(q "$E2E_HOME")
export KANBAO_TRACE=$(q "$TEST_TMP/trace")
export XDG_CONFIG_HOME=$(q "$E2E_HOME/config") XDG_STATE_HOME=$(q "$E2E_HOME/state")
export ${E2E_ENV:-E2E=1}
trap : INT      # Ctrl-C is for kanbao: this shell stays to record its status
${E2E_PRE:-} sh -c 'echo \$\$ > "\$0"; exec "\$@"' $(q "$TEST_TMP/pid") $(q "$KANBAO") $_args 2> $(q "$TEST_TMP/stderr")
echo \$? > $(q "$TEST_TMP/status.tmp")
mv $(q "$TEST_TMP/status.tmp") $(q "$TEST_TMP/status")
exec sleep 3600
EOF
	if tm has-session -t t >/dev/null 2>&1; then
		tm kill-session -t t
	fi
	tm new-session -d -s t -x "$_w" -y "$_h" "sh $(q "$TEST_TMP/run.sh")" ||
		fail "cannot start tmux"
	# the server outlives a killed session, so the next one can start at
	# once (without it a new client may reach a server on its way out)
	tm set-option -g exit-empty off
}

# kanbao_pid: the process id of the kanbao started last.
kanbao_pid() {
	wait_until "kanbao's process id" test -s "$TEST_TMP/pid"
	cat "$TEST_TMP/pid"
}

# screen: the window as text (trailing spaces dropped by tmux).
screen() {
	tm capture-pane -p -t t
}

# screen_sgr: the window with its attributes as SGR sequences.
screen_sgr() {
	tm capture-pane -p -e -t t
}

# row N: line N (0-based) of the window.
row() {
	screen | sed -n "$(($1 + 1))p"
}

height() {
	tm display -p -t t '#{window_height}'
}

width() {
	tm display -p -t t '#{window_width}'
}

# status: the last line of the window.
status() {
	row $(($(height) - 1))
}

# pane_row N: what the article pane shows on row N: the text after the
# border (when the list is shown) and the margin column.
pane_row() {
	_line=$(row "$1")
	case $_line in
	*│*) _line=${_line#*│} ;;
	esac
	printf '%s\n' "${_line#?}"
}

# pane_text: the article pane's rows (not the status line) joined, with
# every space removed, so text wrapped at any width compares.
pane_text() {
	_h=$(height)
	_y=0
	while [ "$_y" -lt $((_h - 1)) ]; do
		pane_row "$_y"
		_y=$((_y + 1))
	done | tr -d ' \n'
}

pane_text_has() {
	pane_text | grep -qF -- "$1"
}

# list_row N: the section list's row N (before the border), right-trimmed.
list_row() {
	_line=$(row "$1")
	printf '%s\n' "${_line%%│*}" | sed 's/ *$//'
}

# keys KEY...: tmux key names (Space, Enter, Escape, BSpace, C-l, J...).
keys() {
	tm send-keys -t t "$@"
}

# text STRING: types STRING literally (UTF-8).
text() {
	tm send-keys -t t -l "$1"
}

# click X Y / wheel_down X Y / wheel_up X Y: mouse events as an xterm
# sends them (X10 encoding: the terminal type we run under asks for it).
mouse_seq() {
	text "$(printf '\033[M%b%b%b' "\\0$(printf '%o' $(($1 + 32)))" \
		"\\0$(printf '%o' $(($2 + 33)))" "\\0$(printf '%o' $(($3 + 33)))")"
}
click() {
	mouse_seq 0 "$1" "$2"
	mouse_seq 3 "$1" "$2"
}
wheel_up() {
	mouse_seq 64 "$1" "$2"
}
wheel_down() {
	mouse_seq 65 "$1" "$2"
}

# wait_until DESCRIPTION COMMAND...: polls until COMMAND succeeds.
wait_until() {
	_what=$1
	shift
	_n=$((TIMEOUT * 20))
	while [ "$_n" -gt 0 ]; do
		if "$@"; then
			return 0
		fi
		sleep 0.05
		_n=$((_n - 1))
	done
	fail "timed out ($TIMEOUT s) waiting for $_what"
}

# Conditions for wait_until that read the screen each time they are asked
# (an argument like "$(sgr_of ...)" would be read once, before waiting).
sgr_is() {
	test "$(sgr_of "$1" "$2")" = "$3"
}
pane_row_is_not() {
	test "$(pane_row "$1")" != "$2"
}
row_lacks() {
	! row "$1" | grep -qF -- "$2"
}

screen_has() {
	screen | grep -qF -- "$1"
}

status_has() {
	status | grep -qF -- "$1"
}

row_is() {
	[ "$(row "$1")" = "$2" ]
}

pane_row_is() {
	[ "$(pane_row "$1")" = "$2" ]
}

list_row_is() {
	[ "$(list_row "$1")" = "$2" ]
}

# settle: after a burst of keys whose end shows no particular text: waits
# until kanbao's trace says twice that a read of the keyboard found
# nothing waiting (then every key sent before was handled, and the screen
# drawn for it: the second such read began after this wait did), then
# until two captures a moment apart are the same (tmux has taken in what
# kanbao wrote).
settle() {
	if [ -f "$TEST_TMP/trace" ] && [ ! -f "$TEST_TMP/status" ]; then
		_idle=$(idle_count)
		wait_until "kanbao to handle the keys sent" idle_more "$((_idle + 1))"
	fi
	wait_until "the screen to settle" same_twice
}
idle_count() {
	grep -c '^idle$' "$TEST_TMP/trace" 2>/dev/null || true
}
idle_more() {
	[ "$(idle_count)" -gt "$1" ]
}
same_twice() {
	_a=$(screen)
	sleep 0.1
	[ "$_a" = "$(screen)" ]
}

# wait_for TEXT: until TEXT is somewhere on the screen.
wait_for() {
	wait_until "\"$1\" on the screen" screen_has "$1"
}

# wait_status TEXT: until the status line holds TEXT.
wait_status() {
	wait_until "\"$1\" in the status line" status_has "$1"
}

wait_for_status() {
	wait_until "kanbao's status line" status_drawn
}
status_drawn() {
	[ -f "$TEST_TMP/status" ] || status | grep -qE 'article [0-9]+/[0-9]+|no articles|terminal too small'
}

wait_pane_row() {
	wait_until "pane row $1 to read \"$2\"" pane_row_is "$1" "$2"
}

wait_list_row() {
	wait_until "list row $1 to read \"$2\"" list_row_is "$1" "$2"
}

wait_gone() {
	wait_until "\"$1\" to leave the screen" screen_lacks "$1"
}
screen_lacks() {
	! screen | grep -qF -- "$1"
}

# wait_exit: until kanbao has exited; prints its exit status. A report of
# AddressSanitizer or UndefinedBehaviorSanitizer fails the test.
wait_exit() {
	wait_until "kanbao to exit" test -f "$TEST_TMP/status"
	if grep -qE "Sanitizer|runtime error:" "$TEST_TMP/stderr" 2>/dev/null; then
		cat "$TEST_TMP/stderr" >&2
		fail "a sanitizer reported an error"
	fi
	cat "$TEST_TMP/status"
}

# resize W H: resizes the window and, from 20x5 up, waits for kanbao to
# redraw at that size (its status line on the new last row).
resize() {
	tm resize-window -t t -x "$1" -y "$2"
	wait_until "a ${1}x$2 window" is_size "$1" "$2"
	if [ "$1" -ge 20 ] && [ "$2" -ge 5 ]; then
		wait_until "kanbao redrawn at ${1}x$2" redrawn_at "$1"
	fi
}
# the status line is on the last row, as wide as the window
redrawn_at() {
	_last=$(status)
	case $_last in
	*article*|*"no articles"*|*"q or Esc closes"*|*Enter*) ;;
	*) return 1 ;;
	esac
	# right-aligned to the new width, or cut to it
	[ "$(printf '%s\n' "$_last" | max_width)" -eq "$1" ] || [ -z "${_last##*…}" ] || return 1
	[ "$(screen | max_width)" -le "$1" ]
}
is_size() {
	[ "$(width)" = "$1" ] && [ "$(height)" = "$2" ]
}

# expect_eq WHAT GOT WANT
expect_eq() {
	[ "$2" = "$3" ] || fail "$1: got \"$2\", expected \"$3\""
}

# Display width of each line of stdin, the largest (wc -L counts East
# Asian wide characters as two columns in a UTF-8 locale; lib checks it).
max_width() {
	wc -L | tr -d ' '
}
[ "$(printf '中文a…\n' | max_width)" = 6 ] || {
	echo "FAIL ($TEST_NAME): wc -L does not measure wide characters here" >&2
	exit 1
}

# sides LEFT RIGHT W: LEFT, spaces, RIGHT: W columns in all (a status line).
sides() {
	_lw=$(printf '%s\n' "$1" | max_width)
	_rw=$(printf '%s\n' "$2" | max_width)
	printf '%s%*s%s\n' "$1" $(($3 - _lw - _rw)) "" "$2"
}

# check_widths: no screen row is wider than the window.
check_widths() {
	_w=$(width)
	_got=$(screen | max_width)
	[ "$_got" -le "$_w" ] || fail "a row is $_got columns wide in a $_w-column window"
}

# check_border X: on every row above the status line the border is at
# column X: what comes before it is exactly X columns (a wide character
# split at the border would shift or replace it).
check_border() {
	_h=$(height)
	_y=0
	while [ "$_y" -lt $((_h - 1)) ]; do
		_line=$(row "$_y")
		case $_line in
		*│*) ;;
		*) fail "row $_y has no border: $_line" ;;
		esac
		_before=$(printf '%s\n' "${_line%%│*}" | max_width)
		[ "$_before" = "$1" ] || fail "row $_y: the border is at column $_before, not $1: $_line"
		_y=$((_y + 1))
	done
}

# sgr_of N TEXT: the attributes in force where TEXT first starts on row N,
# as "bold dim italic underline reverse fg=N bg=N" (those that are on).
sgr_of() {
	tm capture-pane -p -e -t t | sed -n "$(($1 + 1))p" | LC_ALL=C awk -v want="$2" '
	function reset() { b = d = it = u = rv = 0; fg = bg = "" }
	function show() {
		s = ""
		if (b) s = s " bold"; if (d) s = s " dim"; if (it) s = s " italic"
		if (u) s = s " underline"; if (rv) s = s " reverse"
		if (fg != "") s = s " fg=" fg; if (bg != "") s = s " bg=" bg
		sub(/^ /, "", s)
		return s == "" ? "normal" : s
	}
	function apply(params,   n, p, i, c) {
		n = split(params, p, ";")
		if (params == "") { reset(); return }
		for (i = 1; i <= n; i++) {
			c = p[i] + 0
			if (c == 0) reset()
			else if (c == 1) b = 1
			else if (c == 2) d = 1
			else if (c == 3) it = 1
			else if (c == 4) u = 1
			else if (c == 7) rv = 1
			else if (c == 22) b = d = 0
			else if (c == 23) it = 0
			else if (c == 24) u = 0
			else if (c == 27) rv = 0
			else if (c >= 30 && c <= 37) fg = c - 30
			else if (c == 38 && p[i + 1] == 5) { fg = p[i + 2]; i += 2 }
			else if (c == 39) fg = ""
			else if (c >= 40 && c <= 47) bg = c - 40
			else if (c == 48 && p[i + 1] == 5) { bg = p[i + 2]; i += 2 }
			else if (c == 49) bg = ""
			else if (c >= 90 && c <= 97) fg = c - 90 + 8
			else if (c >= 100 && c <= 107) bg = c - 100 + 8
		}
	}
	{
		# the plain text in chunks between SGR sequences, with the
		# attributes in force over each chunk
		reset(); line = $0; plain = ""; k = 0
		while (1) {
			e = index(line, "\033[")
			chunk = e ? substr(line, 1, e - 1) : line
			k++; from[k] = length(plain) + 1; attrs[k] = show()
			plain = plain chunk
			if (!e) break
			line = substr(line, e + 2)
			if (match(line, /^[0-9;]*m/)) {
				apply(substr(line, 1, RLENGTH - 1))
				line = substr(line, RLENGTH + 1)
			}
		}
		at = index(plain, want)
		if (!at) { print "absent"; exit }
		for (i = k; i >= 1; i--)
			if (from[i] <= at) { print attrs[i]; exit }
	}'
}

# need_corpus: the corpus folder, or skip (exit 0) with a message — a
# failure when KANBAO_REQUIRE_CORPUS is set.
need_corpus() {
	if [ -d "$KANBAO_CORPUS" ] && ls "$KANBAO_CORPUS"/*.txt >/dev/null 2>&1; then
		return 0
	fi
	if [ -n "${KANBAO_REQUIRE_CORPUS:-}" ]; then
		fail "the corpus folder $KANBAO_CORPUS is missing (required here)"
	fi
	echo "  skipped: no corpus in $KANBAO_CORPUS"
	exit 0
}

# corpus_page PREFIX: the path of a corpus page.
corpus_page() {
	for f in "$KANBAO_CORPUS/$1"*.txt; do
		[ -f "$f" ] && { printf '%s\n' "$f"; return 0; }
	done
	fail "no corpus page $1* in $KANBAO_CORPUS"
}

command -v tmux >/dev/null 2>&1 || fail "tmux is needed for the end-to-end tests"
