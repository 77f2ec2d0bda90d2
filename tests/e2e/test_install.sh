#!/bin/sh
# A proper Unix tool: make install puts the binary, the man page and the
# documented kanbao.ini under PREFIX (with DESTDIR), make uninstall takes
# them away; the man page documents every action and every configuration
# key of config/kanbao.ini, and reads without warnings.
. "$KANBAO_SRC/tests/e2e/lib.sh"

dest=$TEST_TMP/dest
cd "$KANBAO_SRC" || exit 1
make -s install DESTDIR="$dest" PREFIX=/opt/kb >/dev/null || fail "make install"
for f in bin/kanbao share/man/man1/kanbao.1 share/kanbao/kanbao.ini; do
	[ -f "$dest/opt/kb/$f" ] || fail "make install did not install $f"
done
[ -x "$dest/opt/kb/bin/kanbao" ] || fail "the installed binary is not executable"
"$dest/opt/kb/bin/kanbao" --version | grep -q '^kanbao ' || fail "the installed binary does not run"
cmp -s config/kanbao.ini "$dest/opt/kb/share/kanbao/kanbao.ini" || fail "kanbao.ini differs"
make -s uninstall DESTDIR="$dest" PREFIX=/opt/kb >/dev/null || fail "make uninstall"
left=$(find "$dest" -type f | wc -l)
[ "$left" = 0 ] || fail "make uninstall left $left files"
ok "make install / uninstall with DESTDIR and PREFIX"

# every configuration key and every action is in the man page (roff
# writes the hyphens of action names as \-)
man=$(sed 's/\\-/-/g' kanbao.1)
keys=$(sed -n 's/^\([a-z_-]*\) = .*/\1/p' config/kanbao.ini)
n=0
for k in $keys; do
	printf '%s\n' "$man" | grep -q -- "$k" || fail "kanbao.1 does not document $k"
	n=$((n + 1))
done
[ "$n" -gt 50 ] || fail "only $n keys read from config/kanbao.ini"
ok "kanbao.1 documents all $n configuration keys and actions"

if command -v man >/dev/null 2>&1; then
	warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l kanbao.1 2>&1 >/dev/null)
	[ -z "$warnings" ] || fail "man reports: $warnings"
	ok "kanbao.1 formats without warnings"
fi
