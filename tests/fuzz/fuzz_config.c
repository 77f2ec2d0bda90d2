/* Fuzzes the configuration reader: any file either loads or fails with a
 * message; nothing crashes or leaks. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	static int fd = -1;
	if (fd < 0) {
		fd = memfd_create("kanbao-fuzz.ini", 0);
		if (fd < 0)
			return 0;
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		return 0;
	config cfg;
	char err[1024];
	if (!config_load(&cfg, path, err, sizeof err) && !err[0])
		abort();
	config_free(&cfg);
	return 0;
}
