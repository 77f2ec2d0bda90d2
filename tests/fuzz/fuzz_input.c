/* Fuzzes input decoding: whatever the bytes, the result is valid UTF-8
 * without control characters (or a refusal with a message). The first
 * byte picks a forced encoding sometimes. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const encodings[] = { NULL, "GB18030", "UTF-16LE", "UTF-16BE", "BIG5", "LATIN1" };
	const char *enc = NULL;
	if (size > 0 && data[0] < 6 * 8 && data[0] % 8 == 7) {
		enc = encodings[data[0] / 8];
		data++;
		size--;
	}
	input_options opt = { .encoding = enc };
	input_page page;
	char err[256];
	if (!input_decode("fuzz.txt", (const char *)data, size, &opt, &page, err, sizeof err)) {
		FUZZ_CHECK(strlen(err) > 0);
		return 0;
	}
	const char *s = page.source.text;
	size_t n = page.source.len;
	FUZZ_CHECK(u8_check((const uint8_t *)s, n) == NULL);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		FUZZ_CHECK(c >= 0x20 || c == '\t' || c == '\n' || c == '\r');
		FUZZ_CHECK(c != 0x7f && c != 0x1b);
	}
	input_page_free(&page);
	return 0;
}
