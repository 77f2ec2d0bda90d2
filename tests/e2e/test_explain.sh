#!/bin/sh
# kanbao --explain: every line of a page with its role and the signals
# behind it; the page's profile first; the same articles as --list.
. "$(dirname "$0")/lib.sh"

T=$TEST_TMP
export HOME="$E2E_HOME" XDG_CONFIG_HOME="$E2E_HOME/config" XDG_STATE_HOME="$E2E_HOME/state"
fx=$KANBAO_SRC/tests/fixtures/parse

"$KANBAO" --explain "$fx/running_headers.txt" >"$T/out" 2>"$T/err" || fail "--explain: exit $?"
[ -s "$T/err" ] && fail "--explain wrote to stderr: $(cat "$T/err")"
grep -q "^== running_headers.txt" "$T/out" || fail "no page line"
grep -q "profile: blank lines between paragraphs, indented paragraphs" "$T/out" || fail "no profile: $(head -3 "$T/out")"
grep -Eq "^ +1  header +滨江晚报" "$T/out" || fail "running header not explained"
grep -Eq "^ +3  headline +老街换新颜.*\[\+[0-9]+\].*byline/dateline under it \(\+20\)" "$T/out" ||
	fail "headline without its evidence: $(grep -n 老街 "$T/out")"
# every non-blank line of the page is explained (no unit is joined here)
lines=$(grep -c . "$fx/running_headers.txt")
explained=$(grep -Ec "^ +[0-9]+  " "$T/out")
[ "$lines" = "$explained" ] || fail "$lines lines, $explained explained"
# one headline line per article of --list
heads=$(grep -Ec "^ +[0-9]+  headline " "$T/out")
arts=$("$KANBAO" --list "$fx/running_headers.txt" | grep -c .)
[ "$heads" = "$arts" ] || fail "$heads headlines explained, $arts articles listed"
ok "--explain: profile, roles and evidence, every line, headlines as --list"

"$KANBAO" --explain --list "$fx/running_headers.txt" >/dev/null 2>"$T/err"
[ $? = 2 ] || fail "--explain --list: expected exit 2"
grep -q "cannot be combined" "$T/err" || fail "--explain --list: $(cat "$T/err")"
ok "--explain with another mode: usage error"
exit 0
