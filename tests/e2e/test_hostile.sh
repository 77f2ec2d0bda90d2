#!/bin/sh
# Hostile text and a hostile terminal, in the reader: escape sequences in
# a page cannot set the window title or write the clipboard, combining
# marks, emoji sequences, flags, Hangul, kana, full-width Latin, tabs,
# zero-width and bidi control characters never make a row wider than the
# window nor break the border; a burst of 50 resizes leaves a correct
# screen; a non-UTF-8 locale still measures Chinese right; a damaged
# state file gives a warning in the status line and nothing else.
. "$KANBAO_SRC/tests/e2e/lib.sh"

page=$TEST_TMP/hostile.txt
{
	printf '青川新区\033]0;PWNED-TITLE\007首批企业入驻投产\n\n本报记者 林晓\n\n'
	printf '第一段\033]52;c;cHduZWQ=\007文字\033[2J\033[H继续\033[31m红色\033[0m结束。\n\n'
	printf 'Café e\314\201 a\314\212\314\203 👨‍👩‍👧 🇨🇳🇯🇵 한국어 テスト ＡＢＣ１２３ 	tab 零\342\200\213宽 \342\200\256עברית\342\200\254 末尾。\n\n'
	n=0
	while [ "$n" -lt 40 ]; do
		printf '第%d段:春风拂过,青川的山水次第苏醒,游人如织。\n\n' "$n"
		n=$((n + 1))
	done
} > "$page"

tm set-option -g set-titles on
tm set-option -g set-clipboard external 2>/dev/null
start 80 24 "$page"
wait_for "首批企业入驻投产"
title=$(tm display -p -t t '#{pane_title}')
case $title in
*PWNED*) fail "the page set the window title: $title" ;;
esac
tm show-buffer >/dev/null 2>&1 && fail "the page wrote the clipboard (a tmux buffer exists)"
screen | grep -q 'PWNED\|\[31m\|\]52' && fail "escape sequence text on the screen"
settle	# the status line can be on the screen before the last rows are (seen under ASan)
check_widths
check_border 30
ok "no title, no clipboard, no escape junk; rows fit; border intact"

# a burst of resizes
sizes="100x30 30x8 200x60 21x6 80x24 45x13 120x40 20x5 33x9 160x50"
n=0
while [ "$n" -lt 5 ]; do
	for s in $sizes; do
		tm resize-window -t t -x "${s%x*}" -y "${s#*x}"
	done
	n=$((n + 1))
done
resize 80 24
check_widths
check_border 30
status_has "article 1/1" || fail "status line after the resizes: $(status)"
keys q
expect_eq "exit status" "$(wait_exit)" 0
ok "a burst of 50 resizes"

# a non-UTF-8 locale: kanbao measures in a UTF-8 one anyway
want=$(LC_ALL=C.UTF-8 "$KANBAO" --dump --width 30 "$KANBAO_SRC/sample/01.txt" | md5sum)
got=$(LC_ALL=C "$KANBAO" --dump --width 30 "$KANBAO_SRC/sample/01.txt" | md5sum)
expect_eq "--dump under LC_ALL=C" "$got" "$want"
ok "LC_ALL=C lays out as a UTF-8 locale"

# a damaged state file: a warning, the reader goes on
mkdir -p "$E2E_HOME/state/kanbao"
printf 'kanbao-positions 1\nthis is not a record\n' > "$E2E_HOME/state/kanbao/positions"
start_nowait 80 24 sample/
wait_status "damaged line"
wait_for "青川高新区首季新签约项目四十二个"
keys q
expect_eq "exit status" "$(wait_exit)" 0
ok "a damaged state file: a warning in the status line"
