#!/bin/sh
# Bad input on the command line: each row of the README's table "What
# kanbao does with bad input" that needs no terminal — the message, the
# exit status, and that nothing reaches the output that should not. The
# input files are never changed. (Terminal rows: test_terminal.sh.)
. "$(dirname "$0")/lib.sh"

T=$TEST_TMP
cd "$T" || exit 1
export HOME="$E2E_HOME" XDG_CONFIG_HOME="$E2E_HOME/config" XDG_STATE_HOME="$E2E_HOME/state"

# expect STATUS PATTERN CMD...: runs CMD, checks its exit status and that
# its stderr matches the grep -E PATTERN ("-": stderr must be empty).
expect() {
	want=$1 pattern=$2
	shift 2
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	[ "$got" = "$want" ] || fail "$*: exit $got, expected $want; stderr: $(cat "$T/err")"
	if [ "$pattern" = - ]; then
		[ -s "$T/err" ] && fail "$*: unexpected message: $(cat "$T/err")"
	else
		grep -Eq -- "$pattern" "$T/err" || fail "$*: stderr does not match '$pattern': $(cat "$T/err")"
	fi
	return 0
}

# clean FILE: no ESC, no other C0 control but newline and tab, no C1.
clean() {
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$1"; then
		fail "$1 holds control characters"
	fi
	if LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1"; then
		fail "$1 holds C1 control characters"
	fi
}

sample=$KANBAO_SRC/sample

# -- files and the system --
expect 1 "^kanbao: nope\.txt: No such file or directory$" "$KANBAO" --list nope.txt
ok "missing file: exit 1, names the file and the reason"

mkdir empty-folder
touch empty-folder/notes.md
expect 1 "empty-folder: no \*\.txt pages in this folder" "$KANBAO" --list empty-folder
ok "folder without *.txt: exit 1"

expect 1 "/dev/zero: not a regular file" "$KANBAO" --list /dev/zero
ok "a device: exit 1"

printf '%s\n' '#!/bin/sh' > secret.txt
chmod 000 secret.txt
if [ "$(id -u)" = 0 ]; then
	# root reads anything: check as an ordinary user when setpriv can
	if command -v setpriv >/dev/null 2>&1; then
		chmod 755 "$T"
		expect 1 "secret\.txt: Permission denied" setpriv --reuid=65534 --regid=65534 --clear-groups \
			"$KANBAO" --list "$T/secret.txt"
		ok "unreadable file: exit 1, names the file (as uid 65534)"
	else
		echo "  skipped: unreadable file (running as root without setpriv)"
	fi
else
	expect 1 "secret\.txt: Permission denied" "$KANBAO" --list secret.txt
	ok "unreadable file: exit 1, names the file"
fi

mkfifo pipe.txt
cat "$sample/01.txt" > pipe.txt &
expect 0 - "$KANBAO" --list pipe.txt
grep -q "青川高新区首季新签约项目四十二个" out || fail "FIFO not read"
ok "a FIFO is read like a pipe"

expect 0 - sh -c "cat '$sample/01.txt' | '$KANBAO' --list -"
grep -q "青川高新区首季新签约项目四十二个" out || fail "standard input not read"
ok "standard input (-)"

cp "$(command -v ls)" program.txt
expect 1 "program\.txt: not a text file \(binary data\)" "$KANBAO" --list program.txt
ok "binary data: exit 1"

: > empty.txt
expect 0 - "$KANBAO" --list empty.txt
[ -s out ] && fail "--list of an empty file printed something"
expect 0 - "$KANBAO" --json empty.txt
grep -q '"articles": \[\]' out || fail "--json of an empty file"
printf '\302\240\302\240\n\343\200\200\n \t \n\n' > blank.txt
expect 0 - "$KANBAO" --list blank.txt
[ -s out ] && fail "--list of a blank file printed something"
ok "empty and blank (NBSP, ideographic space) files: an empty issue"

# -- encodings and bytes --
expect 0 - "$KANBAO" --list "$KANBAO_SRC/tests/fixtures/input/gb18030.txt"
[ -s out ] || fail "GB18030 text gave nothing"
grep -q "$(printf '\xef\xbf\xbd')" out && fail "GB18030 text gave replacement characters"
expect 0 - "$KANBAO" --list "$KANBAO_SRC/tests/fixtures/input/utf16le.txt"
[ -s out ] || fail "UTF-16 text gave nothing"
ok "GB18030 and UTF-16 (BOM) are converted"

printf '青川新区首批企业入驻投产\r\n\r\n本报记者 林晓\r\n\r\n今年还将引进项目三十个。\r\n' > crlf.txt
expect 0 - "$KANBAO" --list crlf.txt
[ "$(cat out)" = "$(printf '1\t1\t青川新区首批企业入驻投产\t本报记者 林晓')" ] || fail "CRLF: $(cat out)"
ok "CRLF line ends"

