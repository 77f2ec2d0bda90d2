/* The state folder shared by many processes at once (issue 13):
 *
 * - stress: N processes for S seconds on one folder, each opening the
 *   state, adding and removing marks, moving, reading articles, adding
 *   queries, saving and closing ("quitting") in a loop at random; at the
 *   end every mark a process kept is there, none it removed is, the last
 *   position each process set is there, and every article it read.
 * - kill: a process saving in a loop is killed with SIGKILL at a random
 *   moment, K times; each time the files load without a damaged line.
 *
 * make test runs a short version (4 processes for 3 s, 20 kills); the
 * full one (8 processes for 30 s, 200 kills) runs with KANBAO_STRESS=long
 * (`make test STRESS=long`).
 */
#include "testutil.h"
#include "state.h"
#include "util.h"

#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static bool long_run(void)
{
	const char *s = getenv("KANBAO_STRESS");
	return s && strcmp(s, "long") == 0;
}

static size_t nwarn;
static char first_warning[1024];

static void count_warning(const char *msg)
{
	if (nwarn++ == 0)
		snprintf(first_warning, sizeof first_warning, "%s", msg);
}

static int setup(void **tstate)
{
	*tstate = tu_make_tmpdir("stress");
	return *tstate ? 0 : -1;
}

static int teardown(void **tstate)
{
	tu_remove_tree(*tstate);
	return 0;
}

/* xorshift: each process its own sequence */
static uint64_t rnd_state;
static uint32_t rnd(uint32_t n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (uint32_t)(rnd_state % n);
}

enum { LIVE_MAX = 60, READS_MAX = 400, SHARED_ISSUES = 3 };

typedef struct expect {
	doc_pos live[LIVE_MAX];         /* marks kept, issue (p % SHARED_ISSUES) + 1 */
	size_t nlive;
	doc_pos removed[4096];
	size_t nremoved;
	doc_pos last_pos;
	bool has_pos;
	uint32_t nreads;
	unsigned cycles;
} expect;

#define OWN_ISSUE(p) (100u + (unsigned)(p))
#define READ_ISSUE(p) (200u + (unsigned)(p))
#define MARK_ISSUE(p) (1u + (unsigned)(p) % SHARED_ISSUES)

/* One process: open, a few changes, save, close, again until the deadline.
 * Marks are at (p, n, 0): unique to the process. */
static int worker(const char *dir, int p, uint64_t deadline, const char *out)
{
	rnd_state = 0x9e3779b97f4a7c15ull ^ ((uint64_t)p * 0x100000001b3ull) ^ (uint64_t)getpid();
	expect *e = util_calloc(1, sizeof *e);
	uint32_t counter = 0;
	while (util_now_ns() < deadline) {
		state *st = state_open(dir, count_warning);
		/* What is stressed is the merge under contention, not the lock's
		 * timeout (test_state has its own test): on a loaded machine an
		 * fsync can hold the lock past STATE_LOCK_MS, and the save would
		 * then warn and go on without it. */
		state_set_lock_timeout(st, 120000);
		uint32_t n = 1 + rnd(5);
		for (uint32_t i = 0; i < n; i++) {
			switch (rnd(5)) {
			case 0:
			case 1:
				if (e->nlive < LIVE_MAX) {
					doc_pos pos = { (uint32_t)p, ++counter, 0 };
					state_add_mark(st, MARK_ISSUE(p), pos, "标题", "/where");
					e->live[e->nlive++] = pos;
				}
				break;
			case 2:
				if (e->nlive > 0 && e->nremoved < sizeof e->removed / sizeof e->removed[0]) {
					size_t k = rnd((uint32_t)e->nlive);
					state_mark m = { MARK_ISSUE(p), e->live[k], 0, NULL, NULL };
					state_remove_mark(st, &m);
					e->removed[e->nremoved++] = e->live[k];
					e->live[k] = e->live[--e->nlive];
				}
				break;
			case 3: {
				doc_pos pos = { ++counter, rnd(50), rnd(1000) };
				state_set_position(st, OWN_ISSUE(p), pos);
				state_set_position(st, 1000, pos);      /* shared: anyone's */
				e->last_pos = pos;
				e->has_pos = true;
				break;
			}
			default:
				if (e->nreads < READS_MAX)
					state_set_read(st, READ_ISSUE(p), e->nreads++);
				char q[32];
				snprintf(q, sizeof q, "q%d-%u", p, counter++);
				state_add_history(st, q);
				break;
			}
		}
		if (!state_save(st))
			return 2;
		state_close(st);
		e->cycles++;
	}
	FILE *f = fopen(out, "wb");
	if (!f || fwrite(e, sizeof *e, 1, f) != 1 || fclose(f) != 0)
		return 3;
	free(e);
	if (nwarn)
		fprintf(stderr, "process %d: %zu warnings, the first: %s\n", p, nwarn, first_warning);
	return nwarn ? 4 : 0;
}

