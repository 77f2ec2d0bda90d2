# kanbao — a terminal reader for newspaper issues.
# `make` builds ./kanbao; `make run` opens the sample issue; `make test`
# runs every test. Each first checks (and on Debian, as root, installs)
# what it needs: see tools/deps.sh.

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/kanbao

CC      ?= cc
PKG_CONFIG ?= pkg-config
NCURSES_CFLAGS := $(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null)
NCURSES_LIBS   := $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)
SQLITE_CFLAGS  := $(shell $(PKG_CONFIG) --cflags sqlite3 2>/dev/null)
SQLITE_LIBS    := $(shell $(PKG_CONFIG) --libs sqlite3 2>/dev/null || echo -lsqlite3)
OPENCC_CFLAGS  := $(shell $(PKG_CONFIG) --cflags opencc 2>/dev/null || echo -I/usr/include/opencc)
# libopencc is opened by script.c when a converter is first needed
# (dlopen), by the name it has here
OPENCC_SONAME  := $(shell objdump -p "$$($(CC) -print-file-name=libopencc.so)" 2>/dev/null | awk '$$1 == "SONAME" { print $$2 }')
OPENCC_LIBS    := -ldl
# ... except under ASan, whose hook on C++ exceptions finds no libstdc++
# when it is loaded only later (a CHECK failure at OpenCC's first throw)
OPENCC_LINKED  := -ldl -Wl,--no-as-needed $(shell $(PKG_CONFIG) --libs opencc 2>/dev/null || echo -lopencc) -Wl,--as-needed

CSTD     = -std=c11
WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
OPT     ?= -O2 -g
CPPFLAGS += -Iinclude -D_GNU_SOURCE $(NCURSES_CFLAGS) $(SQLITE_CFLAGS) $(OPENCC_CFLAGS) \
	    $(if $(OPENCC_SONAME),-DKANBAO_OPENCC_SONAME='"$(OPENCC_SONAME)"')
CFLAGS  ?=
ALL_CFLAGS = $(CSTD) $(WARN) $(OPT) $(CFLAGS)
LDLIBS  += $(NCURSES_LIBS) -lunistring -liniparser $(SQLITE_LIBS) $(OPENCC_LIBS) -pthread

