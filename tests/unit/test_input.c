/* Unit tests of input.c: encodings, cleaning, files, folders, streams,
 * limits and the SIGBUS guard, on text of our own. */
#include "testutil.h"
#include "input.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unistr.h>

#define S(x) x, sizeof(x) - 1

static const input_options FORCE_UTF8 = { "UTF-8", 0 };

/* ---- helpers ---------------------------------------------------------- */

static input_page decode_ok(const char *data, size_t len, const input_options *opt)
{
	input_page p;
	char err[256] = "";
	if (!input_decode("t.txt", data, len, opt, &p, err, sizeof err))
		fail_msg("input_decode failed: %s", err);
	return p;
}

static void assert_text(const input_page *p, const char *expect)
{
	if (p->source.len != strlen(expect) || memcmp(p->source.text, expect, p->source.len) != 0)
		fail_msg("text is \"%.*s\" (%zu bytes), expected \"%s\"", (int)p->source.len,
			 p->source.text, p->source.len, expect);
}

static void assert_decode_fails(const char *name, const char *data, size_t len,
				const input_options *opt, const char *message)
{
	input_page p;
	char err[256] = "";
	assert_false(input_decode(name, data, len, opt, &p, err, sizeof err));
	assert_string_equal(err, message);
}

/* Reads a path that must give exactly one page. */
static input_page read_one(const char *path, const input_options *opt)
{
	input_page *pages = NULL;
	size_t n = 0, cap = 0;
	char err[512] = "";
	if (!input_read_path(path, opt, &pages, &n, &cap, err, sizeof err))
		fail_msg("input_read_path(%s) failed: %s", path, err);
	assert_int_equal(n, 1);
	input_page p = pages[0];
	free(pages);
	return p;
}

static void assert_read_fails(const char *path, const input_options *opt, const char *message)
{
	input_page *pages = NULL;
	size_t n = 0, cap = 0;
	char err[512] = "";
	assert_false(input_read_path(path, opt, &pages, &n, &cap, err, sizeof err));
	assert_int_equal(n, 0);
	assert_string_equal(err, message);
	free(pages);
}

/* A private temporary folder for files the test makes. */
static char tmpdir[64];

