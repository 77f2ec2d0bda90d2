#!/bin/sh
# The reader in another script: T cycles as printed → simplified →
# traditional → taiwan → hongkong → as printed; the text is converted
# phrase by phrase (頭髮 → 头发, 後來 → 后来, 皇后 stays), the reading
# position stays on the same line, and the status line says the script.
. "$KANBAO_SRC/tests/e2e/lib.sh"

start 70 12 tests/fixtures/script/traditional.txt
wait_status "% · traditional"
first=$(pane_row 0)
scrolled() { [ "$(pane_row 0)" != "$first" ]; }
keys j j j
wait_until "scrolling" scrolled
settle
before=$(screen | sed '$d')
row1=$(pane_row 1)

keys T
wait_status "script: simplified"
pane_text_has "头发变得又干又乱" || fail "not converted: $(pane_text)"
pane_text_has "后来" || fail "后来 missing: $(pane_text)"
pane_text_has "頭髮" && fail "traditional text left: $(pane_text)"
status_has "script: simplified" || fail "no message: $(status)"
# the same lines: each row as wide as before
expect_eq "rows" "$(screen | sed '$d' | max_width)" "$(printf '%s\n' "$before" | max_width)"
[ "$(pane_row 1)" != "$row1" ] || fail "the second row did not change"
ok "T: simplified, phrase by phrase, the same lines"

keys T
wait_status "script: traditional"
expect_eq "traditional of a traditional page" "$(screen | sed '$d')" "$before"
keys T
wait_status "script: taiwan"
keys T
wait_status "script: hongkong"
keys T
wait_status "script: as printed"
expect_eq "back as printed, at the same place" "$(screen | sed '$d')" "$before"
ok "T cycles back to the text as printed at the same position"

# the list shows the converted headlines too
keys T
wait_status "script: simplified"
screen_has "台湾中部天气" || fail "the section list is not converted: $(screen)"
ok "the section list follows"
