/* bench_jumps OUT_JUMPS OUT_PLAIN COPIES PAGE... — writes the linking
 * benchmark's two issues (issue 13): the corpus articles repeated COPIES
 * times in one file, every article with a "■下转第1版" line and, after all
 * of them, its continuation (its headline, "(上接第1版)" and a paragraph),
 * so thousands of jump lines all resolve within the page; and the same
 * text without the two jump lines. Prints the number of jump pairs. */
#include "benchload.h"

#include <stdio.h>
#include <stdlib.h>

static void put(FILE *f, doc_str s)
{
	fwrite(s.s, 1, s.len, f);
	fputs("\n\n", f);
}

int main(int argc, char **argv)
{
	if (argc < 5) {
		fprintf(stderr, "usage: bench_jumps OUT_JUMPS OUT_PLAIN COPIES PAGE...\n");
		return 2;
	}
	int copies = atoi(argv[3]);
	FILE *out[2] = { fopen(argv[1], "w"), fopen(argv[2], "w") };
	if (!out[0] || !out[1])
		util_fatal("cannot write %s or %s", argv[1], argv[2]);
	doc_issue **issues = util_calloc((size_t)argc, sizeof *issues);
	for (int i = 4; i < argc; i++)
		issues[i] = bench_load_issue(argv[i]);
	size_t pairs = 0;
	for (int part = 0; part < 2; part++) {
		for (int c = 0; c < copies; c++) {
			for (int i = 4; i < argc; i++) {
				const doc_issue *is = issues[i];
				for (size_t a = 0; a < doc_narticles(is); a++) {
					const doc_article *art = doc_article_at(is, a);
					doc_str head = art->field[DOC_F_HEADLINE];
					if (!head.len || !art->nblocks)
						continue;
					for (int o = 0; o < 2; o++) {
						put(out[o], head);
						if (part == 1 && o == 0)
							fputs("(上接第1版)\n\n", out[o]);
						if (part == 0) {
							for (uint32_t b = 0; b < art->nblocks; b++) {
								const doc_block *blk = doc_block_at(is, art->first_block + b);
								if (blk->type == DOC_PARAGRAPH)
									put(out[o], blk->text);
							}
						} else {
							put(out[o], doc_block_at(is, art->first_block + art->nblocks - 1)->text);
						}
						if (part == 0 && o == 0)
							fputs("■下转第1版\n\n", out[o]);
					}
					pairs += part == 0;
				}
			}
		}
	}
	for (int i = 4; i < argc; i++)
		doc_issue_free(issues[i]);
	free(issues);
	if (fclose(out[0]) != 0 || fclose(out[1]) != 0)
		util_fatal("write error");
	printf("%zu\n", pairs);
	return 0;
}