static int setup_tmp(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/kanbao-input-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

static int teardown_tmp(void **state)
{
	(void)state;
	return nftw(tmpdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static const char *tmp_path(const char *name)
{
	static char path[4][256];
	static int k;
	k = (k + 1) % 4;
	snprintf(path[k], sizeof path[k], "%s/%s", tmpdir, name);
	return path[k];
}

static const char *write_tmp(const char *name, const void *data, size_t len)
{
	const char *path = tmp_path(name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	return path;
}

/* ---- UTF-8, in place -------------------------------------------------- */

static void test_utf8_in_place(void **state)
{
	(void)state;
	static const char text[] = "看报 第1版\n青川湖畔的樱花开了,游客络绎不绝。\n";
	input_page p = decode_ok(S(text), NULL);
	assert_ptr_equal(p.source.text, text);
	assert_int_equal(p.source.len, sizeof text - 1);
	assert_null(p.source.owner);
	assert_string_equal(p.encoding, "UTF-8");
	assert_int_equal(p.replaced, 0);
	assert_string_equal(p.name, "t.txt");
	input_page_free(&p);

	/* tabs, CR and CRLF are text; a NBSP (U+00A0) is not a C1 control */
	static const char lines[] = "一\r\n二\r三\t四\xC2\xA0五\n";
	p = decode_ok(S(lines), NULL);
	assert_ptr_equal(p.source.text, lines);
	assert_int_equal(p.source.len, sizeof lines - 1);
	input_page_free(&p);
}

static void test_utf8_bom(void **state)
{
	(void)state;
	static const char text[] = "\xEF\xBB\xBF早报:河堤步道贯通。\n";
	input_page p = decode_ok(S(text), NULL);
	assert_ptr_equal(p.source.text, text + 3);
	assert_text(&p, "早报:河堤步道贯通。\n");
	assert_null(p.source.owner);
	assert_string_equal(p.encoding, "UTF-8");
	input_page_free(&p);

	/* a BOM and nothing else */
	p = decode_ok(S("\xEF\xBB\xBF"), NULL);
	assert_int_equal(p.source.len, 0);
	input_page_free(&p);
}

static void test_empty(void **state)
{
	(void)state;
	input_page p = decode_ok("", 0, NULL);
	assert_int_equal(p.source.len, 0);
	assert_non_null(p.source.text);
	assert_string_equal(p.encoding, "UTF-8");
	input_page_free(&p);

	p = read_one(write_tmp("empty.txt", "", 0), NULL);
	assert_int_equal(p.source.len, 0);
	assert_string_equal(p.name, "empty.txt");
	input_page_free(&p);
}

/* ---- Invalid UTF-8 ---------------------------------------------------- */

static void test_invalid_utf8(void **state)
{
	(void)state;
	/* a character cut short mid-sequence, a stray continuation byte, a
	 * four-byte sequence cut at the end */
	input_page p = decode_ok(S("新闻\xE9\x97报道\x80结束\xF0\x9F\x98"), NULL);
	assert_text(&p, "新闻\uFFFD报道\uFFFD结束\uFFFD");
	assert_int_equal(p.replaced, 3);
	assert_string_equal(p.encoding, "UTF-8");
	assert_non_null(p.source.owner);
	input_page_free(&p);

	/* overlong (two pieces), surrogate, above U+10FFFF, 0xFF: cut where
	 * libunistring's decoder cuts; a real U+FFFD in the text is not counted */
	p = decode_ok(S("青川市图书馆今天开馆\xC0\xAF甲\xED\xA0\x80乙\xF4\x90\x80\x80丙\xFF丁\uFFFD"),
		      NULL);
	assert_text(&p, "青川市图书馆今天开馆\uFFFD\uFFFD甲\uFFFD乙\uFFFD丙\uFFFD丁\uFFFD");
	assert_int_equal(p.replaced, 5);
	input_page_free(&p);
}

static void test_utf8_with_few_errors_stays_utf8(void **state)
{
	(void)state;
	/* three characters cut short in a paragraph of our own */
	static const char text[] =
		"今年春天,青川新区\xE6\x96建了三座口袋公园,附近居民有了散步的去处。\n"
		"今年春天,青川新区新建了三座口袋\xE5园,附近居民有了散步的去处。\n"
		"今年春天,青川新区新建了三座口袋公园,附近居民有了散步的去\xE5\xA4\n"
		"今年春天,青川新区新建了三座口袋公园,附近居民有了散步的去处。\n";
	input_page p = decode_ok(S(text), NULL);
	assert_string_equal(p.encoding, "UTF-8");
	assert_int_equal(p.replaced, 3);
	assert_text(&p,
		"今年春天,青川新区\uFFFD建了三座口袋公园,附近居民有了散步的去处。\n"
		"今年春天,青川新区新建了三座口袋\uFFFD园,附近居民有了散步的去处。\n"
		"今年春天,青川新区新建了三座口袋公园,附近居民有了散步的去\uFFFD\n"
		"今年春天,青川新区新建了三座口袋公园,附近居民有了散步的去处。\n");
	input_page_free(&p);

	/* at the edge: as many valid multi-byte sequences as invalid ones is
	 * still UTF-8, although these bytes would be clean GB18030 */
	p = decode_ok(S("新闻\xB0\xA1"), NULL);
	assert_string_equal(p.encoding, "UTF-8");
	assert_text(&p, "新闻\uFFFD\uFFFD");
	assert_int_equal(p.replaced, 2);
	input_page_free(&p);

	/* text in another single-byte encoding is not binary data */
	p = decode_ok(S("Caf\xE9 cr\xE8me br\xFBl\xE9" "e\n"), NULL);
	assert_text(&p, "Caf\uFFFD cr\uFFFDme br\uFFFDl\uFFFDe\n");
	assert_int_equal(p.replaced, 4);
	assert_string_equal(p.encoding, "UTF-8");
	input_page_free(&p);
}

/* ---- Cleaning --------------------------------------------------------- */

static void test_nul_and_c0_removed(void **state)
{
	(void)state;
	input_page p = decode_ok(S("第一\0行\0\0文字\x01\x02\x7F\x0B\n尾\x1A"), NULL);
	assert_text(&p, "第一行文字\n尾");
	assert_int_equal(p.replaced, 0);
	assert_string_equal(p.encoding, "UTF-8");
	input_page_free(&p);

	/* form feed is a line end; CR and CRLF stay */
	p = decode_ok(S("一\r\n二\r三\f四\t五"), NULL);
	assert_text(&p, "一\r\n二\r三\n四\t五");
	input_page_free(&p);
}

static void test_escape_sequences(void **state)
{
	(void)state;
	input_page p = decode_ok(S(
		"标题\x1B[1;31m红字\x1B[0m正常\x1B[?1049h"         /* CSI */
		"\x1B]0;偷改标题\x07后文"                           /* OSC ended by BEL */
		"\x1B]52;c;ZXZpbA==\x1B\\剪贴"                      /* OSC 52 ended by ST */
		"\x1B]8;;http://x.invalid/\xC2\x9C链接"             /* ended by C1 ST */
		"\x1BP1$qm\x1B\\尾"                                 /* DCS */
		"\x1B_apc\x1B\\\x1B^pm\x1B\\\x1BXsos\x1B\\字"        /* APC, PM, SOS */
		"\x1B(B\x1B" "7保存\x1B" "8\x1B" "c完"               /* nF and two-byte */
		"\x1B"), NULL);                                     /* ESC at the end */
	assert_text(&p, "标题红字正常后文剪贴链接尾字保存完");
	input_page_free(&p);

	/* an unterminated string stops at the line end; a CSI broken by a
	 * non-ASCII byte keeps that character */
	p = decode_ok(S("前\x1B]0;无终止的标题\n后\x1B[12中文\x1B\x1B[m完"), NULL);
	assert_text(&p, "前\n后中文完");
	input_page_free(&p);
}

static void test_c1_controls(void **state)
{
	(void)state;
	input_page p = decode_ok(S("甲\xC2\x9B" "31m乙\xC2\x85丙\xC2\x80丁\xC2\x9F戊\xC2\xA0己"), NULL);
	assert_text(&p, "甲31m乙丙丁戊\xC2\xA0己");
	assert_int_equal(p.replaced, 0);
	input_page_free(&p);
}

/* ---- Other encodings -------------------------------------------------- */

static const char FIXTURE_GB[] =
	"青川日报 第3版\n青川新区图书馆今天正式开馆,首日接待读者两千余人。\n"
	"馆长在开馆仪式上说:“书是城市的灯。”\n罕见字:㐀与𠀋。\n";
static const char FIXTURE_U16[] = "晨报 第1版\n河堤步道全线贯通,沿岸居民清晨散步的人多了。𠀋\n";

/* Big5 bytes are clean GB18030 too: read as Chinese, they are Big5 */
static void test_big5(void **state)
{
	(void)state;
	input_page p = read_one(tu_fixture("input/big5.txt"), NULL);
	assert_string_equal(p.encoding, "CP950");
	assert_text(&p, "淡水日報　第2版\n〔記者王美玲／淡水報導〕老街的鐵蛋店今天重新開張，排隊的人從店門口一路排到河邊。\n"
		    "店長說：「這是我們家第三代的手藝。」\n");
	assert_int_equal(p.replaced, 0);
	input_page_free(&p);
}

/* Big5 written with Hong Kong's tables (HKSCS): ／ at A241 and the
 * circled figures at C6A1, which CP950 reads as ∕ and private-use codes;
 * read with the tables that wrote them */
static void test_big5_hkscs(void **state)
{
	(void)state;
	input_page p = read_one(tu_fixture("input/big5_hkscs.txt"), NULL);
	assert_string_equal(p.encoding, "BIG5-HKSCS");
	assert_text(&p, "澎湖日報　第5版\n〔記者陳美玲／馬公報導〕①漁市今早開張，②魚販說：「今年的白帶魚特別肥。」\n");
	assert_int_equal(p.replaced, 0);
	input_page_free(&p);
}

static void test_gb18030(void **state)
{
	(void)state;
	input_page p = read_one(tu_fixture("input/gb18030.txt"), NULL);
	assert_string_equal(p.encoding, "GB18030");
	assert_text(&p, FIXTURE_GB);
	assert_int_equal(p.replaced, 0);
	assert_string_equal(p.name, "gb18030.txt");
	input_page_free(&p);

	/* one broken byte in GB18030 text: still GB18030 */
	size_t len;
	char *gb = tu_read_file(tu_fixture("input/gb18030.txt"), &len);
	assert_int_equal((unsigned char)gb[16], 0xE0);  /* the trail byte of 青, line 2 */
	gb[16] = '\x7F';                                 /* an invalid trail, and a DEL */
	p = decode_ok(gb, len, NULL);
	assert_string_equal(p.encoding, "GB18030");
	assert_int_equal(p.replaced, 1);
	assert_text(&p, "青川日报 第3版\n\uFFFD川新区图书馆今天正式开馆,首日接待读者两千余人。\n"
		    "馆长在开馆仪式上说:“书是城市的灯。”\n罕见字:㐀与𠀋。\n");
	input_page_free(&p);
	gb[16] = '\xE0';

	/* a file cut inside its last character: a U+FFFD, not a silent loss */
	p = decode_ok(gb, len - 2, NULL);               /* "。" is A1 A3: keep A1 */
	assert_string_equal(p.encoding, "GB18030");
	assert_int_equal(p.replaced, 1);
	assert_text(&p, "青川日报 第3版\n青川新区图书馆今天正式开馆,首日接待读者两千余人。\n"
		    "馆长在开馆仪式上说:“书是城市的灯。”\n罕见字:㐀与𠀋\uFFFD");
	input_page_free(&p);
	free(gb);
}

static void test_utf16(void **state)
{
	(void)state;
	input_page p = read_one(tu_fixture("input/utf16le.txt"), NULL);
	assert_string_equal(p.encoding, "UTF-16LE");
	assert_text(&p, FIXTURE_U16);
	assert_int_equal(p.replaced, 0);
	input_page_free(&p);

	p = read_one(tu_fixture("input/utf16be.txt"), NULL);
	assert_string_equal(p.encoding, "UTF-16BE");
	assert_text(&p, FIXTURE_U16);
	input_page_free(&p);

	/* a lone surrogate costs one U+FFFD and does not shift what follows;
	 * NUL and ESC are cleaned as in UTF-8; an odd last byte is one more */
	static const char le[] = "\xFF\xFE" "A\0" "\x3D\xD8" "B\0" "\x00\xDC" "-N" "\0\0" "\x1B\0[\0" "m\0" "\x87" "e" "C";
	p = decode_ok(S(le), NULL);
	assert_string_equal(p.encoding, "UTF-16LE");
	assert_text(&p, "A\uFFFDB\uFFFD中文\uFFFD");
	assert_int_equal(p.replaced, 3);
	input_page_free(&p);

	/* a high surrogate cut at the end; a U+FFFD of the text is no error */
	p = decode_ok(S("\xFE\xFF\x4E\x2D\xFF\xFD\xD8\x40"), NULL);
	assert_text(&p, "中\uFFFD\uFFFD");
	assert_int_equal(p.replaced, 1);
	input_page_free(&p);
}

static void test_utf32(void **state)
{
	(void)state;
	input_page p = decode_ok(S("\xFF\xFE\0\0" "A\0\0\0" "\x2D\x4E\0\0" "\0\0\x11\0" "\x0B\0\x02\0"), NULL);
	assert_string_equal(p.encoding, "UTF-32LE");
	assert_text(&p, "A中\uFFFD𠀋");
	assert_int_equal(p.replaced, 1);
	input_page_free(&p);

	p = decode_ok(S("\0\0\xFE\xFF" "\0\0\x4E\x2D" "\0\0\xD8\0" "\0\0"), NULL);
	assert_string_equal(p.encoding, "UTF-32BE");
	assert_text(&p, "中\uFFFD\uFFFD");
	assert_int_equal(p.replaced, 2);
	input_page_free(&p);
}

static void test_forced_encoding(void **state)
{
	(void)state;
	size_t len;
	char *gb = tu_read_file(tu_fixture("input/gb18030.txt"), &len);
	input_options o = { "gb18030", 0 };
	input_page p = decode_ok(gb, len, &o);
	assert_string_equal(p.encoding, "gb18030");
	assert_text(&p, FIXTURE_GB);
	input_page_free(&p);
	free(gb);

	/* forced GB18030 on a short text cut in a four-byte character */
	p = decode_ok(S("\xD6\xD0\xCE\xC4\x81\x30"), &o);
	assert_text(&p, "中文\uFFFD0");
	assert_int_equal(p.replaced, 1);
	input_page_free(&p);

	/* GB18030 can say U+FFFD itself: that is no replacement */
	p = decode_ok(S("\xD6\xD0\x84\x31\xA4\x37\xFF"), &o);
	assert_text(&p, "中\uFFFD\uFFFD");
	assert_int_equal(p.replaced, 1);
	input_page_free(&p);

	/* UTF-16 without a BOM: big-endian unless the name says otherwise */
	input_options u16 = { "UTF-16", 0 };
	p = decode_ok(S("\x4E\x2D\x65\x87"), &u16);
	assert_text(&p, "中文");
	assert_string_equal(p.encoding, "UTF-16");
	input_page_free(&p);
	input_options u16le = { "utf_16le", 0 };
	p = decode_ok(S("\xFF\xFE\x2D\x4E\x87\x65"), &u16le);
	assert_text(&p, "中文");
	input_page_free(&p);

	/* latin1 is what the user says, even though it could be guessed otherwise */
	input_options l1 = { "latin1", 0 };
	p = decode_ok(S("Caf\xE9\x85!"), &l1);
	assert_text(&p, "Café!");
	assert_int_equal(p.replaced, 0);
	input_page_free(&p);

	/* forced UTF-8: no GB18030 guess even when most bytes are invalid */
	p = decode_ok(S("\xD6\xD0\xCE\xC4"), &FORCE_UTF8);
	assert_text(&p, "\uFFFD\uFFFD\uFFFD\uFFFD");
	assert_int_equal(p.replaced, 4);
	assert_string_equal(p.encoding, "UTF-8");
	input_page_free(&p);

	input_options bad = { "NO-SUCH-ENCODING-42", 0 };
	assert_decode_fails("t.txt", S("abc"), &bad, "unknown encoding NO-SUCH-ENCODING-42");
	assert_true(input_encoding_known("GB18030"));
	assert_true(input_encoding_known("utf-16le"));
	assert_true(input_encoding_known("BIG5"));
	assert_false(input_encoding_known("NO-SUCH-ENCODING-42"));
	assert_false(input_encoding_known(""));
}

/* ---- Binary data ------------------------------------------------------ */

/* Found by fuzzing: UTF-32 text of characters beyond the BMP takes 4
 * bytes of UTF-8 per unit (the buffer was sized for 3). */
static void test_utf32_supplementary(void **state)
{
	(void)state;
	uint8_t data[4 + 64 * 4];
	memcpy(data, "\xFF\xFE\0\0", 4);
	for (int i = 0; i < 64; i++)
		memcpy(data + 4 + i * 4, "\x00\xF6\x01\x00", 4);     /* U+1F600 */
	input_page page;
	char err[256];
	assert_true(input_decode("emoji.txt", (const char *)data, sizeof data, NULL, &page, err, sizeof err));
	assert_int_equal(page.source.len, 64 * 4);
	for (int i = 0; i < 64; i++)
		assert_memory_equal(page.source.text + i * 4, "\xF0\x9F\x98\x80", 4);
	assert_int_equal(page.replaced, 0);
	input_page_free(&page);
}

static void test_binary_refused(void **state)
{
	(void)state;
	char blob[256];
	for (size_t i = 0; i < sizeof blob; i++)
		blob[i] = (char)(i * 37 % 256);         /* every byte value */
	assert_decode_fails("blob.bin", blob, sizeof blob, NULL,
			    "blob.bin: not a text file (binary data)");

	/* an executable's header: NULs and small numbers */
	static const char elf[] = "\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3E\0\x01\0\0\0"
		"\x40\x10\0\0\0\0\0\0\x40\0\0\0\0\0\0\0";
	const char *path = write_tmp("a.out.txt", elf, sizeof elf - 1);
	char msg[300];
	snprintf(msg, sizeof msg, "%s: not a text file (binary data)", path);
	assert_read_fails(path, NULL, msg);

	/* UTF-16 text is full of NULs, and is text */
	static const char u16[] = "\xFF\xFE" "a\0b\0c\0d\0e\0f\0g\0h\0i\0j\0";
	input_page p = decode_ok(S(u16), NULL);
	assert_text(&p, "abcdefghij");
	input_page_free(&p);
}

/* ---- Files, folders, streams ------------------------------------------ */

static void test_folder_natural_order(void **state)
{
	(void)state;
	input_page *pages = NULL;
	size_t n = 0, cap = 0;
	char err[512] = "";
	assert_true(input_read_path(tu_fixture("input/issue"), NULL, &pages, &n, &cap, err, sizeof err));
	assert_int_equal(n, 4);
	static const char *names[] = { "page1.txt", "page2.txt", "page3.TXT", "page10.txt" };
	static const char *texts[] = {
		"第1版 要闻\n春耕备耕有序推进。\n", "第2版 经济\n夜市经济带旺小店生意。\n",
		"第3版 文化\n老戏台重新开锣。\n", "第10版 体育\n少年足球联赛开幕。\n",
	};
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(pages[i].name, names[i]);
		assert_text(&pages[i], texts[i]);
		assert_string_equal(pages[i].encoding, "UTF-8");
	}
	/* a second path appends to the same array */
	assert_true(input_read_path(tu_fixture("input/gb18030.txt"), NULL, &pages, &n, &cap, err, sizeof err));
	assert_int_equal(n, 5);
	assert_string_equal(pages[4].name, "gb18030.txt");
	for (size_t i = 0; i < n; i++)
		input_page_free(&pages[i]);
	free(pages);
}

static void test_folder_without_pages(void **state)
{
	(void)state;
	char msg[4200];
	const char *dir = tu_fixture("input/notxt");
	snprintf(msg, sizeof msg, "%s: no *.txt pages in this folder", dir);
	assert_read_fails(dir, NULL, msg);

	/* a folder called x.txt is not a page */
	const char *sub = tmp_path("only-dirs");
	assert_int_equal(mkdir(sub, 0700), 0);
	char inner[300];
	snprintf(inner, sizeof inner, "%s/x.txt", sub);
	assert_int_equal(mkdir(inner, 0700), 0);
	snprintf(msg, sizeof msg, "%s: no *.txt pages in this folder", sub);
	assert_read_fails(sub, NULL, msg);

	/* a page that fails makes the folder fail, and nothing is kept */
	const char *bad = tmp_path("bad-issue");
	assert_int_equal(mkdir(bad, 0700), 0);
	char p1[300], p2[300];
	snprintf(p1, sizeof p1, "%s/1.txt", bad);
	snprintf(p2, sizeof p2, "%s/2.txt", bad);
	FILE *f = fopen(p1, "w");
	fputs("第一版\n", f);
	fclose(f);
	assert_int_equal(symlink("/dev/null", p2), 0);
	snprintf(msg, sizeof msg, "%s: not a regular file", p2);
	assert_read_fails(bad, NULL, msg);
}

static void test_missing_and_unreadable(void **state)
{
	(void)state;
	const char *missing = tmp_path("no-such-page.txt");
	char msg[300];
	snprintf(msg, sizeof msg, "%s: No such file or directory", missing);
	assert_read_fails(missing, NULL, msg);

	const char *path = write_tmp("secret.txt", "机密\n", strlen("机密\n"));
	assert_int_equal(chmod(path, 0), 0);
	if (geteuid() == 0 || access(path, R_OK) == 0) {
		print_message("skipped: the unreadable-file check (running as root can read anything)\n");
		return;
	}
	snprintf(msg, sizeof msg, "%s: Permission denied", path);
	assert_read_fails(path, NULL, msg);
}

static void test_device_refused(void **state)
{
	(void)state;
	assert_read_fails("/dev/null", NULL, "/dev/null: not a regular file");
}

static void test_size_zero_file_with_text(void **state)
{
	(void)state;
	/* /proc files say 0 bytes and still have text: read, not mapped */
	if (access("/proc/self/status", R_OK) != 0) {
		print_message("skipped: no /proc here\n");
		return;
	}
	input_page p = read_one("/proc/self/status", NULL);
	assert_string_equal(p.name, "status");
	assert_true(p.source.len > 5);
	assert_memory_equal(p.source.text, "Name:", 5);
	input_page_free(&p);
}

/* More pages than the SIGBUS guard has slots: the rest are read into
 * memory, all in natural order. */
static void test_many_pages(void **state)
{
	(void)state;
	char dir[256];
	snprintf(dir, sizeof dir, "%s", tmp_path("big-issue"));
	assert_int_equal(mkdir(dir, 0700), 0);
	enum { N = 300 };
	for (int i = 1; i <= N; i++) {
		char name[300], text[64];
		snprintf(name, sizeof name, "big-issue/p%d.txt", i);
		snprintf(text, sizeof text, "第%d版\n", i);
		write_tmp(name, text, strlen(text));
	}
	input_page *pages = NULL;
	size_t n = 0, cap = 0;
	char err[512];
	assert_true(input_read_path(dir, NULL, &pages, &n, &cap, err, sizeof err));
	assert_int_equal(n, N);
	for (size_t i = 0; i < n; i++) {
		char name[32], text[64];
		snprintf(name, sizeof name, "p%zu.txt", i + 1);
		snprintf(text, sizeof text, "第%zu版\n", i + 1);
		assert_string_equal(pages[i].name, name);
		assert_text(&pages[i], text);
	}
	for (size_t i = 0; i < n; i++)
		input_page_free(&pages[i]);
	free(pages);
}

/* Writes `len` bytes into the FIFO from a child process, which gives up
 * after five seconds without a reader (so a failing test cannot hang). */
static pid_t feed_fifo(const char *path, const char *data, size_t len)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		int fd = -1;
		for (int tries = 0; fd < 0 && tries < 500; tries++) {
			fd = open(path, O_WRONLY | O_NONBLOCK);
			if (fd < 0)
				usleep(10000);
		}
		if (fd >= 0)
			fcntl(fd, F_SETFL, 0);
		size_t off = 0;
		while (fd >= 0 && off < len) {
			ssize_t w = write(fd, data + off, len - off);
			if (w <= 0)
				break;
			off += (size_t)w;
		}
		_exit(0);
	}
	return pid;
}

static void test_fifo(void **state)
{
	(void)state;
	const char *path = tmp_path("pipe.txt");
	assert_int_equal(mkfifo(path, 0600), 0);
	static const char text[] = "管道里来的版面\n第二行\x1B[2J\n";
	pid_t pid = feed_fifo(path, text, sizeof text - 1);
	input_page p = read_one(path, NULL);
	waitpid(pid, NULL, 0);
	assert_string_equal(p.name, "pipe.txt");
	assert_text(&p, "管道里来的版面\n第二行\n");
	input_page_free(&p);

	/* a stream over the limit is refused, not cut */
	char big[3000];
	memset(big, 'a', sizeof big);
	input_options small = { NULL, 1024 };
	pid = feed_fifo(path, big, sizeof big);
	char msg[300];
	snprintf(msg, sizeof msg, "%s: too large (more than 1024 bytes; kanbao reads at most 1 KiB)", path);
	assert_read_fails(path, &small, msg);
	waitpid(pid, NULL, 0);
}

static void test_stdin(void **state)
{
	(void)state;
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	static const char text[] = "\xEF\xBB\xBF标准输入的一版\n";
	assert_int_equal(write(fds[1], text, sizeof text - 1), (ssize_t)(sizeof text - 1));
	close(fds[1]);
	int saved = dup(STDIN_FILENO);
	assert_true(saved >= 0);
	assert_int_equal(dup2(fds[0], STDIN_FILENO), STDIN_FILENO);
	close(fds[0]);
	input_page p = read_one("-", NULL);
	dup2(saved, STDIN_FILENO);
	close(saved);
	assert_string_equal(p.name, "(standard input)");
	assert_text(&p, "标准输入的一版\n");
	assert_non_null(p.source.release);
	input_page_free(&p);
}

static void test_too_large(void **state)
{
	(void)state;
	input_options o = { NULL, 16 };
	assert_decode_fails("big.txt", S("二十个字节的一段话呀"), &o,
			    "big.txt: too large (30 bytes; kanbao reads at most 16 bytes)");
	/* exactly at the limit is fine */
	input_page p = decode_ok(S("0123456789abcdef"), &o);
	assert_int_equal(p.source.len, 16);
	input_page_free(&p);
	/* the real limit: the size is checked before the data is touched */
	static const char tiny[1];
	assert_decode_fails("huge.txt", tiny, INPUT_MAX_BYTES + 1, NULL,
			    "huge.txt: too large (1073741825 bytes; kanbao reads at most 1 GiB)");

	/* files: alone, and all pages together */
	char data[2000];
	memset(data, 'x', sizeof data);
	input_options k = { NULL, 1024 };
	const char *big = write_tmp("big.txt", data, sizeof data);
	char msg[400];
	snprintf(msg, sizeof msg, "%s: too large (2000 bytes; kanbao reads at most 1 KiB)", big);
	assert_read_fails(big, &k, msg);

	const char *a = write_tmp("a.txt", data, 600);
	const char *b = write_tmp("b.txt", data, 600);
	input_page *pages = NULL;
	size_t n = 0, cap = 0;
	char err[400];
	assert_true(input_read_path(a, &k, &pages, &n, &cap, err, sizeof err));
	assert_false(input_read_path(b, &k, &pages, &n, &cap, err, sizeof err));
	assert_int_equal(n, 1);
	snprintf(msg, sizeof msg, "%s: too large (600 bytes after 600 bytes of other pages; "
		 "kanbao reads at most 1 KiB in all)", b);
	assert_string_equal(err, msg);
	input_page_free(&pages[0]);
	free(pages);
}

/* ---- The SIGBUS guard ------------------------------------------------- */

/* Lines of ASCII letters, `len` bytes: a file big enough to be mapped
 * when len > INPUT_READ_MAX. */
static char *letters(size_t len)
{
	char *data = util_malloc(len);
	for (size_t i = 0; i < len; i++)
		data[i] = i % 64 == 63 ? '\n' : (char)('a' + i % 26);
	return data;
}

static void test_file_shrinks_while_mapped(void **state)
{
	(void)state;
	size_t len = INPUT_READ_MAX + 3 * 4096 + 100;
	char *data = letters(len);
	const char *path = write_tmp("shrinking.txt", data, len);
	free(data);
	input_page p = read_one(path, NULL);
	assert_true(p.mapped);
	assert_int_equal(p.source.len, len);
	assert_non_null(p.source.release);
	assert_false(input_file_changed());

	assert_int_equal(truncate(path, 0), 0);
	const volatile char *text = p.source.text;
	assert_int_equal(text[len - 1], 0);     /* past the new end */
	assert_int_equal(text[5000], 0);
	assert_true(input_file_changed());
	input_page_free(&p);
}

/* A file up to INPUT_READ_MAX is read, a larger one mapped: the same
 * text either way, to the byte, at the edge and on either side of it. */
static void test_read_or_mapped_by_size(void **state)
{
	(void)state;
	size_t sizes[] = { 1, 4096, INPUT_READ_MAX - 1, INPUT_READ_MAX, INPUT_READ_MAX + 1,
			   INPUT_READ_MAX + 4096 };
	for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
		char *data = letters(sizes[k]);
		input_page p = read_one(write_tmp("sized.txt", data, sizes[k]), NULL);
		assert_int_equal(p.mapped, sizes[k] > INPUT_READ_MAX);
		assert_int_equal(p.source.len, sizes[k]);
		assert_memory_equal(p.source.text, data, sizes[k]);
		assert_non_null(p.source.release);
		input_page_free(&p);
		free(data);
	}
}

