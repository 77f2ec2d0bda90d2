#!/bin/sh
# The library on the command line: --index (summary line, incremental),
# --library (TAB lines), --search TEXT --all (exit 1 on none), two
# indexers at once, a damaged index rebuilt with a message, a missing
# root warned about while the rest still shows, and plain kanbao with an
# empty library saying how to add issues.
. "$KANBAO_SRC/tests/e2e/lib.sh"

export HOME="$E2E_HOME" XDG_CONFIG_HOME="$E2E_HOME/config" XDG_STATE_HOME="$E2E_HOME/state" \
	XDG_DATA_HOME="$E2E_HOME/data" XDG_CACHE_HOME="$E2E_HOME/cache"
lib=$TEST_TMP/报纸
mkdir -p "$lib/青川日报/2026-03-18"
cp "$KANBAO_SRC"/sample/*.txt "$lib/青川日报/2026-03-18/"
cfg=$TEST_TMP/kanbao.ini
printf '[library]\nroots = %s:%s/missing\n' "$lib" "$TEST_TMP" > "$cfg"
k() {
	"$KANBAO" --config "$cfg" "$@"
}

# the default root is created empty; an empty library says how to fill it
printf '[library]\n' > "$TEST_TMP/empty.ini"
out=$("$KANBAO" --config "$TEST_TMP/empty.ini" --library 2>&1) ||
	fail "--library of an empty library failed: $out"
[ -z "$out" ] || fail "--library of an empty library printed: $out"
[ -d "$E2E_HOME/data/kanbao/issues" ] || fail "the default root was not created"

out=$(k --index 2>"$TEST_TMP/err") || fail "--index failed: $(cat "$TEST_TMP/err")"
case $out in
"indexed 1 issue (1 new, 0 changed, 0 removed, 0 unchanged)"*) ;;
*) fail "--index summary: $out" ;;
esac
grep -q "library root $TEST_TMP/missing: No such file or directory" "$TEST_TMP/err" ||
	fail "no warning about the missing root: $(cat "$TEST_TMP/err")"

tab=$(printf '\t')
out=$(k --library 2>/dev/null)
[ "$out" = "青川日报${tab}2026-03-18${tab}$lib/青川日报/2026-03-18${tab}19${tab}unread" ] ||
	fail "--library: $out"

out=$(k --search 电梯 --all 2>/dev/null) || fail "--search --all found nothing"
first=$(printf '%s\n' "$out" | head -n 1)
case $first in
"青川日报${tab}2026-03-18${tab}"*"${tab}"*"[电梯]"*) ;;
*) fail "--search --all line: $first" ;;
esac
# the lines are written as they are found: a reader that stops early
# (head) gets the first ones
early=$(k --search 电梯 --all 2>/dev/null | head -n 1)
[ "$early" = "$first" ] || fail "--search --all | head -n 1: $early"
# the same hits as --search in the issue, the pages' own captions and
# banners too (the library gives those after the articles)
for q in 电梯 青川日报; do
	all=$(k --search "$q" --all 2>/dev/null | cut -f 3- | sort)
	one=$("$KANBAO" --search "$q" "$lib/青川日报/2026-03-18" | sort)
	[ -n "$all" ] && [ "$all" = "$one" ] || fail "--search $q --all: $all
--search $q in the issue: $one"
done
k --search 青川日报 --all 2>/dev/null | awk -F '\t' '$4 == "-"' | grep -q . ||
	fail "--search --all: no hit in a running header"
k --search 不存在的词语 --all >/dev/null 2>&1 && fail "--search --all with no hit exits 0"

# a second issue, newest first; incremental
mkdir -p "$lib/晚报/20250101"
printf '新年第一天\n\n城里的电梯都换新了。\n' > "$lib/晚报/20250101/1.txt"
out=$(k --index 2>/dev/null)
case $out in
"indexed 2 issues (1 new, 0 changed, 0 removed, 1 unchanged)"*) ;;
*) fail "incremental --index: $out" ;;
esac
last=$(k --search 电梯 --all 2>/dev/null | tail -n 1)
case $last in "晚报${tab}2025-01-01${tab}"*) ;; *) fail "not newest first: $last" ;; esac

# --search --all brings the index up to date first (the roots are walked
# while it searches; nothing stale is printed): a page edited in place,
# an issue removed, one added; the missing root warned about once
printf '新年第一天\n\n城里的电梯都换新了，还有一台观光梯。\n' > "$lib/晚报/20250101/1.txt"
out=$(k --search 观光梯 --all 2>"$TEST_TMP/err") || fail "--search --all did not see a page edited in place"
case $out in "晚报${tab}2025-01-01${tab}"*"[观光梯]"*) ;; *) fail "edited page: $out" ;; esac
[ "$(grep -c "library root $TEST_TMP/missing" "$TEST_TMP/err")" = 1 ] ||
	fail "--search --all: the missing root warned about not once: $(cat "$TEST_TMP/err")"
mv "$lib/晚报" "$TEST_TMP/晚报.away"
k --search 电梯 --all 2>/dev/null | grep -q "^晚报" && fail "--search --all printed a removed issue"
mv "$TEST_TMP/晚报.away" "$lib/晚报"
# a root gone (a drive not mounted): its issues kept, but not shown
mv "$lib" "$TEST_TMP/away"
k --search 电梯 --all >"$TEST_TMP/out" 2>/dev/null && fail "--search --all showed a root gone: $(cat "$TEST_TMP/out")"
mv "$TEST_TMP/away" "$lib"
out=$(k --search 观光梯 --all 2>/dev/null) || fail "--search --all did not see an issue added"
[ "$(printf '%s\n' "$out" | wc -l)" = 1 ] || fail "issue added: $out"

# without the walk: once an index stored every issue of roots all read,
# --search --all stats the folders it recorded and checks each issue's
# pages as the search reaches it. An older issue edited in place: the
# newer one's lines are written, then the index is brought up to date
# and the search goes on; a text the index did not hold is still found.
printf '[library]\nroots = %s\n' "$lib" > "$TEST_TMP/one.ini"
k1() {
	"$KANBAO" --config "$TEST_TMP/one.ini" "$@"
}
k1 --index >/dev/null 2>&1 || fail "--index of one root failed"
k1 --search 电梯 --all >"$TEST_TMP/all1" 2>/dev/null || fail "--search --all (one root) found nothing"
grep -q "^晚报" "$TEST_TMP/all1" && grep -q "^青川日报" "$TEST_TMP/all1" ||
	fail "--search --all (one root): $(cat "$TEST_TMP/all1")"
printf '新年第一天\n\n城里的扶梯都换新了，还有一台观光梯。\n' > "$lib/晚报/20250101/1.txt"
k1 --search 电梯 --all >"$TEST_TMP/all2" 2>/dev/null || fail "--search --all after an edit found nothing"
grep -v "^晚报" "$TEST_TMP/all1" | cmp -s - "$TEST_TMP/all2" ||
	fail "an issue edited in place, lines: $(cat "$TEST_TMP/all2")"
printf '新年第一天\n\n城里的货梯都换新了，还有一台观光梯。\n' > "$lib/晚报/20250101/1.txt"
out=$(k1 --search 货梯 --all 2>/dev/null) || fail "--search --all did not see a text added in place"
case $out in "晚报${tab}2025-01-01${tab}"*"[货梯]"*) ;; *) fail "text added in place: $out" ;; esac
printf '新年第一天\n\n城里的电梯都换新了，还有一台观光梯。\n' > "$lib/晚报/20250101/1.txt"

# the lines of the search without the walk (made and written by a
# thread of their own while the search goes on) are byte for byte those
# of the search beside the walk (written by the search itself): 40
# issues, a common character
many=$TEST_TMP/many
i=10
while [ $i -lt 50 ]; do
	mkdir -p "$many/青川日报/2026-01-$i"
	cp "$KANBAO_SRC"/sample/0*.txt "$many/青川日报/2026-01-$i/"
	i=$((i + 1))
done
printf '[library]\nroots = %s\n' "$many" > "$TEST_TMP/many.ini"
km() {
	"$KANBAO" --config "$TEST_TMP/many.ini" "$@"
}
km --index >/dev/null 2>&1 || fail "--index of 40 issues failed"
km --search 的 --all >"$TEST_TMP/fresh" 2>/dev/null || fail "--search 的 --all (40 issues) found nothing"
touch "$many"           # a folder changed: the walk, then the lines
km --search 的 --all >"$TEST_TMP/walked" 2>/dev/null || fail "--search 的 --all (walked) found nothing"
cmp -s "$TEST_TMP/fresh" "$TEST_TMP/walked" || fail "--search --all without the walk differs from beside it"
km --search 的 --all 2>/dev/null | cmp -s - "$TEST_TMP/fresh" || fail "--search --all without the walk, again"
# a write that fails is said with its reason (the lines' thread's)
if [ -w /dev/full ]; then
	km --search 的 --all >/dev/full 2>"$TEST_TMP/err" && fail "--search --all to a full disk exits 0"
	grep -q "cannot write the output: No space left on device" "$TEST_TMP/err" ||
		fail "--search --all to a full disk: $(cat "$TEST_TMP/err")"
fi
one=$("$KANBAO" --search 的 "$many/青川日报/2026-01-10" | wc -l)
[ "$one" -gt 50 ] && [ "$(wc -l < "$TEST_TMP/fresh")" = $((one * 40)) ] ||
	fail "--search --all of 40 issues: $(wc -l < "$TEST_TMP/fresh") lines, $one in one issue"

# two indexers at once: both succeed, each issue indexed once
rm -rf "$E2E_HOME/cache"
mkdir -p "$lib/晚报/20250102"
cp "$KANBAO_SRC"/sample/0*.txt "$lib/晚报/20250102/"
k --index >"$TEST_TMP/a" 2>&1 & a=$!
k --index >"$TEST_TMP/b" 2>&1 & b=$!
wait $a || fail "first of two indexers failed: $(cat "$TEST_TMP/a")"
wait $b || fail "second of two indexers failed: $(cat "$TEST_TMP/b")"
[ "$(k --library 2>/dev/null | wc -l)" = 3 ] || fail "two indexers: $(k --library)"

# a damaged index is rebuilt with a message
db=$E2E_HOME/cache/kanbao/library.db
[ -f "$db" ] || fail "no index at $db"
head -c 5000 /dev/urandom > "$db"
rm -f "$db-wal" "$db-shm"
out=$(k --library 2>"$TEST_TMP/err")
grep -q "library index $db was not a database: rebuilding it" "$TEST_TMP/err" ||
	fail "no message about the damaged index: $(cat "$TEST_TMP/err")"
[ "$(printf '%s\n' "$out" | wc -l)" = 3 ] || fail "after the rebuild: $out"

# usage
k --all >/dev/null 2>&1; [ $? = 2 ] || fail "--all alone is not a usage error"
k --index sample/ >/dev/null 2>&1; [ $? = 2 ] || fail "--index PATH is not a usage error"
exit 0
