#!/bin/sh
# The library view while another kanbao indexes (it holds the index's
# lock): the view opens at once, on an empty index too, says so on its
# status line and lists what the other has stored; once the other is
# done, the view takes its turn and indexes what is new, without being
# started again.
. "$KANBAO_SRC/tests/e2e/lib.sh"

lib=$TEST_TMP/报纸
mkdir -p "$lib/青川日报/2026-03-18"
cp "$KANBAO_SRC"/sample/*.txt "$lib/青川日报/2026-03-18/"
cfg=$TEST_TMP/kanbao.ini
printf '[library]\nroots = %s\n' "$lib" > "$cfg"
# an index of its own, empty at first
E2E_ENV="XDG_CACHE_HOME=$TEST_TMP/cache"
lock=$TEST_TMP/cache/kanbao/library.db.lock
mkdir -p "$TEST_TMP/cache/kanbao"

lock_held() {
	! flock -n "$lock" true
}
# the lock held as an indexing kanbao holds it, until $TEST_TMP/release
# (30 s at most)
hold_lock() {
	rm -f "$TEST_TMP/release"
	flock "$lock" sh -c 'n=0; while [ ! -f "$1" ] && [ $n -lt 600 ]; do sleep 0.05; n=$((n + 1)); done' \
		_ "$TEST_TMP/release" &
	wait_until "the lock to be held" lock_held
}

hold_lock
start_nowait 100 24 --config "$cfg"
wait_status "another kanbao is indexing the library"
wait_until "an empty list" row_is 1 ""
screen_has "library: 0 issues of 0 papers" || fail "title: $(row 0)"
ok "the view opens on an empty index while another kanbao indexes"
touch "$TEST_TMP/release"
wait_for "library: 1 issue of 1 paper"
wait_until "its issue row" row_is 2 "   2026-03-18     19 articles   unread"
ok "once the other is done, the view indexes the issues itself"
keys q
wait_until "kanbao to quit" test -f "$TEST_TMP/status"
[ "$(cat "$TEST_TMP/status")" = 0 ] || fail "exit status $(cat "$TEST_TMP/status")"

mkdir -p "$lib/通辽日报/20250828"
printf '新年第一天\n\n城里的电梯都换新了。\n' > "$lib/通辽日报/20250828/1.txt"
hold_lock
start_nowait 100 24 --config "$cfg"
wait_status "another kanbao is indexing the library"
wait_for "library: 1 issue of 1 paper"
ok "what is stored is listed while another kanbao indexes"
touch "$TEST_TMP/release"
wait_for "library: 2 issues of 2 papers"
wait_until "the new issue" row_is 2 "   2025-08-28      1 article    unread"
ok "the new issue is indexed once the other is done"
keys q
wait_until "kanbao to quit" test -f "$TEST_TMP/status"
exit 0
