#!/bin/sh
# kanbao and the terminal: stdout not a terminal, TERM unset or unknown
# (a clear message, exit 2), the issue from a pipe with keys from the
# terminal, signals (SIGTERM, SIGHUP, Ctrl-C) and fatal ends leave the
# terminal as it was, Ctrl-Z suspends and fg redraws.
. "$KANBAO_SRC/tests/e2e/lib.sh"

# restored: no alternate screen left, the cursor visible
check_restored() {
	expect_eq "alternate screen after $1" "$(tm display -p -t t '#{alternate_on}')" 0
	expect_eq "cursor after $1" "$(tm display -p -t t '#{cursor_flag}')" 1
}

# The pid of kanbao running in the window (a child of its shell).
kanbao_pid() {
	shell=$(tm display -p -t t '#{pane_pid}')
	for stat in /proc/[0-9]*/stat; do
		read -r pid comm state ppid rest < "$stat" 2>/dev/null || continue
		if [ "$ppid" = "$shell" ] && [ "$comm" = "(kanbao)" ]; then
			echo "$pid"
			return 0
		fi
	done
	return 1
}

# stdout not a terminal, no mode option
"$KANBAO" sample/ > "$TEST_TMP/out" 2> "$TEST_TMP/err" < /dev/null
expect_eq "exit status, stdout a file" "$?" 2
grep -qF "standard output is not a terminal" "$TEST_TMP/err" ||
	fail "no clear message when stdout is not a terminal: $(cat "$TEST_TMP/err")"
[ -s "$TEST_TMP/out" ] && fail "something was written to stdout"
ok "stdout not a terminal: exit 2"

# TERM unset, TERM unknown
E2E_PRE="env -u TERM" start_nowait 80 24 sample/
expect_eq "exit status, TERM unset" "$(wait_exit)" 2
expect_eq "message" "$(cat "$TEST_TMP/stderr")" \
	"kanbao: TERM is not set, so the terminal cannot be driven (set it, e.g. TERM=xterm-256color)"
E2E_PRE="env TERM=no-such-terminal" start_nowait 80 24 sample/
expect_eq "exit status, TERM unknown" "$(wait_exit)" 2
expect_eq "message" "$(cat "$TEST_TMP/stderr")" \
	"kanbao: unknown terminal type \"no-such-terminal\" (TERM): no terminfo entry for it (try TERM=xterm-256color)"
check_restored "a bad TERM"
ok "TERM unset or unknown: exit 2 with a message"

# the issue from a pipe; keys from the terminal
E2E_PRE="cat sample/01.txt |" start 80 24
wait_status "article 1/6 · (standard input)"
expect_eq "status" "$(status)" "$(sides "(standard input)" "article 1/6 · (standard input) · 46%" 80)"
keys J
wait_status "article 2/6"
keys /
text "电梯"
keys Enter
wait_status "hit 1 of 5"
keys q
expect_eq "exit status, piped" "$(wait_exit)" 0
check_restored "q"
ok "stdin from a pipe, keys from the terminal"

# signals: the terminal is restored, kanbao dies of the signal
for sig in TERM HUP; do
	start 80 24 sample/
	pid=$(kanbao_pid) || fail "kanbao's pid not found"
	kill -"$sig" "$pid"
	status=$(wait_exit)
	case $sig in TERM) want=143 ;; HUP) want=129 ;; esac
	expect_eq "exit status after SIG$sig" "$status" "$want"
	check_restored "SIG$sig"
done
start 80 24 sample/
keys J J
wait_status "article 3/19"
keys C-c
expect_eq "exit status after Ctrl-C" "$(wait_exit)" 130
check_restored "Ctrl-C"
# the position was saved on the way out
start 80 24 sample/
wait_status "reopened where you left off"
wait_status "article 3/19"
keys q
wait_exit >/dev/null
ok "SIGTERM, SIGHUP, Ctrl-C restore the terminal and save the position"

# Ctrl-Z suspends; fg redraws (an interactive shell with job control)
cat > "$TEST_TMP/shell.sh" <<EOS
cd $(q "$KANBAO_SRC")
export LC_ALL=C.UTF-8 TERM=$E2E_TERM HOME=$(q "$E2E_HOME") PS1='kanbao-test\$ '
export XDG_CONFIG_HOME=$(q "$E2E_HOME/config") XDG_STATE_HOME=$(q "$E2E_HOME/state")
unset NO_COLOR KANBAO_CONFIG
exec sh -i
EOS
tm kill-session -t t
tm new-session -d -s t -x 80 -y 24 "sh $(q "$TEST_TMP/shell.sh")"
wait_for 'kanbao-test$'
text "$(q "$KANBAO") --no-restore sample/"
keys Enter
wait_status "article 1/19"
keys J
wait_status "article 2/19"
# (type only at a fresh prompt: keys sent while the terminal is being
# handed back could be lost)
prompts() {   # on the shell's screen, even while kanbao has the alternate one
	if [ "$(tm display -p -t t '#{alternate_on}')" = 1 ]; then
		tm capture-pane -p -a -t t
	else
		screen
	fi | grep -c 'kanbao-test\$'
}
more_prompts() {
	[ "$(prompts)" -gt "$1" ]
}
before=$(prompts)
keys C-z
wait_until "the shell after Ctrl-Z" more_prompts "$before"
wait_for "Stopped"
check_restored "Ctrl-Z"
text "fg"
keys Enter
wait_status "article 2/19"
wait_list_row 0 "第1版                      (6)"
wait_pane_row 0 "加装一部电梯 暖了一栋楼"
keys J
wait_status "article 3/19"
before=$(prompts)
keys q
wait_until "the shell after q" more_prompts "$before"
text 'echo "status=$?"'
keys Enter
wait_for "status=0"
check_restored "q after fg"
ok "Ctrl-Z and fg"
