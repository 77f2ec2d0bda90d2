/* --json and --list: the JSON of the sample issue is parsed back by a small
 * JSON reader written here and checked against DESIGN.md's schema (every
 * key, every type, the block types), strings with quotes, backslashes and
 * control characters round-trip, and --list has one exact line per
 * article. */
#include "testutil.h"
#include "doc.h"
#include "export.h"
#include "link.h"
#include "parse.h"
#include "text.h"
#include "util.h"

/* ---- a minimal JSON reader (enough to check the schema) ---- */

typedef enum jtype { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ } jtype;

typedef struct jval {
	jtype type;
	double num;
	char *str;                  /* J_STR */
	struct jval *items;         /* J_ARR values, J_OBJ values */
	char **keys;                /* J_OBJ */
	size_t n;
} jval;

typedef struct jparser {
	const char *p, *end;
	bool ok;
} jparser;

static void jskip(jparser *jp)
{
	while (jp->p < jp->end && (*jp->p == ' ' || *jp->p == '\n' || *jp->p == '\t' || *jp->p == '\r'))
		jp->p++;
}

static bool jparse(jparser *jp, jval *v);

static char *jstring(jparser *jp)
{
	util_buf b = { 0 };
	jp->p++;    /* " */
	while (jp->p < jp->end && *jp->p != '"') {
		unsigned char c = (unsigned char)*jp->p++;
		if (c < 0x20) {
			jp->ok = false;     /* raw control characters are not JSON */
			break;
		}
		if (c != '\\') {
			util_buf_addc(&b, (char)c);
			continue;
		}
		char e = *jp->p++;
		switch (e) {
		case '"': case '\\': case '/': util_buf_addc(&b, e); break;
		case 'n': util_buf_addc(&b, '\n'); break;
		case 't': util_buf_addc(&b, '\t'); break;
		case 'r': util_buf_addc(&b, '\r'); break;
		case 'b': util_buf_addc(&b, '\b'); break;
		case 'f': util_buf_addc(&b, '\f'); break;
		case 'u': {
			unsigned v = 0;
			for (int i = 0; i < 4 && jp->p < jp->end; i++) {
				char h = *jp->p++;
				v = v * 16 + (unsigned)(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
			}
			if (v >= 0x80)
				jp->ok = false;     /* export writes UTF-8 itself */
			util_buf_addc(&b, (char)v);
			break;
		}
		default:
			jp->ok = false;
		}
	}
	if (jp->p >= jp->end)
		jp->ok = false;
	jp->p++;
	util_buf_cstr(&b);
	return b.data;
}

static bool jparse(jparser *jp, jval *v)
{
	memset(v, 0, sizeof *v);
	jskip(jp);
	if (jp->p >= jp->end)
		return jp->ok = false;
	char c = *jp->p;
	if (c == '"') {
		v->type = J_STR;
		v->str = jstring(jp);
	} else if (c == '{' || c == '[') {
		bool obj = c == '{';
		v->type = obj ? J_OBJ : J_ARR;
		jp->p++;
		size_t cap = 0, kcap = 0;
		jskip(jp);
		if (jp->p < jp->end && *jp->p == (obj ? '}' : ']')) {
			jp->p++;
			return jp->ok;
		}
		for (;;) {
			jskip(jp);
			if (obj) {
				if (jp->p >= jp->end || *jp->p != '"')
					return jp->ok = false;
				char *k = jstring(jp);
				UTIL_PUSH(v->keys, v->n, kcap, k);
				v->n--;
				jskip(jp);
				if (jp->p >= jp->end || *jp->p++ != ':')
					return jp->ok = false;
			}
			jval item;
			if (!jparse(jp, &item))
				return false;
			UTIL_PUSH(v->items, v->n, cap, item);
			jskip(jp);
			if (jp->p < jp->end && *jp->p == ',') {
				jp->p++;
				continue;
			}
			if (jp->p < jp->end && *jp->p == (obj ? '}' : ']')) {
				jp->p++;
				break;
			}
			return jp->ok = false;
		}
	} else if (!strncmp(jp->p, "null", 4)) {
		v->type = J_NULL;
		jp->p += 4;
	} else if (!strncmp(jp->p, "true", 4) || !strncmp(jp->p, "false", 5)) {
		v->type = J_BOOL;
		jp->p += *jp->p == 't' ? 4 : 5;
	} else if (c == '-' || (c >= '0' && c <= '9')) {
		char *e;
		v->type = J_NUM;
		v->num = strtod(jp->p, &e);
		jp->p = e;
	} else {
		return jp->ok = false;
	}
	return jp->ok;
}

static void jfree(jval *v)
{
	free(v->str);
	for (size_t i = 0; i < v->n; i++) {
		jfree(&v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
}

static const jval *jget(const jval *obj, const char *key)
{
	for (size_t i = 0; i < obj->n; i++)
		if (!strcmp(obj->keys[i], key))
			return &obj->items[i];
	return NULL;
}

/* The object has exactly these keys (and optionally `optional`). */
static void check_keys(const jval *obj, const char *const *keys, size_t nkeys, const char *optional)
{
	assert_int_equal(obj->type, J_OBJ);
	for (size_t i = 0; i < nkeys; i++)
		if (!jget(obj, keys[i]))
			fail_msg("key %s missing", keys[i]);
	for (size_t i = 0; i < obj->n; i++) {
		bool known = optional && !strcmp(obj->keys[i], optional);
		for (size_t k = 0; k < nkeys; k++)
			known |= !strcmp(obj->keys[i], keys[k]);
		if (!known)
			fail_msg("unexpected key %s", obj->keys[i]);
	}
}

static bool is_int(const jval *v)
{
	return v && v->type == J_NUM && v->num == (double)(long)v->num && v->num >= 1;
}

/* ---- issue building ---- */

static doc_issue *sample_issue(void)
{
	doc_issue *issue = doc_issue_new();
	static const char *const pages[] = { "01", "02", "03", "04" };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(pages); i++) {
		char rel[32], name[16];
		snprintf(rel, sizeof rel, "sample/%s.txt", pages[i]);
		snprintf(name, sizeof name, "%s.txt", pages[i]);
		tu_parse_into(issue, tu_src_path(rel), name);
	}
	link_resolve(issue);
	return issue;
}

static char *to_string(bool (*fn)(const doc_issue *, FILE *), const doc_issue *issue, size_t *len)
{
	char *out = NULL;
	FILE *f = open_memstream(&out, len);
	assert_true(fn(issue, f));
	fclose(f);
	return out;
}

static void test_json_schema(void **state)
{
	(void)state;
	doc_issue *issue = sample_issue();
	size_t len;
	char *json = to_string(export_json, issue, &len);
	jparser jp = { json, json + len, true };
	jval root;
	assert_true(jparse(&jp, &root));
	jskip(&jp);
	assert_ptr_equal(jp.p, json + len);     /* nothing after the value */

	static const char *const top[] = { "pages", "articles", "captions" };
	check_keys(&root, top, 3, NULL);
	const jval *pages = jget(&root, "pages");
	assert_int_equal(pages->type, J_ARR);
	assert_int_equal(pages->n, doc_npages(issue));
	for (size_t i = 0; i < pages->n; i++) {
		static const char *const keys[] = { "name", "script", "banners" };
		check_keys(&pages->items[i], keys, 3, NULL);
		assert_int_equal(jget(&pages->items[i], "name")->type, J_STR);
		const char *script = jget(&pages->items[i], "script")->str;
		assert_true(strcmp(script, "simplified") == 0 || strcmp(script, "traditional") == 0);
		const jval *b = jget(&pages->items[i], "banners");
		assert_int_equal(b->type, J_ARR);
		for (size_t k = 0; k < b->n; k++)
			assert_int_equal(b->items[k].type, J_STR);
	}
	assert_string_equal(jget(&pages->items[1], "name")->str, "02.txt");

	const jval *arts = jget(&root, "articles");
	assert_int_equal(arts->type, J_ARR);
	assert_int_equal(arts->n, doc_narticles(issue));
	size_t continues = 0;
	for (size_t i = 0; i < arts->n; i++) {
		static const char *const keys[] = {
			"page", "column", "kicker", "headline", "subtitle", "byline", "dateline", "blocks",
		};
		const jval *a = &arts->items[i];
		check_keys(a, keys, UTIL_ARRAY_LEN(keys), "continues");
		assert_true(is_int(jget(a, "page")));
		assert_int_equal((size_t)jget(a, "page")->num, doc_article_at(issue, i)->page + 1);
		assert_int_equal(jget(a, "headline")->type, J_STR);
		static const char *const optional[] = { "column", "kicker", "subtitle", "byline", "dateline" };
		for (size_t k = 0; k < UTIL_ARRAY_LEN(optional); k++) {
			jtype t = jget(a, optional[k])->type;
			assert_true(t == J_NULL || t == J_STR);
		}
		const jval *c = jget(a, "continues");
		if (c) {
			static const char *const ckeys[] = { "page", "article" };
			check_keys(c, ckeys, 2, NULL);
			assert_true(is_int(jget(c, "page")) && is_int(jget(c, "article")));
			assert_int_equal((int)jget(c, "article")->num - 1, doc_article_at(issue, i)->continues);
			continues++;
		}
		const jval *blocks = jget(a, "blocks");
		assert_int_equal(blocks->type, J_ARR);
		assert_int_equal(blocks->n, doc_article_at(issue, i)->nblocks);
		for (size_t k = 0; k < blocks->n; k++) {
			static const char *const bkeys[] = { "type", "text" };
			check_keys(&blocks->items[k], bkeys, 2, NULL);
			const char *t = jget(&blocks->items[k], "type")->str;
			assert_true(!strcmp(t, "paragraph") || !strcmp(t, "subhead") ||
				    !strcmp(t, "caption") || !strcmp(t, "jump"));
			assert_int_equal(jget(&blocks->items[k], "text")->type, J_STR);
		}
	}
	assert_int_equal(continues, 2);     /* the two 下转 of page 1 */

	const jval *caps = jget(&root, "captions");
	assert_int_equal(caps->type, J_ARR);
	assert_int_equal(caps->n, 5);       /* the gallery at the end of page 4 */
	for (size_t i = 0; i < caps->n; i++) {
		static const char *const keys[] = { "page", "text" };
		check_keys(&caps->items[i], keys, 2, NULL);
		assert_int_equal((int)jget(&caps->items[i], "page")->num, 4);
	}
	jfree(&root);
	free(json);
	doc_issue_free(issue);
}

/* Quotes, backslashes, tabs and every other control character come back
 * unchanged through the JSON string writer. */
static void test_json_strings(void **state)
{
	(void)state;
	char in[64];
	size_t n = 0;
	for (int c = 1; c < 0x20; c++)
		in[n++] = (char)c;
	memcpy(in + n, "\"\\/青", 6);
	n += 6;
	char *out = NULL;
	size_t len;
	FILE *f = open_memstream(&out, &len);
	export_json_string(f, in, n);
	fclose(f);
	jparser jp = { out, out + len, true };
	jval v;
	assert_true(jparse(&jp, &v));
	assert_int_equal(v.type, J_STR);
	assert_memory_equal(v.str, in, n);
	jfree(&v);
	free(out);
}

static void test_list(void **state)
{
	(void)state;
	doc_issue *issue = sample_issue();
	size_t len;
	char *list = to_string(export_list, issue, &len);
	/* one line per article, four tab-separated fields */
	size_t lines = 0;
	for (char *p = list; p < list + len; p++)
		lines += *p == '\n';
	assert_int_equal(lines, doc_narticles(issue));
	const char *first = "1\t1\t青川高新区首季新签约项目四十二个\t本报记者 沈若溪\n";
	assert_memory_equal(list, first, strlen(first));
	/* a page printed as 第2版 lists as page 2; an empty byline is "-" */
	assert_non_null(strstr(list, "\n2\t7\t青川高新区首季新签约项目四十二个\t-\n"));
	free(list);
	doc_issue_free(issue);
}

static void test_empty_issue(void **state)
{
	(void)state;
	doc_issue *issue = doc_issue_new();
	size_t len;
	char *json = to_string(export_json, issue, &len);
	assert_string_equal(json, "{\n  \"pages\": [],\n  \"articles\": [],\n  \"captions\": []\n}\n");
	free(json);
	char *list = to_string(export_list, issue, &len);
	assert_int_equal(len, 0);
	free(list);
	doc_issue_free(issue);
}

int main(void)
{
	text_init_locale(NULL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_schema),
		cmocka_unit_test(test_json_strings),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_empty_issue),
	};
	return cmocka_run_group_tests_name("export", tests, NULL, NULL);
}