static bool has_mark(const state *st, uint64_t issue, doc_pos pos)
{
	const state_mark *const *m;
	size_t n = state_marks(st, issue, &m);
	for (size_t i = 0; i < n; i++)
		if (m[i]->pos.article == pos.article && m[i]->pos.element == pos.element &&
		    m[i]->pos.offset == pos.offset)
			return true;
	return false;
}

static void test_many_processes(void **tstate)
{
	const char *dir = *tstate;
	int nproc = long_run() ? 8 : 4;
	int seconds = long_run() ? 30 : 3;
	const char *env = getenv("KANBAO_STRESS_SECONDS");
	if (env && atoi(env) > 0)
		seconds = atoi(env);
	uint64_t deadline = util_now_ns() + (uint64_t)seconds * 1000000000u;
	pid_t pids[8];
	char outs[8][4200];
	fflush(NULL);
	for (int p = 0; p < nproc; p++) {
		snprintf(outs[p], sizeof outs[p], "%s/expect-%d", dir, p);
		pids[p] = fork();
		assert_true(pids[p] >= 0);
		if (pids[p] == 0)
			_exit(worker(dir, p, deadline, outs[p]));
	}
	for (int p = 0; p < nproc; p++) {
		int status;
		assert_int_equal(waitpid(pids[p], &status, 0), pids[p]);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			fail_msg("process %d ended with status %d", p, status);
	}
	state *st = state_open(dir, count_warning);
	assert_int_equal(nwarn, 0);
	unsigned cycles = 0;
	size_t live = 0, removed = 0;
	for (int p = 0; p < nproc; p++) {
		size_t len;
		char *data = tu_read_file(outs[p], &len);
		assert_int_equal(len, sizeof(expect));
		expect *e = (expect *)(void *)data;
		cycles += e->cycles;
		for (size_t i = 0; i < e->nlive; i++)
			if (!has_mark(st, MARK_ISSUE(p), e->live[i]))
				fail_msg("process %d: mark %u lost", p, e->live[i].element);
		for (size_t i = 0; i < e->nremoved; i++)
			if (has_mark(st, MARK_ISSUE(p), e->removed[i]))
				fail_msg("process %d: removed mark %u is back", p, e->removed[i].element);
		if (e->has_pos) {
			doc_pos pos;
			assert_true(state_get_position(st, OWN_ISSUE(p), &pos));
			if (pos.article != e->last_pos.article)
				fail_msg("process %d: position %u, last set %u", p, pos.article, e->last_pos.article);
		}
		for (uint32_t a = 0; a < e->nreads; a++)
			if (!state_is_read(st, READ_ISSUE(p), a))
				fail_msg("process %d: read article %u lost", p, a);
		live += e->nlive;
		removed += e->nremoved;
		free(data);
	}
	assert_int_equal(state_marks(st, 0, NULL), live);
	state_close(st);
	print_message("%d processes, %d s: %u saves, %zu marks kept, %zu removed, nothing lost\n",
		      nproc, seconds, cycles, live, removed);
}

/* Saves in a loop, each time changing every file. */
static void saver(const char *dir)
{
	for (uint32_t i = 0;; i++) {
		state *st = state_open(dir, NULL);
		doc_pos pos = { i, i, i };
		for (uint64_t k = 0; k < 20; k++) {
			state_add_mark(st, k, pos, "一个相当长的标题，让文件大到要写好几次", "/报纸/2025-08-28/01.txt");
			state_set_position(st, k + 1000, pos);
			state_set_read(st, k, i % 400);
		}
		state_add_history(st, "查询");
		char q[32];
		snprintf(q, sizeof q, "q%u", i);
		state_add_history(st, q);
		state_save(st);
		state_close(st);
	}
}

static void test_kill_while_saving(void **tstate)
{
	const char *dir = *tstate;
	int kills = long_run() ? 200 : 20;
	rnd_state = 0x243f6a8885a308d3ull ^ (uint64_t)getpid();
	size_t marks_before = 0;
	for (int i = 0; i < kills; i++) {
		fflush(NULL);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			saver(dir);
			_exit(0);
		}
		struct timespec ts = { 0, (long)(1 + rnd(40)) * 1000000L };
		nanosleep(&ts, NULL);
		kill(pid, SIGKILL);
		int status;
		assert_int_equal(waitpid(pid, &status, 0), pid);
		nwarn = 0;
		state *st = state_open(dir, count_warning);
		if (nwarn)
			fail_msg("after kill %d: %s", i, first_warning);
		size_t marks = state_marks(st, 0, NULL);
		assert_true(marks >= marks_before);     /* a file is old or new, never less */
		marks_before = marks;
		state_close(st);
	}
	print_message("%d kills while saving: every file loaded whole\n", kills);
}

int main(void)
{
	setenv("HOME", "/nonexistent-kanbao-test-home", 1);
	unsetenv("XDG_STATE_HOME");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_many_processes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kill_while_saving, setup, teardown),
	};
	return cmocka_run_group_tests_name("state stress", tests, NULL, NULL);
}