printf '青川新区首批企业入驻投产\n\n本报记者 林晓\n\n今年\377还将引进\300项目三十个。\n' > bad.txt
expect 0 "warning: bad\.txt: 2 invalid byte sequences replaced by U\+FFFD" "$KANBAO" --list bad.txt
ok "invalid UTF-8: U+FFFD and a one-line warning with the count"

printf '青川新区\000首批企业入驻投产\n\n本报记者 林晓\n\n\033]0;pwned\007今年\033[2J还将\033]52;c;ZXZpbA==\007引进\302\233项目\033P1;2q\033\\三十个。\n' > ctrl.txt
md5_before=$(md5sum ctrl.txt)
expect 0 - "$KANBAO" --dump --width 40 ctrl.txt
clean out
grep -q "今年还将引进项目三十个" out || fail "text around the escape sequences lost: $(cat out)"
expect 0 - "$KANBAO" --json ctrl.txt
clean out
expect 0 - "$KANBAO" --list ctrl.txt
grep -q "青川新区首批企业入驻投产" out || fail "NUL not removed: $(cat out)"
[ "$(md5sum ctrl.txt)" = "$md5_before" ] || fail "the input file changed"
ok "NUL, CSI, OSC title and clipboard, DCS, C1: removed whole; input unchanged"

# a single line of 20 MB, no line break
yes 汉汉汉汉汉汉汉汉 | tr -d '\n' | head -c 20000001 > long.txt
expect 0 - timeout 60 "$KANBAO" --list long.txt
[ "$(wc -l < out)" = 1 ] || fail "20 MB line: $(wc -l < out) articles"
expect 0 - timeout 60 "$KANBAO" --dump --width 80 long.txt
lines=$(wc -l < out)
[ "$lines" -gt 166000 ] || fail "20 MB line laid out in only $lines lines"
ok "a single 20 MB line: one article, laid out whole ($lines lines)"

head400=$(yes 长 | head -n 400 | tr -d '\n')
printf '%s\n\n本报记者 林晓\n\n正文一句话。\n' "$head400" > head400.txt
expect 0 - "$KANBAO" --json head400.txt
grep -q "$head400" out || fail "the 400-character line was cut"
ok "a 400-character headline line is kept whole"

# -- usage and configuration --
expect 2 "unknown option --frobnicate" "$KANBAO" --frobnicate "$sample"
# issue 13: the option is known, its text is missing
expect 2 "--search needs the TEXT to look for" "$KANBAO" --search
printf '[keys]\njump-forward = x\n' > action.ini
expect 2 "unknown action; the actions \(KEYS in kanbao\(1\)\) are: line-down .*quit" "$KANBAO" --config action.ini --list "$sample"
# --dump --width N honours N beyond [layout] max_width (80)
"$KANBAO" --dump --width 200 "$sample" > wide.txt || fail "--dump --width 200 failed"
[ "$(LC_ALL=C.UTF-8 wc -L < wide.txt)" -gt 150 ] || fail "--dump --width 200 stayed within the reader's measure"
# a mode without PATH, standard input a terminal: said, not a silent wait
script -qec "$KANBAO --list" /dev/null > notty.txt 2>&1 < /dev/null
grep -q "no PATH given" notty.txt || fail "--list without PATH on a terminal: $(cat notty.txt)"
expect 2 "--width 0: expected a whole number" "$KANBAO" --dump --width 0 "$sample"
expect 2 "--encoding KLINGON: unknown encoding" "$KANBAO" --list --encoding KLINGON "$sample"
expect 2 "cannot be combined" "$KANBAO" --list --json "$sample"
ok "bad usage: exit 2, names the option"

expect 2 "standard output is not a terminal" "$KANBAO" "$sample"
ok "output not to a terminal, no mode: exit 2 with a clear message"

printf '[layout\nmax_width = 60\n' > malformed.ini
expect 2 "malformed\.ini" "$KANBAO" --config malformed.ini --list "$sample"
printf '[colors]\nheadline = purpleish\n' > colour.ini
expect 2 "colour\.ini: \[colors\] headline" "$KANBAO" --config colour.ini --list "$sample"
printf '[keys]\nline-down = j\nnext-article = j\n' > twice.ini
expect 2 'key "j" is bound to both' "$KANBAO" --config twice.ini --list "$sample"
printf '[gizmos]\nspeed = 3\n' > section.ini
expect 0 "warning: .*section\.ini.*gizmos" "$KANBAO" --config section.ini --list "$sample"
head -c 10485760 /dev/zero | tr '\0' '#' > huge.ini
expect 2 "huge\.ini.*too large" "$KANBAO" --config huge.ini --list "$sample"
ok "configuration: malformed, bad colour, key bound twice (exit 2), unknown section (warning), 10 MB (exit 2)"

exit 0
