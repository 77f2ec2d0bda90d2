#!/bin/sh
# Ctrl-C in the middle of a long operation — laying out a 16 MB paragraph,
# folding the issue for a search — is answered at once: the operation
# stops at its next look at the request, the terminal is restored and the
# reading position saved (with [reader] save_after = 0: saved only on the
# way out), and kanbao dies of SIGINT. (test_interrupt measures how soon;
# test_stop shows the layout and the fold stop.)
. "$KANBAO_SRC/tests/e2e/lib.sh"

TIMEOUT=120             # a 16 MB page under a sanitizer on a loaded machine
issue=$TEST_TMP/issue
mkdir -p "$issue"
cp "$KANBAO_SRC"/sample/*.txt "$issue/"
{
	printf '一段很长的文字\n\n'
	yes '这是一个非常长的段落，没有换行，用来测试排版是否会让阅读器停住。' |
		head -n 170000 | tr -d '\n'
	printf '\n'
} > "$issue/99.txt"
n=$("$KANBAO" --list "$issue" | wc -l)
[ "$n" -ge 20 ] || fail "only $n articles"
printf '[reader]\nsave_after = 0\nincremental_search = false\n' > "$TEST_TMP/k.ini"
positions=$E2E_HOME/state/kanbao/positions
saved_article() {
	[ -f "$positions" ] || { echo none; return; }
	sed -n '2p' "$positions" | cut -f2
}
# wait_read KEY: until kanbao has read KEY (it is handling it)
reads() {
	grep -c "^read $1\$" "$TEST_TMP/trace" 2>/dev/null || true
}
read_more() {
	[ "$(reads "$1")" -gt "$2" ]
}

# on a failure, what kanbao did last
trap 'if [ $? -ne 0 ]; then echo "--- the end of its trace ---" >&2; tail -n 12 "$TEST_TMP/trace" >&2; fi; cleanup' EXIT

# whether Ctrl-C came while Enter was handled (the trace has no line for
# a key whose handling the signal cut short, nor for one it came right
# after); said, not required: on a very loaded machine the work may be
# done before the signal is sent
interrupted() {
	if grep -q '^key Enter ' "$TEST_TMP/trace"; then
		echo "  note: the work was done before Ctrl-C came"
	else
		echo "  (Ctrl-C came while Enter was handled)"
	fi
}

# Enter starts the long work; Ctrl-C as soon as kanbao has read it: it
# must die of SIGINT with the terminal restored.
enter_then_ctrl_c() {
	before=$(reads Enter)
	keys Enter
	wait_until "kanbao to read Enter" read_more Enter "$before"
	keys C-c
	expect_eq "exit status (died of SIGINT)" "$(wait_exit)" 130
	interrupted
	expect_eq "alternate screen left" "$(tm display -p -t t '#{alternate_on}')" 0
}

start 80 24 --config "$TEST_TMP/k.ini" "$issue"
not_loading() { ! status_has "loading"; }
wait_until "the issue to load" not_loading
wait_status "article 1/$n"
keys Tab G
wait_status "一段很长的文字"    # the selected row, in full
enter_then_ctrl_c
expect_eq "the position saved" "$(saved_article)" $((n - 1))
ok "Ctrl-C while laying out the 16 MB paragraph: restored, position saved"

start 80 24 --config "$TEST_TMP/k.ini" "$issue"
wait_status "reopened where you left off"
wait_status "article $n/$n"
keys K
wait_status "article $((n - 1))/$n"
# a query found nowhere: the fold is the same work, and the position to
# save is where the search started whether Ctrl-C stops the fold or comes
# after it (a query with hits would move the reader to the first one)
keys /
text "找不到的词"
wait_until "the query typed" status_has "/找不到的词"
enter_then_ctrl_c
expect_eq "the position saved (where the search started)" "$(saved_article)" $((n - 2))
ok "Ctrl-C while folding the issue for a search: restored, position saved"