static void exit_42(int sig)
{
	(void)sig;
	_exit(42);
}

/* In a child: sets SIGBUS to `handler`, maps a file (which installs the
 * guard), then raises a SIGBUS that has nothing to do with the mapping. */
static int status_of_foreign_sigbus(void (*handler)(int))
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		signal(SIGBUS, handler);
		input_page *pages = NULL;
		size_t n = 0, cap = 0;
		char err[512];
		size_t len = INPUT_READ_MAX + 1;
		char *data = letters(len);
		const char *path = write_tmp("guarded.txt", data, len);
		if (!input_read_path(path, NULL, &pages, &n, &cap, err, sizeof err) || !pages[0].mapped)
			_exit(3);
		raise(SIGBUS);
		_exit(0);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

static void test_foreign_sigbus_not_swallowed(void **state)
{
	(void)state;
	/* the handler that was there before gets it */
	int status = status_of_foreign_sigbus(exit_42);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 42);
	/* or the default action: the program dies of SIGBUS */
	status = status_of_foreign_sigbus(SIG_DFL);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGBUS);
}

/* ---- The fast scan agrees with libunistring --------------------------- */

/* A mapped file is validated with pread, a MiB at a time, before its
 * pages are mapped: whatever stands across the end of a piece (a
 * character cut in two, a broken sequence, a control, the end of the
 * file) it reads as the same bytes decoded in memory do. */
