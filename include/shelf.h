/* shelf.h — the issues on disk: library roots and what lies under them.
 *
 * A root is a folder ([library] roots, colon-separated, `~` expanded;
 * default $XDG_DATA_HOME/kanbao/issues, i.e. ~/.local/share/kanbao/issues,
 * created empty). Under a root, every folder holding *.txt pages is an
 * issue (its pages in name order, as input.h reads a folder), except a
 * folder whose *.txt files are all named by a date (2025-08-28.txt): each
 * of those is an issue of one page. Hidden entries are skipped; a folder
 * reached twice (a symbolic link loop) is walked once.
 *
 * The paper and date of an issue first come from its folder names: a date
 * as 2025-08-28, 20250828 (also with _ or . between) in one name, or as
 * 2025/08/28 in three; the paper is the nearest folder above the issue
 * (inside the root) that is not part of a date. The index (library.h)
 * prefers what the pages themselves print in their running headers.
 *
 * Nothing here reads page text: a scan only lists and stats, so that it
 * can run on every start.
 */
#ifndef KANBAO_SHELF_H
#define KANBAO_SHELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct shelf_issue {
	char *path;             /* the folder, or the page file; owned */
	char *paper;            /* from the folder names, "" when none; owned */
	char date[11];          /* "YYYY-MM-DD" from the names, "" when none */
	uint64_t stamp;         /* hash of the pages' names, sizes and mtimes */
	uint64_t bytes;         /* size of all its pages */
	uint32_t npages;
} shelf_issue;

/* A folder walked, as it was before it was read: whether its names
 * changed since (shelf_folder_stamp) tells whether a walk would find
 * other issues, without the walk. */
typedef struct shelf_folder {
	char *path;             /* owned */
	uint64_t stamp;         /* shelf_folder_stamp of its stat */
} shelf_folder;

typedef struct shelf {
	shelf_issue *items;
	size_t n, cap;
	shelf_folder *folders;  /* every folder walked, the roots among them */
	size_t nfolders, capfolders;
	size_t warned;          /* warnings: folders or pages not read */
} shelf;

/* The roots of a [library] roots value (NULL or "": the default), each a
 * malloc'd path with `~` expanded, in a malloc'd array of *n entries.
 * The default root is created (with its parents) when missing. Free with
 * shelf_roots_free. */
char **shelf_roots(const char *spec, size_t *n);
void shelf_roots_free(char **roots, size_t n);

/* Appends the issues found under `root` to *out, sorted by path. A root
 * that is missing or unreadable, or a folder under it that cannot be
 * read, is reported through warn (a whole line without newline, e.g.
 * "library root /x: No such file or directory") and skipped; returns
 * false when the root itself could not be read. */
bool shelf_scan(const char *root, shelf *out,
		void (*warn)(void *ctx, const char *msg), void *ctx);
void shelf_free(shelf *s);

/* A folder's stamp from its stat: its device, inode, mtime and ctime.
 * A folder's mtime moves when a name in it is made, removed or renamed,
 * its ctime also when its mode changes: an equal stamp says its listing
 * is the one seen then. */
struct stat;
uint64_t shelf_folder_stamp(const struct stat *st);

/* The stamp of the issue at path (a folder of pages, or one page file)
 * as shelf_scan gives it, from its pages on disk now: false when it
 * cannot be read. */
bool shelf_issue_stamp(const char *path, uint64_t *stamp);

/* A date in a file or folder name ("2025-08-28", "20250828",
 * "通辽日报_2025.08.28"): true with "YYYY-MM-DD" in date. */
bool shelf_date_in_name(const char *name, char date[11]);

/* A date printed in text ("2025年8月28日", also with full-width digits):
 * true with "YYYY-MM-DD" in date. */
bool shelf_date_in_text(const char *s, size_t len, char date[11]);

#endif
