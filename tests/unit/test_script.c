/* Unit tests of script.c: names, detection, conversion through OpenCC,
 * and what happens when OpenCC's data files are missing. */
#include "testutil.h"
#include "script.h"
#include "text.h"
#include "util.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define S(x) x, strlen(x)

static void test_names(void **state)
{
	(void)state;
	static const char *const names[] = { "as-is", "simplified", "traditional", "taiwan", "hongkong" };
	for (int t = 0; t < SCRIPT_NTARGETS; t++) {
		script_target got;
		assert_true(script_target_parse(names[t], &got));
		assert_int_equal(got, t);
		assert_string_equal(script_target_name(got), names[t]);
	}
	script_target got;
	assert_false(script_target_parse("Simplified", &got));
	assert_false(script_target_parse("", &got));
	assert_string_equal(script_kind_name(SCRIPT_KIND_TRADITIONAL), "traditional");
	assert_string_equal(script_kind_name(SCRIPT_KIND_SIMPLIFIED), "simplified");
}

static void test_detect(void **state)
{
	(void)state;
	assert_int_equal(script_detect(S("本报记者 张三 报道：台湾的经济发展很快，后来大家都说好。")),
			 SCRIPT_KIND_SIMPLIFIED);
	assert_int_equal(script_detect(S("本報記者 張三 報導：臺灣的經濟發展很快，後來大家都說好。")),
			 SCRIPT_KIND_TRADITIONAL);
	/* mostly simplified, with one traditional name in it */
	assert_int_equal(script_detect(S("本报记者从台湾报道，当地报纸《聯合報》说，今年的经济增长明显，"
					 "外贸和消费都在恢复，市场信心逐步回升，企业投资意愿增强。")),
			 SCRIPT_KIND_SIMPLIFIED);
	/* mostly traditional, quoting a simplified title */
	assert_int_equal(script_detect(S("本報記者從北京報導，當地報紙《人民日报》說，今年的經濟增長明顯，"
					 "外貿和消費都在恢復，市場信心逐步回升。")),
			 SCRIPT_KIND_TRADITIONAL);
	assert_int_equal(script_detect(S("")), SCRIPT_KIND_SIMPLIFIED);
	assert_int_equal(script_detect(S("ASCII only, 2025.")), SCRIPT_KIND_SIMPLIFIED);
}

static void check_convert(script_target to, script_kind from, const char *in, const char *want)
{
	size_t len = 0;
	char *got = script_convert(to, from, in, strlen(in), &len);
	if (!got)
		fail_msg("no conversion to %s: %s", script_target_name(to), script_error());
	if (strcmp(got, want) != 0)
		fail_msg("%s → %s: \"%s\", want \"%s\"", in, script_target_name(to), got, want);
	assert_int_equal(len, strlen(want));
	free(got);
}

/* Phrase-level conversion: 头发/頭髮 (发 is 發 or 髮), 干燥/乾燥 (干 is
 * 乾, 幹 or 干), 后来/後來 and 皇后 (后 is 後 or 后). */
static void test_convert(void **state)
{
	(void)state;
	check_convert(SCRIPT_SIMPLIFIED, SCRIPT_KIND_TRADITIONAL,
		      "頭髮很乾燥，後來皇后說。", "头发很干燥，后来皇后说。");
	check_convert(SCRIPT_TRADITIONAL, SCRIPT_KIND_SIMPLIFIED,
		      "头发很干燥，后来皇后说。", "頭髮很乾燥，後來皇后說。");
	check_convert(SCRIPT_TAIWAN, SCRIPT_KIND_SIMPLIFIED, "台湾发展，里面", "臺灣發展，裡面");
	check_convert(SCRIPT_HONGKONG, SCRIPT_KIND_SIMPLIFIED, "后来皇后说", "後來皇后説");
	check_convert(SCRIPT_TAIWAN, SCRIPT_KIND_TRADITIONAL, "裏面", "裡面");
	check_convert(SCRIPT_HONGKONG, SCRIPT_KIND_TRADITIONAL, "皇后說", "皇后説");
	/* nothing to do */
	size_t len = 7;
	assert_null(script_convert(SCRIPT_AS_IS, SCRIPT_KIND_TRADITIONAL, S("臺灣"), &len));
	assert_null(script_convert(SCRIPT_SIMPLIFIED, SCRIPT_KIND_SIMPLIFIED, S("台湾"), &len));
	assert_null(script_convert(SCRIPT_TRADITIONAL, SCRIPT_KIND_TRADITIONAL, S("臺灣"), &len));
	assert_true(script_ready(SCRIPT_AS_IS, SCRIPT_KIND_SIMPLIFIED));
	assert_true(script_ready(SCRIPT_TAIWAN, SCRIPT_KIND_SIMPLIFIED));
	assert_string_equal(script_error(), "");
}

