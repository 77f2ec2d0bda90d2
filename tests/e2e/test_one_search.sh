#!/bin/sh
# One search (issue 13): on the five corpus pages as one folder issue,
# the reader finds exactly the hits --search prints (headers, blocks, the
# pages' own captions and banners), and --search prints them in issue
# order (page, then position on the page: a page's own text after its
# articles). Before, the reader found 3 hits of 张启民 and --search 9,
# printed page 4's before page 3's, and a banner (加快落实) was found by
# neither.
. "$KANBAO_SRC/tests/e2e/lib.sh"
need_corpus

for q in 张启民 加快落实 通辽 项目 摄; do
	"$KANBAO" --search "$q" "$KANBAO_CORPUS" > "$TEST_TMP/hits" || fail "--search $q found nothing"
	n=$(wc -l < "$TEST_TMP/hits")
	# issue order: page numbers never go down; within a page, article
	# numbers never go down and the page's own text ("-") comes last
	awk -F'\t' -v q="$q" '
		{ a = $2 == "-" ? 1e9 : $2 + 0 }
		NR > 1 && ($1 + 0 < p || ($1 + 0 == p && a < prev)) { print "--search " q ": line " NR " out of issue order"; bad = 1 }
		{ p = $1 + 0; prev = a }
		END { exit bad }' "$TEST_TMP/hits" || fail "--search $q is not in issue order"

	start 100 30 "$KANBAO_CORPUS"
	wait_status "article 1/"
	keys /
	text "$q"
	keys Enter
	has_count() {
		status | grep -qE "hit [0-9]+ of $n([^0-9]|\$)"
	}
	wait_until "the reader's count $n for $q" has_count
	keys q
	expect_eq "exit status" "$(wait_exit)" 0
	ok "$q: the reader and --search find the same $n hits, in issue order"
done
