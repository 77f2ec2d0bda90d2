/* probe.c — see probe.h. */
#include "probe.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static bool write_all(int fd, const char *s, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		s += n;
		len -= (size_t)n;
	}
	return true;
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* The column of the last complete ESC [ row ; col R in buf, or 0. */
static int answer_column(const char *buf, size_t len)
{
	int col = 0;
	for (size_t i = 0; i + 1 < len; i++) {
		if (buf[i] != '\033' || buf[i + 1] != '[')
			continue;
		size_t j = i + 2;
		int row = 0, c = 0, digits = 0;
		while (j < len && buf[j] >= '0' && buf[j] <= '9' && row < 100000)
			row = row * 10 + (buf[j++] - '0'), digits++;
		if (!digits || j >= len || buf[j++] != ';')
			continue;
		digits = 0;
		while (j < len && buf[j] >= '0' && buf[j] <= '9' && c < 100000)
			c = c * 10 + (buf[j++] - '0'), digits++;
		if (digits && j < len && buf[j] == 'R')
			col = c;
	}
	return col;
}

int probe_ambiguous_width_fd(int fd, int timeout_ms)
{
	struct termios saved, raw;
	if (tcgetattr(fd, &saved) != 0)
		return 0;
	raw = saved;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(fd, TCSANOW, &raw) != 0)
		return 0;
	/* column 1, the ambiguous character “ (U+201C), where is the cursor? */
	static const char ask[] = "\r\xe2\x80\x9c\033[6n";
	static const char erase[] = "\r\033[K";
	int width = 0;
	if (write_all(fd, ask, sizeof ask - 1)) {
		char buf[128];
		size_t len = 0;
		long deadline = now_ms() + timeout_ms;
		for (;;) {
			long left = deadline - now_ms();
			if (left <= 0)
				break;
			struct pollfd p = { .fd = fd, .events = POLLIN };
			int r = poll(&p, 1, (int)left);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0)
				break;
			ssize_t n = read(fd, buf + len, sizeof buf - 1 - len);
			if (n < 0 && (errno == EINTR || errno == EAGAIN))
				continue;
			if (n <= 0)
				break;
			len += (size_t)n;
			int col = answer_column(buf, len);
			if (col) {
				width = col == 2 ? 1 : col == 3 ? 2 : 0;
				break;
			}
			if (len == sizeof buf - 1) {
				/* keys typed meanwhile: keep the tail */
				memmove(buf, buf + len - 16, 16);
				len = 16;
			}
		}
		write_all(fd, erase, sizeof erase - 1);
	}
	tcsetattr(fd, TCSANOW, &saved);
	return width;
}

int probe_ambiguous_width(int timeout_ms)
{
	const char *term = getenv("TERM");
	if (!term || !*term || strcmp(term, "dumb") == 0)
		return 0;
	int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	int w = probe_ambiguous_width_fd(fd, timeout_ms);
	close(fd);
	return w;
}