/* OpenCC's data missing: a message naming the file and what to install;
 * detection says simplified, the fold is the identity. */
static void test_missing_data(void **state)
{
	(void)state;
	script_shutdown();
	setenv("KANBAO_OPENCC_DIR", "/nonexistent/opencc", 1);
	size_t len;
	assert_false(script_ready(SCRIPT_SIMPLIFIED, SCRIPT_KIND_TRADITIONAL));
	assert_null(script_convert(SCRIPT_SIMPLIFIED, SCRIPT_KIND_TRADITIONAL, S("臺灣"), &len));
	assert_non_null(strstr(script_error(), "/nonexistent/opencc/t2s.json"));
	assert_non_null(strstr(script_error(), "libopencc-data"));
	assert_true(script_ready(SCRIPT_AS_IS, SCRIPT_KIND_TRADITIONAL));
	assert_int_equal(script_detect(S("臺灣的經濟發展")), SCRIPT_KIND_SIMPLIFIED);
	assert_null(script_fold_bitmap());
	assert_int_equal(script_fold_cp(0x81FA /* 臺 */), 0x81FA);
	script_shutdown();
	unsetenv("KANBAO_OPENCC_DIR");
	assert_int_equal(script_fold_cp(0x81FA), 0x53F0 /* 台 */);
	script_shutdown();
}

/* The fold table read out of OpenCC is kept in
 * $XDG_CACHE_HOME/kanbao/fold-t2s and read back by the next process:
 * the same table asked or read back; a file that says otherwise with a
 * valid hash is what is read (so it is read); a damaged or truncated one
 * is asked again and rewritten. */
enum { LO = 0x3400, HI = 0xFB00 };

static void fold_table(uint32_t *t)
{
	for (uint32_t cp = LO; cp < HI; cp++)
		t[cp - LO] = script_fold_cp(cp);
}