BUILD   ?= build
SRC      = $(wildcard src/*.c)
OBJ      = $(SRC:src/%.c=$(BUILD)/%.o)
LIBOBJ   = $(filter-out $(BUILD)/main.o,$(OBJ))
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
DEPS_OK  = $(BUILD)/.deps-build

.PHONY: all run test check unit e2e asan valgrind install uninstall clean bench fuzz deps deps-test score score-holdout tune perturb

all: kanbao

$(DEPS_OK): tools/deps.sh
	@mkdir -p $(BUILD)
	@sh tools/deps.sh build
	@touch $@

$(BUILD)/.deps-test: tools/deps.sh
	@mkdir -p $(BUILD)
	@sh tools/deps.sh test
	@touch $@

deps: $(DEPS_OK)
deps-test: $(BUILD)/.deps-test

$(BUILD)/%.o: src/%.c | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/kanbao: $(OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

# a new file moved over the old one: a running ./kanbao keeps its copy
kanbao: $(BUILD)/kanbao
	cp $< $@.tmp && mv -f $@.tmp $@

$(BUILD)/tests/%: tests/unit/%.c $(LIBOBJ) $(wildcard tests/unit/*.h) | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests/unit $(ALL_CFLAGS) -o $@ $< $(LIBOBJ) $(LDFLAGS) $(LDLIBS) -lcmocka

run: kanbao
	./kanbao sample/

# The parser scored on pages of many papers (tests/papers/, with the
# structure a reader sees written beside each page) and on the real pages
# of ../shared/corpus (measured for what needs no expectations). The last
# line is the overall summary. See tests/papers/README.md.
CORPUS ?= ../shared/corpus
# make test fails when the headline F1 on tests/papers/ falls below this,
# or when any text of a page (ours or the corpus's) is lost.
# 0.95, as issue 12 asks: twenty-four pages of new kinds (notices,
# disclosures, e-paper chrome, WeChat exports, Q&A...) took the set from
# 0.958 to 0.888 when they were added; the parser learnt them back to 0.954.
SCORE_MIN_F1 ?= 0.95
# ... and below this on tests/holdout (pages by another author).
SCORE_HOLDOUT_MIN_F1 ?= 0.95
# ... and below this on tests/holdout2 (a third author; 0.961 when gated).
SCORE_HOLDOUT2_MIN_F1 ?= 0.95
# ... and on tests/holdout3 and tests/holdout4 (a fourth and a fifth
# author; 0.916 and 0.872 when gated, after they were tuned on; holdout4
# raised to 0.88 at 0.897, to 0.90 at 0.918).
SCORE_HOLDOUT3_MIN_F1 ?= 0.93
SCORE_HOLDOUT4_MIN_F1 ?= 0.92
# ... and on tests/holdout5 and tests/holdout6 (a sixth and a seventh
# author; 0.860 and 0.767 when gated, after they were tuned on; holdout6
# raised to 0.82 at 0.847; raised to 0.87 and 0.86 at 0.894 and 0.883).
SCORE_HOLDOUT5_MIN_F1 ?= 0.93
SCORE_HOLDOUT6_MIN_F1 ?= 0.94
# ... and on tests/holdout7 and tests/holdout8 (an eighth and a ninth
# author; 0.726 and 0.738 when gated, after a session of tuning on them;
# both raised to 0.80 at 0.824).
SCORE_HOLDOUT7_MIN_F1 ?= 0.86
SCORE_HOLDOUT8_MIN_F1 ?= 0.92
# ... and on tests/holdout9 and tests/holdout10 (a tenth and an eleventh
# author; 0.880 and 0.878 when gated, after a session of tuning on them).
SCORE_HOLDOUT9_MIN_F1 ?= 0.95
SCORE_HOLDOUT10_MIN_F1 ?= 0.96
# ... and on tests/holdout11 (a twelfth author, hidden for a session: 0.806
# untouched, 0.823 when gated) and tests/holdout12 (a thirteenth, 0.839
# untouched when gated).
SCORE_HOLDOUT11_MIN_F1 ?= 0.95
SCORE_HOLDOUT12_MIN_F1 ?= 0.92
# ... and tests/holdout13 (a fourteenth author, hidden for the session of
# 2026-11-30 09:43: 0.736 untouched, 0.729 when gated).
SCORE_HOLDOUT13_MIN_F1 ?= 0.85
# ... and tests/holdout14 and tests/holdout15 (a fifteenth and a sixteenth
# author, written at the start of the session of 2026-11-30 12:51 and
# committed untouched: 0.826 and 0.809; 0.878 and 0.887 when
# gated, after a session of tuning on them).
SCORE_HOLDOUT14_MIN_F1 ?= 0.89
SCORE_HOLDOUT15_MIN_F1 ?= 0.96
# ... and tests/holdout16 (a seventeenth author, hidden for the session of
# 2026-11-30 12:51: 0.662 untouched, 0.677 when gated).
SCORE_HOLDOUT16_MIN_F1 ?= 0.79
# ... and tests/holdout17 and tests/holdout18 (an eighteenth and a
# nineteenth author, written at the start of the session of 2026-11-30
# 15:31 and committed untouched: 0.767 and 0.694). This session works
# on a split: holdout17 with the odd sets is looked at, holdout18 with the
# even sets only scored (see their READMEs).
SCORE_HOLDOUT17_MIN_F1 ?= 0.93
SCORE_HOLDOUT18_MIN_F1 ?= 0.76
# ... and tests/holdout19 (a twentieth author, hidden for the session of
# 2026-11-30 15:31: 0.780 untouched, 0.820 when gated). At the end of that
# session the gates of the sets that rose were set about 0.02 under their
# figures (holdout 0.970, 2 0.969, 3 0.946, 4 0.943, 5 0.936, 9 0.933,
# 10 0.967, 11 0.931, 12 0.934, 13 0.766, 15 0.922, 16 0.737, 17 0.882,
# 18 0.732).
SCORE_HOLDOUT19_MIN_F1 ?= 0.90
# ... and tests/holdout20 and tests/holdout21 (a twenty-first and a
# twenty-second author, written at the start of the session of 2026-11-30
# 18:40 and committed untouched: 0.814 and 0.787). That session looks at
# holdout20 with the odd sets and only scores holdout21 with the even ones
# and holdout19.
SCORE_HOLDOUT20_MIN_F1 ?= 0.94
SCORE_HOLDOUT21_MIN_F1 ?= 0.86
# ... and tests/holdout22 (a twenty-third author, hidden for the session
# of 2026-11-30 18:40: 0.910 untouched, 0.910 when gated). At the end of
# that session the gates of the sets that rose were set about 0.02 under
# their figures (3 0.956, 5 0.942, 6 0.949, 9 0.967, 10 0.975, 11 0.966,
# 13 0.780, 15 0.944, 17 0.938, 18 0.755, 19 0.845, 20 0.924, 21 0.800).
SCORE_HOLDOUT22_MIN_F1 ?= 0.96
# ... and tests/holdout23 and tests/holdout24 (a twenty-fourth and a
# twenty-fifth author, written at the start of the session of 2026-11-30
# 21:56 and committed untouched: 0.855 and 0.873). That session looks at
# holdout23 and holdout22 with the odd sets and holdout20, and only scores
# holdout24 with the even ones, holdout19 and holdout21.
SCORE_HOLDOUT23_MIN_F1 ?= 0.91
SCORE_HOLDOUT24_MIN_F1 ?= 0.91
# ... and tests/holdout25 (a twenty-sixth author, hidden for the session
# of 2026-11-30 21:56: 0.873 untouched, 0.879 when gated). At the end of
# that session the gates of the sets that rose were set about 0.02 under
# their figures (5 0.953, 9 0.974, 10 0.983, 11 0.973, 12 0.941,
# 13 0.803, 14 0.886, 15 0.951, 16 0.763, 19 0.853, 20 0.938, 21 0.829,
# 22 0.970, 23 0.885, 24 0.885).
SCORE_HOLDOUT25_MIN_F1 ?= 0.94
# ... and tests/holdout26 and tests/holdout27 (a twenty-seventh and a
# twenty-eighth author, written at the start of the session of 2026-12-01
# 01:06 and committed untouched: 0.819 and 0.887). That session looks at
# holdout26 and holdout25 with the odd sets, holdout20, holdout22 and
# holdout23, and only scores holdout27 with the even ones, holdout19,
# holdout21 and holdout24.
SCORE_HOLDOUT26_MIN_F1 ?= 0.95
SCORE_HOLDOUT27_MIN_F1 ?= 0.89
# ... and tests/holdout28 (a twenty-ninth author, hidden for the session
# of 2026-12-01 01:06: 0.688 untouched, 0.682 when gated). At the end of
# that session the gates of the sets that rose were set about 0.02 under
# their figures (6 0.955, 13 0.814, 15 0.965, 16 0.782, 18 0.769,
# 19 0.925, 21 0.870, 23 0.904, 24 0.922, 25 0.942, 26 0.939, 27 0.895).
SCORE_HOLDOUT28_MIN_F1 ?= 0.86
# ... and tests/holdout29 and tests/holdout30 (a thirtieth and a
# thirty-first author, written at the start of the session of 2026-12-01
# 04:21 and committed untouched: 0.915 and 0.844). That session looks at
# holdout29 and holdout28 with the odd sets, holdout20, holdout22,
# holdout23, holdout25 and holdout26, and only scores holdout30 with the
# even ones, holdout19, holdout21, holdout24 and holdout27.
SCORE_HOLDOUT29_MIN_F1 ?= 0.94
SCORE_HOLDOUT30_MIN_F1 ?= 0.85
# ... and tests/holdout31 and tests/holdout32 (a thirty-second and a
# thirty-third author, written at the start of the session of 2026-12-01
# 06:18 and committed untouched: 0.968 and 0.885). That session looks at
# holdout31 with the other development sets and only scores holdout32
# with the check sets.
SCORE_HOLDOUT31_MIN_F1 ?= 0.94
SCORE_HOLDOUT32_MIN_F1 ?= 0.86
# ... and tests/holdout33 (a thirty-fourth author, hidden for the session
# of 2026-12-01 06:18: 0.898 untouched, 0.904 when gated). At the end of
# that session the gates of the sets that rose were set about 0.02 under
# their figures (6 0.962, 7 0.863, 14 0.900, 15 0.972, 16 0.791,
# 17 0.950, 21 0.883, 24 0.933, 26 0.952, 28 0.829, 29 0.963, 30 0.871).
SCORE_HOLDOUT33_MIN_F1 ?= 0.98
# tests/holdout34 and holdout35 (written at the start of the session of
# 2026-12-01 10:44, one looked at, one only scored: 0.939 and 0.837 at
# f1750ac), and tests/holdout36 and holdout37 (written blind at the start
# of the session of 2026-12-02 00:56, one looked at, 0.861 untouched and
# 0.873 at f1750ac; one only scored, 0.867 untouched and at f1750ac). At
# the end of that session the gates of the sets that rose were set about
# 0.02 under their figures (7 0.883, 8 0.904, 13 0.829, 18 0.783, 22
# 0.982, 25 0.948, 28 0.887, 33 0.989).
SCORE_HOLDOUT34_MIN_F1 ?= 0.95
SCORE_HOLDOUT35_MIN_F1 ?= 0.92
SCORE_HOLDOUT36_MIN_F1 ?= 0.96
SCORE_HOLDOUT37_MIN_F1 ?= 0.88
# ... and tests/holdout38 (written blind in the middle of that session:
# 0.895 untouched at its start; looked at, 0.967 at its end). At the end
# of that session the gates of 36 (0.981) and 37 (0.878) were raised.
SCORE_HOLDOUT38_MIN_F1 ?= 0.97
# tests/holdout39 and holdout40 (written blind at the start of the session
# of 2026-12-02 04:34: 0.973 and 0.891 untouched; 39 only scored, 40
# looked at).
SCORE_HOLDOUT39_MIN_F1 ?= 0.96
SCORE_HOLDOUT40_MIN_F1 ?= 0.92
# ... and tests/holdout41 (written blind in its middle, only scored:
# 0.934 untouched at 30a893d, and at the session's start). At the end of
# that session the gates of the sets that rose were set about 0.02 under
# their figures (13 0.873, 20 0.952, 23 0.930, 25 0.961, 26 0.973, 27
# 0.909, 33 1.000, 34 0.961, 39 0.977, 40 0.946).
SCORE_HOLDOUT41_MIN_F1 ?= 0.93
# tests/holdout42 and holdout43 (written blind at the start of the session
# of 2026-12-02 06:52: 0.673 and 0.920 untouched, the same with the parser
# of that session's start; both looked at, 42 for the text it lost).
SCORE_HOLDOUT42_MIN_F1 ?= 0.93
SCORE_HOLDOUT43_MIN_F1 ?= 0.90
# ... and tests/holdout44 (written blind in its middle, only scored: 0.745
# untouched at a1aae35, the same with the parser of the session's start).
SCORE_HOLDOUT44_MIN_F1 ?= 0.77
# tests/holdout45 and holdout46 (written blind at the start of the session
# of 2026-12-02 12:49: 0.780 and 0.745 untouched at d1076bd, 0.795 and
# 0.766 with the parser of that session's start; 45 only scored, 46
# looked at).
SCORE_HOLDOUT45_MIN_F1 ?= 0.85
SCORE_HOLDOUT46_MIN_F1 ?= 0.92
# ... and tests/holdout47 (written blind in its middle, only scored: 0.807
# at 1d6fd49, 0.770 with the parser of the session's start). At the end of
# that session the gates of the sets that rose were set about 0.02 under
# their figures (8 0.939, 38 0.980, 42 0.814, 44 0.764, 45 0.824, 46 0.887).
SCORE_HOLDOUT47_MIN_F1 ?= 0.81
# tests/holdout48 and holdout49 (written blind at the start of the session
# of 2026-12-02 18:16: 0.764 and 0.700 with the parser of that session's
# start; 48 looked at, 49 only scored but less blind: probes were written
# from the conventions its writer's report listed). At the end of that
# session 48 stood at 0.843 and 49 at 0.780, and the gates of the sets
# that rose were set about 0.02 under their figures (16 0.815, 34 0.966,
# 35 0.857, 41 0.939, 42 0.878, 46 0.894).
SCORE_HOLDOUT48_MIN_F1 ?= 0.95
SCORE_HOLDOUT49_MIN_F1 ?= 0.80
# tests/holdout50 and holdout51 (written blind at the start of the session
# of 2026-12-03: 0.835 and 0.857 with the parser of that session's start,
# 0.792 and 0.814 with the one before; 50 looked at, 51 only scored) and
# tests/holdout52 (written blind in its middle, only scored: 0.828 at
# 7f8e7fe, 0.817 with the parser of the session's start), and
# tests/holdout53 (written blind in its middle, looked at: 0.841 at
# a80fc9d, 0.745 with the parser of the session's start). At the end of
# that session 50 stood at 0.931, 51 at 0.885, 52 at 0.863 and 53 at
# 0.918, and the gates of the sets that rose were set about 0.02 under
# their figures (37 0.905, 42 0.893, 46 0.931, 48 0.850, 49 0.825).
SCORE_HOLDOUT50_MIN_F1 ?= 0.95
SCORE_HOLDOUT51_MIN_F1 ?= 0.88
SCORE_HOLDOUT52_MIN_F1 ?= 0.90
SCORE_HOLDOUT53_MIN_F1 ?= 0.92
# tests/holdout54 and holdout55 (written blind at the start of the
# session of 2026-12-03 10:05: 0.719 and 0.873 with the parser of that
# session's start, bcb4f3e; 54 looked at, 55 only scored). At the end of
# that session 54 stood at 0.763 and 55 at 0.873, and the gates of the
# sets that rose were raised (42 0.898, 48 0.881).
SCORE_HOLDOUT54_MIN_F1 ?= 0.93
SCORE_HOLDOUT55_MIN_F1 ?= 0.88
# tests/holdout56 and holdout57 (written blind at the start of the
# session of 2026-12-03 13:27: 0.775 and 0.813 with the parser of that
# session's start, d451736; 56 looked at, 57 only scored), tests/holdout58
# (written blind in its middle, only scored: 0.815 with the session's
# first parser, 0.798 when it came in at dd64699) and tests/holdout59
# (written blind in its middle, looked at: 0.852 with the session's first
# parser, 0.862 when it came in at 80af0b9). At the end of that session
# 56 stood at 0.943, 57 at 0.821, 58 at 0.817 and 59 at 0.969; the
# ruling of 2026-12-03 on labels over untitled briefs (tests/papers/
# README.md) rewrote ten development pages' expected files, and score
# leaves a headline's list number out of the comparison; the gates of
# the sets that rose were raised (35 0.918, 42 0.943, 45 0.848, 48 0.952,
# 50 0.955, 52 0.899, 53 0.949, 54 0.930).
SCORE_HOLDOUT56_MIN_F1 ?= 0.93
SCORE_HOLDOUT57_MIN_F1 ?= 0.82
SCORE_HOLDOUT58_MIN_F1 ?= 0.86
SCORE_HOLDOUT59_MIN_F1 ?= 0.94
# tests/holdout60 (twelve pages written blind late in that session,
# looked at: 0.841 with the session's first parser, 0.876 when it came
# in at d08f9fd, 0.906 at the session's end).
SCORE_HOLDOUT60_MIN_F1 ?= 0.93
# tests/holdout61 and holdout62 (written blind at the start of the session
# of 2026-12-03 15:57: 0.812 and 0.739 with the parser of that session's
# start, 45dad20; 61 looked at, 62 only scored), tests/holdout63 (written
# blind early in it, looked at: 0.859 with the session's first parser,
# 0.864 when it came in at 41d13ca), tests/holdout64 and holdout65
# (written blind in its middle, looked at: 0.920 and 0.874 with the
# session's first parser, 0.947 and 0.874 when they came in at 266f37a)
# and tests/holdout66 (written blind in its middle, only scored: 0.867
# with the session's first parser, 0.885 when it came in at 87cdf5e). At
# the end of that session 61 stood at 0.972, 62 at 0.771, 63 at 0.953,
# 64 at 0.987, 65 at 0.935 and 66 at 0.885, and the gates of the sets
# that rose were raised (15 0.986, 20 0.966, 35 0.946, 38 0.993, 42
# 0.953, 45 0.867, 47 0.831, 48 0.970, 50 0.969, 51 0.912, 52 0.921, 55
# 0.908, 56 0.956, 57 0.859, 58 0.867, 60 0.952).
SCORE_HOLDOUT61_MIN_F1 ?= 0.95
SCORE_HOLDOUT62_MIN_F1 ?= 0.74
SCORE_HOLDOUT63_MIN_F1 ?= 0.93
SCORE_HOLDOUT64_MIN_F1 ?= 0.96
SCORE_HOLDOUT65_MIN_F1 ?= 0.92
SCORE_HOLDOUT66_MIN_F1 ?= 0.86
# tests/holdout67, 68 and 69 (written blind at the start of the session of
# 2026-12-03 18:27: 0.885, 0.791 and 0.641 with the parser of that
# session's start, 9543067; 67 and 69 looked at, 68 only scored), 70 and
# 71 (written blind in its middle: 0.856 and 0.691 with the session's
# first parser, 0.865 and 0.745 when they came in; 70 looked at, 71 only
# scored) and 72 and 73 (written blind late in it: 0.791 and 0.729 with
# the session's first parser, 0.800 and 0.725 when they came in; 72
# looked at, 73 only scored). At the end of that session 67 stood at
# 0.949, 68 at 0.814, 69 at 0.907, 70 at 0.953, 71 at 0.749, 72 at 0.882
# and 73 at 0.725, and the gates of the sets that rose were raised (14
# 0.914, 41 0.949, 44 0.790, 45 0.872, 46 0.939, 54 0.955, 58 0.885, 63
# 0.959, 65 0.941).
SCORE_HOLDOUT67_MIN_F1 ?= 0.92
SCORE_HOLDOUT68_MIN_F1 ?= 0.79
SCORE_HOLDOUT69_MIN_F1 ?= 0.88
SCORE_HOLDOUT70_MIN_F1 ?= 0.93
SCORE_HOLDOUT71_MIN_F1 ?= 0.72
SCORE_HOLDOUT72_MIN_F1 ?= 0.86
SCORE_HOLDOUT73_MIN_F1 ?= 0.70
HOLDOUT_GATES = tests/holdout:$(SCORE_HOLDOUT_MIN_F1) tests/holdout2:$(SCORE_HOLDOUT2_MIN_F1) \
	tests/holdout3:$(SCORE_HOLDOUT3_MIN_F1) tests/holdout4:$(SCORE_HOLDOUT4_MIN_F1) \
	tests/holdout5:$(SCORE_HOLDOUT5_MIN_F1) tests/holdout6:$(SCORE_HOLDOUT6_MIN_F1) \
	tests/holdout7:$(SCORE_HOLDOUT7_MIN_F1) tests/holdout8:$(SCORE_HOLDOUT8_MIN_F1) \
	tests/holdout9:$(SCORE_HOLDOUT9_MIN_F1) tests/holdout10:$(SCORE_HOLDOUT10_MIN_F1) \
	tests/holdout11:$(SCORE_HOLDOUT11_MIN_F1) tests/holdout12:$(SCORE_HOLDOUT12_MIN_F1) \
	tests/holdout13:$(SCORE_HOLDOUT13_MIN_F1) tests/holdout14:$(SCORE_HOLDOUT14_MIN_F1) \
	tests/holdout15:$(SCORE_HOLDOUT15_MIN_F1) tests/holdout16:$(SCORE_HOLDOUT16_MIN_F1) \
	tests/holdout17:$(SCORE_HOLDOUT17_MIN_F1) tests/holdout18:$(SCORE_HOLDOUT18_MIN_F1) \
	tests/holdout19:$(SCORE_HOLDOUT19_MIN_F1) tests/holdout20:$(SCORE_HOLDOUT20_MIN_F1) \
	tests/holdout21:$(SCORE_HOLDOUT21_MIN_F1) tests/holdout22:$(SCORE_HOLDOUT22_MIN_F1) \
	tests/holdout23:$(SCORE_HOLDOUT23_MIN_F1) tests/holdout24:$(SCORE_HOLDOUT24_MIN_F1) \
	tests/holdout25:$(SCORE_HOLDOUT25_MIN_F1) tests/holdout26:$(SCORE_HOLDOUT26_MIN_F1) \
	tests/holdout27:$(SCORE_HOLDOUT27_MIN_F1) tests/holdout28:$(SCORE_HOLDOUT28_MIN_F1) \
	tests/holdout29:$(SCORE_HOLDOUT29_MIN_F1) tests/holdout30:$(SCORE_HOLDOUT30_MIN_F1) \
	tests/holdout31:$(SCORE_HOLDOUT31_MIN_F1) tests/holdout32:$(SCORE_HOLDOUT32_MIN_F1) \
	tests/holdout33:$(SCORE_HOLDOUT33_MIN_F1) tests/holdout34:$(SCORE_HOLDOUT34_MIN_F1) \
	tests/holdout35:$(SCORE_HOLDOUT35_MIN_F1) tests/holdout36:$(SCORE_HOLDOUT36_MIN_F1) \
	tests/holdout37:$(SCORE_HOLDOUT37_MIN_F1) tests/holdout38:$(SCORE_HOLDOUT38_MIN_F1) \
	tests/holdout39:$(SCORE_HOLDOUT39_MIN_F1) tests/holdout40:$(SCORE_HOLDOUT40_MIN_F1) \
	tests/holdout41:$(SCORE_HOLDOUT41_MIN_F1) \
	tests/holdout42:$(SCORE_HOLDOUT42_MIN_F1) tests/holdout43:$(SCORE_HOLDOUT43_MIN_F1) \
	tests/holdout44:$(SCORE_HOLDOUT44_MIN_F1) \
	tests/holdout45:$(SCORE_HOLDOUT45_MIN_F1) tests/holdout46:$(SCORE_HOLDOUT46_MIN_F1) \
	tests/holdout47:$(SCORE_HOLDOUT47_MIN_F1) \
	tests/holdout48:$(SCORE_HOLDOUT48_MIN_F1) tests/holdout49:$(SCORE_HOLDOUT49_MIN_F1) \
	tests/holdout50:$(SCORE_HOLDOUT50_MIN_F1) tests/holdout51:$(SCORE_HOLDOUT51_MIN_F1) \
	tests/holdout52:$(SCORE_HOLDOUT52_MIN_F1) tests/holdout53:$(SCORE_HOLDOUT53_MIN_F1) \
	tests/holdout54:$(SCORE_HOLDOUT54_MIN_F1) tests/holdout55:$(SCORE_HOLDOUT55_MIN_F1) \
	tests/holdout56:$(SCORE_HOLDOUT56_MIN_F1) tests/holdout57:$(SCORE_HOLDOUT57_MIN_F1) \
	tests/holdout58:$(SCORE_HOLDOUT58_MIN_F1) tests/holdout59:$(SCORE_HOLDOUT59_MIN_F1) \
	tests/holdout60:$(SCORE_HOLDOUT60_MIN_F1) \
	tests/holdout61:$(SCORE_HOLDOUT61_MIN_F1) tests/holdout62:$(SCORE_HOLDOUT62_MIN_F1) \
	tests/holdout63:$(SCORE_HOLDOUT63_MIN_F1) tests/holdout64:$(SCORE_HOLDOUT64_MIN_F1) \
	tests/holdout65:$(SCORE_HOLDOUT65_MIN_F1) tests/holdout66:$(SCORE_HOLDOUT66_MIN_F1) \
	tests/holdout67:$(SCORE_HOLDOUT67_MIN_F1) tests/holdout68:$(SCORE_HOLDOUT68_MIN_F1) \
	tests/holdout69:$(SCORE_HOLDOUT69_MIN_F1) tests/holdout70:$(SCORE_HOLDOUT70_MIN_F1) \
	tests/holdout71:$(SCORE_HOLDOUT71_MIN_F1) tests/holdout72:$(SCORE_HOLDOUT72_MIN_F1) \
	tests/holdout73:$(SCORE_HOLDOUT73_MIN_F1)
$(BUILD)/score: tests/score/score.c $(LIBOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIBOBJ) $(LDFLAGS) $(LDLIBS)

score: $(BUILD)/score
	@$(BUILD)/score tests/papers $(CORPUS)

# The development sets rewritten in other papers' conventions (blank lines,
# indents, hard wraps, encodings, the header at the foot) and scored again:
# tools/perturb, see tests/papers/README.md. make test runs it on
# tests/papers only and fails if any transform loses text (--fail-lost).
perturb: kanbao $(BUILD)/score
	@tools/perturb

# The test-only build of tools/fit-weights: the same kanbao and score with
# a parse.o whose weights and thresholds are read from KANBAO_WEIGHTS
# (PARSE_TUNABLE, see parse.c); never installed. signal_names.h names the
# rows of the weight table, from the enum of src/parse.c.
TUNE     = $(BUILD)/tune
TUNE_OBJ = $(filter-out $(BUILD)/parse.o,$(OBJ)) $(TUNE)/parse.o
$(TUNE)/signal_names.h: src/parse.c
	@mkdir -p $(dir $@)
	@{ echo '/* made by the Makefile from the enum signal of src/parse.c */'; \
	  echo 'static const char *const signal_names[] = {'; \
	  sed -n '/^typedef enum signal {/,/^\tNSIGNALS/s/^\t\(S_[A-Z0-9_]*\),.*/\t"\1",/p' $<; \
	  echo '};'; } >$@.tmp && mv -f $@.tmp $@
$(TUNE)/parse.o: src/parse.c $(TUNE)/signal_names.h | $(DEPS_OK)
	$(CC) $(CPPFLAGS) -I$(TUNE) -DPARSE_TUNABLE $(ALL_CFLAGS) -MMD -MP -c -o $@ $<
$(TUNE)/score: tests/score/score.c $(TUNE_OBJ)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(filter-out $(BUILD)/main.o,$(TUNE_OBJ)) $(LDFLAGS) $(LDLIBS)
$(TUNE)/kanbao: $(TUNE_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(TUNE_OBJ) $(LDLIBS)
tune: $(TUNE)/score $(TUNE)/kanbao

# Pages of papers by other authors, written to measure papers nobody here
# has seen: tests/holdout to tests/holdout6 (each tuned on since it was
# committed; make test gates them at SCORE_HOLDOUT*_MIN_F1; holdout5 was
# out of sight for a whole session, 0.591 -> 0.744, holdout6 0.650
# untouched), tests/holdout7 (kept out of sight a whole session:
# 0.531 -> 0.653), tests/holdout8 (0.676 untouched, tuned on from the start
# of the session after), tests/holdout9 (kept out of sight that session:
# 0.680 -> 0.689), tests/holdout10 (0.782 untouched, tuned on from the
# start of the session after; both gated since) and tests/holdout11 (kept
# out of sight that session: 0.806 -> 0.823; gated at 0.80 since) and
# tests/holdout12 (0.839 untouched, tuned on from the start of the session
# of 2026-11-30 09:43; gated at 0.82, at 0.84 since) and tests/holdout13
# (kept out of sight that session: 0.736 -> 0.729; gated at 0.71), and
# tests/holdout14 and holdout15 (tuned on from the start of the session of
# 2026-11-30 12:51) and tests/holdout16 (kept out of sight that session:
# 0.662 -> 0.677), and tests/holdout17 and holdout18 (written at the start
# of the session of 2026-11-30 15:31 and tuned on or checked) and
# tests/holdout19 (kept out of sight that session: 0.780 -> 0.820), and
# tests/holdout20 and holdout21 (written at the start of the session of
# 2026-11-30 18:40, one looked at, one only scored) and tests/holdout22
# (kept out of sight that session: 0.910 -> 0.910), and tests/holdout23
# and holdout24 (written at the start of the session of 2026-11-30 21:56,
# one looked at, one only scored) and tests/holdout25 (kept out of sight
# that session: 0.873 -> 0.879), and tests/holdout26 and holdout27
# (written at the start of the session of 2026-12-01 01:06, one looked
# at, one only scored) and tests/holdout28 (kept out of sight that
# session: 0.688 -> 0.682), and tests/holdout29 and holdout30 (written
# at the start of the session of 2026-12-01 04:21, one looked at, one
# only scored), and tests/holdout31 and holdout32 (written at the start
# of the session of 2026-12-01 06:18, one looked at, one only scored) and
# tests/holdout33 (kept out of sight that session: 0.898 -> 0.904), and
# tests/holdout34 and holdout35 (written at the start of the session of
# 2026-12-01 10:44, one looked at, one only scored), and tests/holdout36
# and holdout37 (written blind at the start of the session of 2026-12-02
# 00:56, one looked at, one only scored) and tests/holdout38 (written in
# its middle, looked at), and tests/holdout39 and holdout40 (written blind
# at the start of the session of 2026-12-02 04:34, one only scored, one
# looked at) and tests/holdout41 (written blind in its middle, only
# scored), and tests/holdout42 and holdout43 (written blind at the start
# of the session of 2026-12-02 06:52, looked at) and tests/holdout44
# (written blind in its middle, only scored), and tests/holdout45 and
# holdout46 (written blind at the start of the session of 2026-12-02
# 12:49, one only scored, one looked at) and tests/holdout47 (written
# blind in its middle, only scored), and tests/holdout48 and holdout49
# (written blind at the start of the session of 2026-12-02 18:16, one
# looked at, one only scored), and tests/holdout50 and holdout51 (written
# blind at the start of the session of 2026-12-03, one looked at, one only
# scored) and tests/holdout52 and holdout53 (written blind in its middle,
# one only scored, one looked at), and tests/holdout54 and holdout55
# (written blind at the start of the session of 2026-12-03 10:05, one
# looked at, one only scored), and tests/holdout56 and holdout57 (written
# blind at the start of the session of 2026-12-03 13:27, one looked at,
# one only scored) and tests/holdout58 and holdout59 (written blind in its
# middle, one only scored, one looked at) and tests/holdout60 (written
# blind late in it, looked at), and tests/holdout61 to holdout66 (written
# blind in the session of 2026-12-03 15:57: 62 and 66 only scored, the
# others looked at). See each folder's README for its history.
score-holdout: $(BUILD)/score
	@$(BUILD)/score tests/holdout
	@for d in tests/holdout2 tests/holdout3 tests/holdout4 tests/holdout5 tests/holdout6 tests/holdout7 tests/holdout8 tests/holdout9 tests/holdout10 tests/holdout11 tests/holdout12 tests/holdout13 tests/holdout14 tests/holdout15 tests/holdout16 tests/holdout17 tests/holdout18 tests/holdout19 tests/holdout20 tests/holdout21 tests/holdout22 tests/holdout23 tests/holdout24 tests/holdout25 tests/holdout26 tests/holdout27 tests/holdout28 tests/holdout29 tests/holdout30 tests/holdout31 tests/holdout32 tests/holdout33 tests/holdout34 tests/holdout35 tests/holdout36 tests/holdout37 tests/holdout38 tests/holdout39 tests/holdout40 tests/holdout41 tests/holdout42 tests/holdout43 tests/holdout44 tests/holdout45 tests/holdout46 tests/holdout47 tests/holdout48 tests/holdout49 tests/holdout50 tests/holdout51 tests/holdout52 tests/holdout53 tests/holdout54 tests/holdout55 tests/holdout56 tests/holdout57 tests/holdout58 tests/holdout59 tests/holdout60 tests/holdout61 tests/holdout62 tests/holdout63 tests/holdout64 tests/holdout65 tests/holdout66 tests/holdout67 tests/holdout68 tests/holdout69 tests/holdout70 tests/holdout71 tests/holdout72 tests/holdout73; do \
		echo "-- $$d:"; $(BUILD)/score $$d | tail -n 1; done

# The whole suite: unit tests (cmocka), then the end-to-end tests (tmux),
# then the scorer checked on the sample issue (which test_parse holds to
# its expected structure, so it must score 1.0) and the score gate.
# STRESS=long runs the long versions of the stress tests (state: 8
# processes for 30 s and 200 kills, instead of 4 for 3 s and 20).
STRESS ?=
test: kanbao $(BUILD)/.deps-test $(UNIT_BIN) $(BUILD)/score $(TUNE)/score $(TUNE)/kanbao
	@KANBAO_STRESS=$(STRESS) sh tests/run-tests.sh $(BUILD) ./kanbao
	@$(BUILD)/score --gate 1 --expected tests/fixtures/sample sample >$(BUILD)/score.out || \
		{ echo "score: the sample issue, parsed exactly as tests/fixtures/sample says, does not score 1.0"; exit 1; }
	@$(BUILD)/score --gate $(SCORE_MIN_F1) tests/papers $(CORPUS) >$(BUILD)/score.out; s=$$?; \
		tail -n 1 $(BUILD)/score.out; exit $$s
	@for g in $(HOLDOUT_GATES); do dir=$${g%:*}; out=$(BUILD)/score-$${dir##*/}.out; \
		$(BUILD)/score --gate $${g##*:} $$dir >$$out; s=$$?; tail -n 1 $$out; [ $$s = 0 ] || exit $$s; done
	@tools/perturb --sets tests/papers --score $(BUILD)/score --fail-lost >$(BUILD)/perturb.out; s=$$?; \
		[ $$s = 0 ] && echo "perturb: no text lost on tests/papers under any transform" || cat $(BUILD)/perturb.out; exit $$s

check: test

# The same tests, built with AddressSanitizer and UndefinedBehaviorSanitizer
# (by clang when there is one: its UBSan also checks pointer arithmetic).
ASAN_CC ?= $(shell printf 'int main(void){return 0;}' | clang -x c -fsanitize=address,undefined \
	-o /dev/null - >/dev/null 2>&1 && echo clang || echo $(CC))
asan:
	$(MAKE) CC=$(ASAN_CC) BUILD=build-asan OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined" OPENCC_LIBS="$(OPENCC_LINKED)" build-asan/kanbao build-asan/.deps-test \
		build-asan/tune/kanbao build-asan/tune/score build-asan/score \
		$(UNIT_SRC:tests/unit/%.c=build-asan/tests/%)
	@KANBAO_STRESS=$(STRESS) ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		sh tests/run-tests.sh build-asan build-asan/kanbao

# The non-interactive tests under valgrind's memcheck.
valgrind: kanbao $(BUILD)/.deps-test $(UNIT_BIN)
	@command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)"; exit 1; }
	@sh tests/valgrind.sh $(BUILD) ./kanbao

bench: kanbao
	@sh tools/deps.sh bench
	@sh tests/bench/run.sh ./kanbao

fuzz:
	@sh tests/fuzz/run.sh $${FUZZ_SECONDS:-60}

install: kanbao
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)
	install -m 755 kanbao $(DESTDIR)$(BINDIR)/kanbao
	install -m 644 kanbao.1 $(DESTDIR)$(MANDIR)/man1/kanbao.1
	install -m 644 config/kanbao.ini $(DESTDIR)$(DATADIR)/kanbao.ini

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kanbao $(DESTDIR)$(MANDIR)/man1/kanbao.1 \
		$(DESTDIR)$(DATADIR)/kanbao.ini
	-rmdir $(DESTDIR)$(DATADIR) 2>/dev/null

clean:
	rm -rf build build-asan build-fuzz kanbao

-include $(OBJ:.o=.d) $(TUNE)/parse.d