static void test_mapped_file_reads_as_decoded(void **state)
{
	(void)state;
	enum { MIB = 1 << 20, LEN = 2 * MIB + 100 };
	static const char *const pieces[] = {
		"\xe4\xb8\xad", "\xf0\x9f\x98\x80", "\xc3\xa9", "\xe4\xb8", "\xff", "\x1b[31m",
		"\x01", "\xc2\x85", "a", "\xed\xa0\x80", "\xe4",
	};
	char *buf = util_malloc(LEN);
	for (size_t k = 0; k < sizeof pieces / sizeof *pieces; k++) {
		for (size_t back = 0; back <= 4; back++) {
			/* CJK text, the piece so that it ends `back` bytes past the
			 * first MiB, or at the very end of the file */
			for (int at_end = 0; at_end < 2; at_end++) {
				size_t pl = strlen(pieces[k]);
				size_t len = at_end ? 2 * MIB + back : LEN;
				for (size_t i = 0; i + 3 <= len; i += 3)
					memcpy(buf + i, "\xe6\x96\x87", 3);
				for (size_t i = len - len % 3; i < len; i++)
					buf[i] = 'x';
				size_t pos = at_end ? len - pl : MIB + back - pl;
				memcpy(buf + pos, pieces[k], pl);
				write_tmp("piece.txt", buf, len);
				input_page want = decode_ok(buf, len, NULL);
				input_page got = read_one(tmp_path("piece.txt"), NULL);
				if (got.source.len != want.source.len ||
				    memcmp(got.source.text, want.source.text, want.source.len) != 0 ||
				    got.replaced != want.replaced)
					fail_msg("piece %zu ending %zu bytes after the first MiB (at end %d): read differs",
						 k, back, at_end);
				input_page_free(&want);
				input_page_free(&got);
			}
		}
	}
	free(buf);
}

