/* probe.h — asking the terminal how wide it draws East Asian ambiguous
 * characters (“ ” … — ·), as vim does for 'ambiwidth' (t_u7).
 *
 * On the terminal (not the output, which may be a pipe), before curses
 * starts: go to column 1, print one ambiguous character (“), send a
 * cursor position request (ESC [ 6 n), read the answer ESC [ row ; col R
 * with a short timeout, then erase what was printed (CR, ESC [ K). The
 * cursor at column 2 means narrow (1), at column 3 wide (2). Inside tmux
 * or screen the multiplexer answers, and it is what draws the screen.
 */
#ifndef KANBAO_PROBE_H
#define KANBAO_PROBE_H

/* How long to wait for the terminal's answer. */
enum { PROBE_TIMEOUT_MS = 150 };

/* Asks the terminal open on `fd` (read and write; put in raw mode for the
 * question and restored after). Returns 1 or 2, or 0 when there was no
 * (readable) answer within timeout_ms. */
int probe_ambiguous_width_fd(int fd, int timeout_ms);

/* Asks the controlling terminal (/dev/tty). 0 when there is none, when
 * TERM is unset or "dumb", or when it does not answer. */
int probe_ambiguous_width(int timeout_ms);

#endif