static void test_fold_cache(void **state)
{
	(void)state;
	char dir[] = "/tmp/kanbao-fold-XXXXXX", path[64], cmd[128];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/kanbao/fold-t2s", dir);
	const char *old = getenv("XDG_CACHE_HOME");
	char *saved = old ? strdup(old) : NULL;
	setenv("XDG_CACHE_HOME", dir, 1);
	script_shutdown();
	uint32_t *asked = calloc(HI - LO, sizeof *asked), *read = calloc(HI - LO, sizeof *read);
	fold_table(asked);
	if (script_fold_bitmap()) {
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		static unsigned char buf[1 << 20];
		size_t n = fread(buf, 1, sizeof buf, f);
		fclose(f);
		script_shutdown();
		fold_table(read);
		assert_memory_equal(asked, read, (HI - LO) * sizeof *asked);
		/* 臺 -> 台 said to be 臺 -> 吉, with its hash */
		unsigned char *nl = memchr(buf, '\n', n);
		assert_non_null(nl);
		uint32_t count, cp, to;
		memcpy(&count, nl + 1, 4);
		bool changed = false;
		for (uint32_t i = 0; i < count; i++) {
			memcpy(&cp, nl + 5 + 8 * i, 4);
			if (cp == 0x81FA) {
				to = 0x5409;
				memcpy(nl + 5 + 8 * i + 4, &to, 4);
				changed = true;
			}
		}
		assert_true(changed);
		uint64_t h = util_hash(buf, n - 8, 0);
		memcpy(buf + n - 8, &h, 8);
		f = fopen(path, "wb");
		fwrite(buf, 1, n, f);
		fclose(f);
		script_shutdown();
		assert_int_equal(script_fold_cp(0x81FA), 0x5409);
		/* damaged (the hash no longer matches): asked again */
		buf[n / 2] ^= 1;
		f = fopen(path, "wb");
		fwrite(buf, 1, n, f);
		fclose(f);
		script_shutdown();
		fold_table(read);
		assert_memory_equal(asked, read, (HI - LO) * sizeof *asked);
		/* and rewritten: read back */
		script_shutdown();
		fold_table(read);
		assert_memory_equal(asked, read, (HI - LO) * sizeof *asked);
		/* truncated: asked again */
		assert_int_equal(truncate(path, (off_t)n / 3), 0);
		script_shutdown();
		fold_table(read);
		assert_memory_equal(asked, read, (HI - LO) * sizeof *asked);
	}
	free(asked);
	free(read);
	script_shutdown();
	if (saved)
		setenv("XDG_CACHE_HOME", saved, 1);
	else
		unsetenv("XDG_CACHE_HOME");
	free(saved);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* The whole range asked at once goes half to a second thread with a
 * converter of its own: its folds are those of the characters asked one
 * by one (a sample of every 11th, both threads' parts; 體 and 龍 are in
 * the second's). */
static void test_fold_asked_in_two_threads(void **state)
{
	(void)state;
	char dir[] = "/tmp/kanbao-fold-XXXXXX", cmd[128];
	assert_non_null(mkdtemp(dir));
	const char *old = getenv("XDG_CACHE_HOME");
	char *saved = old ? strdup(old) : NULL;
	setenv("XDG_CACHE_HOME", dir, 1);       /* nothing kept: asked */
	script_shutdown();
	uint32_t *whole = calloc(HI - LO, sizeof *whole);
	fold_table(whole);
	if (script_fold_bitmap()) {
		assert_int_equal(whole[0x9AD4 - LO], 0x4F53);   /* 體 -> 体 */
		assert_int_equal(whole[0x9F8D - LO], 0x9F99);   /* 龍 -> 龙 */
		assert_int_equal(whole[0x81FA - LO], 0x53F0);   /* 臺 -> 台 */
		script_shutdown();
		size_t changed = 0;
		for (uint32_t cp = LO; cp < HI; cp += 11) {
			uint32_t one = script_fold_lazy(cp);
			assert_int_equal(whole[cp - LO], one);
			changed += one != cp;
		}
		assert_true(changed > 100);
	}
	free(whole);
	script_shutdown();
	if (saved)
		setenv("XDG_CACHE_HOME", saved, 1);
	else
		unsetenv("XDG_CACHE_HOME");
	free(saved);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* With the fold table kept in its file, OpenCC is not opened to fold
 * (10M instructions a start): only to convert. Shown with a copy of
 * its data whose t2s.json is then spoilt, its size and times kept (so
 * the file's key still matches): the fold and detection still work from
 * the file, a conversion then fails to open. */
static void test_fold_without_opencc(void **state)
{
	(void)state;
	char dir[] = "/tmp/kanbao-nocc-XXXXXX", cmd[512], json[128];
	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof cmd, "cp /usr/share/opencc/t2s.json /usr/share/opencc/TSPhrases.ocd2 "
		 "/usr/share/opencc/TSCharacters.ocd2 '%s'/ 2>/dev/null", dir);
	if (system(cmd) != 0) {
		print_message("note: no OpenCC data in /usr/share/opencc: skipped\n");
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		assert_int_equal(system(cmd), 0);
		return;
	}
	const char *old = getenv("XDG_CACHE_HOME");
	char *saved = old ? strdup(old) : NULL;
	setenv("XDG_CACHE_HOME", dir, 1);
	setenv("KANBAO_OPENCC_DIR", dir, 1);
	script_shutdown();
	assert_non_null(script_fold_bitmap());  /* asked of OpenCC, kept in the file */
	assert_int_equal(script_fold_cp(0x81FA /* 臺 */), 0x53F0 /* 台 */);
	snprintf(json, sizeof json, "%s/t2s.json", dir);
	struct stat st;
	assert_int_equal(stat(json, &st), 0);
	FILE *f = fopen(json, "r+b");
	assert_non_null(f);
	for (off_t i = 0; i < st.st_size; i++)
		fputc('x', f);
	fclose(f);
	struct timespec times[2] = { st.st_atim, st.st_mtim };
	assert_int_equal(utimensat(AT_FDCWD, json, times, 0), 0);
	script_shutdown();
	assert_non_null(script_fold_bitmap());
	assert_int_equal(script_fold_cp(0x81FA), 0x53F0);
	assert_int_equal(script_detect(S("臺灣的經濟發展")), SCRIPT_KIND_TRADITIONAL);
	assert_false(script_ready(SCRIPT_SIMPLIFIED, SCRIPT_KIND_TRADITIONAL));
	script_shutdown();
	unsetenv("KANBAO_OPENCC_DIR");
	if (saved)
		setenv("XDG_CACHE_HOME", saved, 1);
	else
		unsetenv("XDG_CACHE_HOME");
	free(saved);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* The display view over a traditional page of our own: what is shown is
 * the phrase-level conversion, with the offsets of the original (same
 * length, same character boundaries), converted once per article. */
static void test_view(void **state)
{
	(void)state;
	doc_issue *issue = tu_parse_file(tu_fixture("script/traditional.txt"));
	assert_int_equal(doc_page_at(issue, 0)->script, SCRIPT_KIND_TRADITIONAL);
	const doc_article *a = doc_article_at(issue, 0);
	doc_str head = doc_element_text(issue, a, DOC_F_HEADLINE);
	doc_str body = doc_element_text(issue, a, DOC_NFIELDS);
	doc_str second = doc_element_text(issue, a, DOC_NFIELDS + 1);

	script_view *v = script_view_new(issue, SCRIPT_SIMPLIFIED);
	assert_int_equal(script_view_target(v), SCRIPT_SIMPLIFIED);
	doc_str h = doc_element_shown(issue, 0, DOC_F_HEADLINE);
	assert_int_equal(h.len, head.len);
	assert_memory_equal(h.s, "台湾中部天气干燥 理发店生意兴隆", h.len);
	doc_str b = doc_element_shown(issue, 0, DOC_NFIELDS);
	assert_int_equal(b.len, body.len);
	for (uint32_t i = 0; i < b.len; i++)     /* the same character boundaries */
		assert_int_equal((b.s[i] & 0xC0) == 0x80, (body.s[i] & 0xC0) == 0x80);
	static const char *const want[] = { "头发", "干燥", "后来", "台湾" };
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
		if (!memmem(b.s, b.len, want[k], strlen(want[k])))
			fail_msg("\"%s\" not in the shown text: %.*s", want[k], (int)b.len, b.s);
	doc_str s2 = doc_element_shown(issue, 0, DOC_NFIELDS + 1);
	assert_int_equal(s2.len, second.len);
	assert_non_null(memmem(s2.s, s2.len, "皇后发型", strlen("皇后发型")));
	/* converted once: the same text again */
	assert_ptr_equal(doc_element_shown(issue, 0, DOC_NFIELDS).s, b.s);

	/* back to as printed; traditional of a traditional page is as printed */
	assert_true(script_view_set(v, SCRIPT_AS_IS));
	assert_ptr_equal(doc_element_shown(issue, 0, DOC_NFIELDS).s, body.s);
	assert_true(script_view_set(v, SCRIPT_TRADITIONAL));
	assert_ptr_equal(doc_element_shown(issue, 0, DOC_NFIELDS).s, body.s);
	/* Taiwan's forms of a traditional page: converted, same length */
	assert_true(script_view_set(v, SCRIPT_TAIWAN));
	assert_int_equal(doc_element_shown(issue, 0, DOC_NFIELDS).len, body.len);

	script_view_free(v);
	assert_ptr_equal(doc_element_shown(issue, 0, DOC_NFIELDS).s, body.s);
	doc_issue_free(issue);
}

/* Each text is converted when first shown, alone: asking for the headline
 * converts the headline only, a paragraph only that paragraph, once; and a
 * text converted alone reads as it did converted among its article's
 * texts joined by newlines (how the view converted before), for both
 * targets and every article of the fixtures in either script. */
static void check_texts_alone(const char *fixture, script_target target)
{
	doc_issue *issue = tu_parse_file(tu_fixture(fixture));
	script_view *v = script_view_new(issue, target);
	size_t compared = 0;
	for (uint32_t i = 0; i < doc_narticles(issue); i++) {
		const doc_article *a = doc_article_at(issue, i);
		script_kind from = (script_kind)doc_page_at(issue, a->page)->script;
		util_buf all = { 0 };
		for (uint32_t e = 0; e < doc_article_nelements(a); e++) {
			doc_str t = doc_element_text(issue, a, e);
			if (e)
				util_buf_addc(&all, '\n');
			util_buf_add(&all, t.s, t.len);
		}
		char *joined = script_convert_aligned(target, from, all.data, all.len);
		const char *at = joined ? joined : all.data;
		for (uint32_t e = 0; e < doc_article_nelements(a); e++) {
			doc_str t = doc_element_text(issue, a, e);
			doc_str s = doc_element_shown(issue, i, e);
			assert_int_equal(s.len, t.len);
			assert_memory_equal(s.s, at, t.len);
			at += t.len + 1;
			compared += t.len;
		}
		free(joined);
		util_buf_free(&all);
	}
	assert_true(compared > 0);
	script_view_free(v);
	doc_issue_free(issue);
}

static void test_view_by_text(void **state)
{
	(void)state;
	doc_issue *issue = tu_parse_file(tu_fixture("script/traditional.txt"));
	const doc_article *a = doc_article_at(issue, 0);
	size_t head = doc_element_text(issue, a, DOC_F_HEADLINE).len;
	size_t body = doc_element_text(issue, a, DOC_NFIELDS).len;
	assert_true(doc_article_nelements(a) > DOC_NFIELDS + 1);
	script_view *v = script_view_new(issue, SCRIPT_SIMPLIFIED);
	assert_int_equal(script_view_converted(v), 0);
	doc_element_shown(issue, 0, DOC_F_HEADLINE);
	assert_int_equal(script_view_converted(v), head);
	doc_element_shown(issue, 0, DOC_NFIELDS);
	assert_int_equal(script_view_converted(v), head + body);
	doc_element_shown(issue, 0, DOC_NFIELDS);
	doc_element_shown(issue, 0, DOC_F_HEADLINE);
	assert_int_equal(script_view_converted(v), head + body);
	/* a new target starts again */
	assert_true(script_view_set(v, SCRIPT_TAIWAN));
	assert_int_equal(script_view_converted(v), 0);
	doc_element_shown(issue, 0, DOC_NFIELDS);
	assert_int_equal(script_view_converted(v), body);
	script_view_free(v);
	doc_issue_free(issue);

	static const script_target targets[] = { SCRIPT_SIMPLIFIED, SCRIPT_TRADITIONAL };
	for (size_t t = 0; t < 2; t++) {
		check_texts_alone("script/traditional.txt", targets[t]);
		check_texts_alone("script/mixed.txt", targets[t]);
		check_texts_alone("parse/md_table.txt", targets[t]);
	}
}

/* Aligned conversion keeps every offset: a character whose conversion
 * would be wider or longer stays as printed. */
static void test_aligned(void **state)
{
	(void)state;
	const char *in = "头发很干燥，后来皇后说“好”。";
	char *out = script_convert_aligned(SCRIPT_TRADITIONAL, SCRIPT_KIND_SIMPLIFIED, S(in));
	assert_non_null(out);
	assert_string_equal(out, "頭髮很乾燥，後來皇后說“好”。");
	free(out);
	assert_null(script_convert_aligned(SCRIPT_AS_IS, SCRIPT_KIND_SIMPLIFIED, S(in)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_convert),
		cmocka_unit_test(test_view),
		cmocka_unit_test(test_view_by_text),
		cmocka_unit_test(test_aligned),
		cmocka_unit_test(test_missing_data),
		cmocka_unit_test(test_fold_cache),
		cmocka_unit_test(test_fold_asked_in_two_threads),
		cmocka_unit_test(test_fold_without_opencc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