/* What cleaning must give, written the slow way with libunistring's
 * decoder (no ESC in the inputs: escape sequences are tested above). */
static size_t reference_clean(const uint8_t *s, size_t len, util_buf *out)
{
	size_t replaced = 0, i = 0;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len) {
		uint8_t c = s[i];
		if (c < 0x80) {
			if (c == '\f')
				util_buf_addc(out, '\n');
			else if (c >= 0x20 ? c != 0x7F : c == '\t' || c == '\n' || c == '\r')
				util_buf_addc(out, (char)c);
			i++;
			continue;
		}
		ucs4_t uc;
		int n = u8_mbtouc(&uc, s + i, len - i);
		bool literal = n == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0;
		if (uc == 0xFFFD && !literal) {
			util_buf_add(out, "\xEF\xBF\xBD", 3);
			replaced++;
		} else if (uc < 0x80 || uc > 0x9F) {
			util_buf_add(out, s + i, (size_t)n);
		}
		i += (size_t)n;
	}
	return replaced;
}

static void check_against_reference(const uint8_t *s, size_t len)
{
	util_buf ref = { 0 };
	size_t replaced = reference_clean(s, len, &ref);
	size_t bom = len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	bool untouched = ref.len == len - bom && memcmp(ref.data ? ref.data : "", s + bom, ref.len) == 0;
	input_page p;
	char err[128];
	if (!input_decode("r", (const char *)s, len, &FORCE_UTF8, &p, err, sizeof err))
		fail_msg("%s", err);
	if (p.source.len != ref.len || memcmp(p.source.text, ref.data ? ref.data : "", ref.len) != 0
	    || p.replaced != replaced || (p.source.text == (const char *)s + bom) != untouched) {
		char hex[400] = "";
		for (size_t i = 0; i < len && i < 100; i++)
			snprintf(hex + strlen(hex), sizeof hex - strlen(hex), "%02X ", s[i]);
		fail_msg("input differs from libunistring on: %s", hex);
	}
	assert_int_equal(u8_check((const uint8_t *)p.source.text, p.source.len), NULL);
	input_page_free(&p);
	util_buf_free(&ref);
}

