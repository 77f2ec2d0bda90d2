/* Fuzzes the parser: any page parses without a crash or a leak, and all
 * text in the model is clean UTF-8; the JSON writer accepts the result. */
#include "fuzz_common.h"
#include "export.h"

#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_init_locale();
	doc_issue *issue = fuzz_parse(data, size);
	if (!issue)
		return 0;
	fuzz_check_issue(issue);
	FILE *null = fopen("/dev/null", "w");
	if (null) {
		export_json(issue, null);
		export_list(issue, null);
		fclose(null);
	}
	doc_issue_free(issue);
	return 0;
}