static void test_scan_agrees_with_libunistring(void **state)
{
	(void)state;
	/* every lead byte with second and third bytes at the edges of the
	 * ranges that matter, after ASCII (the eight-byte path) and CJK
	 * (the three-byte path) */
	static const uint8_t edges[] = { 0x00, 0x09, 0x0A, 0x0C, 0x1F, 0x20, 0x41, 0x7E, 0x7F,
		0x80, 0x8F, 0x90, 0x9B, 0x9F, 0xA0, 0xBD, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
		0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF };
	static const char *prefixes[] = { "", "abcdefghijklmnop中文" };
	static const uint8_t plain[] = { 'x' };
	for (size_t pre = 0; pre < UTIL_ARRAY_LEN(prefixes); pre++) {
		size_t pl = strlen(prefixes[pre]);
		for (unsigned b0 = 0; b0 < 256; b0++) {
			if (b0 == 0x1B)
				continue;
			/* the third and fourth bytes matter after the leads that use them */
			bool third = b0 >= 0xE0 && b0 <= 0xF4, fourth = b0 >= 0xF0 && b0 <= 0xF4;
			const uint8_t *js = third ? edges : plain, *ks = fourth ? edges : plain;
			size_t nj = third ? sizeof edges : 1, nk = fourth ? sizeof edges : 1;
			for (size_t i = 0; i < sizeof edges; i++) {
				for (size_t j = 0; j < nj; j++) {
					for (size_t k = 0; k < nk; k++) {
						uint8_t buf[64];
						memcpy(buf, prefixes[pre], pl);
						uint8_t *q = buf + pl;
						q[0] = (uint8_t)b0;
						q[1] = edges[i];
						q[2] = js[j];
						q[3] = ks[k];
						memcpy(q + 4, "xyz中", 6);
						/* also cut at each length: truncated sequences */
						check_against_reference(buf, pl + 1 + (i + j + k) % 9);
					}
				}
			}
		}
	}
	/* every byte value at every place of the eight-byte ASCII path */
	for (unsigned b = 0; b < 256; b++) {
		for (size_t at = 1; at < 20; at++) {
			uint8_t buf[24];
			memcpy(buf, "abcdefghijklmnopqrstuvw", sizeof buf);
			buf[at] = b == 0x1B ? 'x' : (uint8_t)b;
			check_against_reference(buf, sizeof buf);
		}
	}
	/* every byte value at every place of a run of CJK (the path that
	 * takes five characters at a time), and characters of every length
	 * and edge lead (E0, ED, EF...) at every place, after one or two
	 * ASCII bytes or none */
	for (unsigned b = 0; b < 256; b++) {
		for (size_t at = 0; at < 40; at++) {
			uint8_t buf[48];
			for (size_t i = 0; i < sizeof buf; i += 3)
				memcpy(buf + i, "\xe6\x96\x87", 3);
			buf[at] = b == 0x1B ? 'x' : (uint8_t)b;
			check_against_reference(buf, sizeof buf);
		}
	}
	/* every byte value at every place of a mix of ASCII and CJK (the
	 * path that takes 32 bytes of both at a time), at three skews of the
	 * mix against the blocks, and the mix cut at every length */
	static const char mix[] = "\xe4\xb8\xad" "a" "\xef\xbc\x8c" "bc\n" "\xe6\x96\x87" "\xe3\x80\x82"
				  "12 " "\xe2\x80\x9c" "\xe5\x9b\xbe" "x" "\xee\x80\x80" "~ ";
	for (size_t skew = 0; skew < 3; skew++) {
		uint8_t base[96];
		for (size_t i = 0; i < sizeof base; i++)
			base[i] = (uint8_t)mix[(i + skew) % (sizeof mix - 1)];
		for (size_t cut = 0; cut <= sizeof base; cut++)
			check_against_reference(base, cut);
		for (unsigned b = 0; b < 256; b++) {
			for (size_t at = 0; at < 70; at++) {
				uint8_t buf[96];
				memcpy(buf, base, sizeof buf);
				buf[at] = b == 0x1B ? 'x' : (uint8_t)b;
				check_against_reference(buf, sizeof buf);
			}
		}
	}
	static const char *const chars[] = { "\xe0\xa0\x80", "\xe0\x9f\xbf", "\xed\x9f\xbf",
		"\xed\xa0\x80", "\xe1\x80\x80", "\xec\xbf\xbf", "\xee\x80\x80", "\xef\xbf\xbf",
		"\xef\xbc\x88", "\xc2\x85", "\xc3\xa9", "\xf0\x9f\x98\x80", "\xf4\x90\x80\x80", "a", "\n" };
	for (size_t k = 0; k < UTIL_ARRAY_LEN(chars); k++) {
		for (size_t skew = 0; skew < 3; skew++) {
			for (size_t at = 0; at < 40; at++) {
				uint8_t buf[64];
				memcpy(buf, "ab", skew);
				for (size_t i = skew; i + 3 <= sizeof buf; i += 3)
					memcpy(buf + i, "\xe4\xb8\xad", 3);
				size_t cl = strlen(chars[k]), len = sizeof buf - (sizeof buf - skew) % 3;
				memcpy(buf + skew + at, chars[k], cl);
				check_against_reference(buf, len);
			}
		}
	}
	/* random strings: mostly UTF-8 pieces, some broken, a few controls */
	static const char *pieces[] = { "a", "Zq09 ", "中", "文", "，", "𠀋", "é", "\xC2\xA0",
		"\n", "\r\n", "\t", "\xEF\xBF\xBD", "\xEF\xBB\xBF", "abcdefgh" };
	uint64_t seed = 0x9E3779B97F4A7C15ULL;
	for (int round = 0; round < 20000; round++) {
		uint8_t buf[128];
		size_t len = 0, controls = 0;
		size_t target = (size_t)(seed >> 58);
		while (len < target && len + 8 < sizeof buf) {
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			unsigned r = (unsigned)(seed >> 33);
			if (r % 10 < 7) {
				const char *piece = pieces[r / 10 % UTIL_ARRAY_LEN(pieces)];
				memcpy(buf + len, piece, strlen(piece));
				len += strlen(piece);
			} else if (r % 10 < 9) {
				buf[len++] = (uint8_t)(0x80 | (r >> 8));       /* a stray high byte */
			} else if (controls < 3) {
				uint8_t c = (uint8_t)(r >> 8) & 0x1F;
				buf[len++] = c == 0x1B ? 0x7F : c;
				controls++;
			}
		}
		check_against_reference(buf, len);
	}
}

/* The corpus pages are clean UTF-8: read in place. */
static void test_corpus_in_place(void **state)
{
	(void)state;
	TU_CORPUS_OR_SKIP(path, "000");
	input_page p = read_one(path, NULL);
	assert_string_equal(p.encoding, "UTF-8");
	assert_int_equal(p.replaced, 0);
	assert_true(p.source.release != NULL);
	size_t len;
	char *copy = tu_read_file(path, &len);
	assert_int_equal(p.source.len, len);
	assert_memory_equal(p.source.text, copy, len);
	free(copy);
	input_page_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_in_place),
		cmocka_unit_test(test_utf8_bom),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_utf8_with_few_errors_stays_utf8),
		cmocka_unit_test(test_nul_and_c0_removed),
		cmocka_unit_test(test_escape_sequences),
		cmocka_unit_test(test_c1_controls),
		cmocka_unit_test(test_gb18030),
		cmocka_unit_test(test_big5),
		cmocka_unit_test(test_big5_hkscs),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_utf32),
		cmocka_unit_test(test_utf32_supplementary),
		cmocka_unit_test(test_forced_encoding),
		cmocka_unit_test(test_binary_refused),
		cmocka_unit_test(test_folder_natural_order),
		cmocka_unit_test(test_folder_without_pages),
		cmocka_unit_test(test_missing_and_unreadable),
		cmocka_unit_test(test_device_refused),
		cmocka_unit_test(test_size_zero_file_with_text),
		cmocka_unit_test(test_many_pages),
		cmocka_unit_test(test_fifo),
		cmocka_unit_test(test_stdin),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_scan_agrees_with_libunistring),
		cmocka_unit_test(test_corpus_in_place),
		cmocka_unit_test(test_foreign_sigbus_not_swallowed),
		cmocka_unit_test(test_file_shrinks_while_mapped),
		cmocka_unit_test(test_read_or_mapped_by_size),
		cmocka_unit_test(test_mapped_file_reads_as_decoded),
	};
	return cmocka_run_group_tests(tests, setup_tmp, teardown_tmp);
}
