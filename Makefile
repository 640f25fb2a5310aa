# kith: build, tests, sanitizers, install.
# Sources are globbed from src/; the layer of a file is its prefix (DESIGN.md §2).

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/kith

CC      ?= cc
PKG_CONFIG ?= pkg-config
VERSION := 0.1.0

WARN    := -std=c17 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes
OPT     ?= -O2 -g
CPPFLAGS_KITH := -Iinclude -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -D_DARWIN_C_SOURCE \
           -DKITH_VERSION='"$(VERSION)"' -DKITH_DATADIR='"$(DATADIR)"' -MMD -MP

# pkg-config is asked lazily so that `make clean` works on a bare machine.
PC_CORE  = $(shell $(PKG_CONFIG) --cflags sqlite3 uuid 2>/dev/null)
# ncursesw may ask for _XOPEN_SOURCE=600; the build already sets 700.
PC_CURSES_CFLAGS = $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null))
LIBS_CORE   = $(shell $(PKG_CONFIG) --libs sqlite3 uuid 2>/dev/null) -lm
LIBS_CURSES = $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null)
CHECK_CFLAGS = $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS   = $(shell $(PKG_CONFIG) --libs check 2>/dev/null)

# BUILD is the output folder; the sanitizer build uses its own.
BUILD ?= build
SAN   ?=

ALL_SRC  := $(wildcard src/*.c)
# terminal layer: the only files that may include curses
TERM_SRC := $(filter src/tui% src/pane_% src/prompt% src/colors%,$(ALL_SRC))
CLI_SRC  := $(filter src/cli_% src/main.c,$(ALL_SRC))
# core and view layer: what the unit tests link, without curses
LIB_SRC  := $(filter-out $(TERM_SRC) $(CLI_SRC),$(ALL_SRC))
TEST_SRC := $(wildcard tests/check_*.c)

LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
TERM_OBJ := $(TERM_SRC:src/%.c=$(BUILD)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
TEST_OBJ := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%.o)

KITH     := $(BUILD)/kith
TESTBIN  := $(BUILD)/check_kith
# golden tests put hostile bytes into a journal with it (tests/sql_exec.c)
SQL_EXEC := $(BUILD)/tests/sql_exec
# the crash tests kill kith at chosen moments with it (tests/killat.c)
KILLAT := $(BUILD)/tests/killat
LIBKITH  := $(BUILD)/libkith.a
# the timing helper of `make bench` (bench/benchtool.c)
BENCHTOOL := $(BUILD)/benchtool

CFLAGS_ALL = $(WARN) $(OPT) $(SAN) $(CFLAGS)

.PHONY: all check unit golden tui-test proof benchtool-test layers deps demo asan valgrind install uninstall \
        clean bench fuzz format

all: $(KITH)

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_KITH) $(CPPFLAGS) $(PC_CORE) $(if $(filter $<,$(TERM_SRC)),$(PC_CURSES_CFLAGS)) $(CFLAGS_ALL) -c $< -o $@

# Every test file sees the prototypes of all suites (suites_decl.h).
$(BUILD)/tests/%.o: tests/%.c $(BUILD)/tests/suites.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_KITH) $(CPPFLAGS) -I$(BUILD)/tests $(PC_CORE) $(CHECK_CFLAGS) $(CFLAGS_ALL) \
	  -include $(BUILD)/tests/suites_decl.h -c $< -o $@

$(LIBKITH): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(KITH): $(CLI_OBJ) $(TERM_OBJ) $(LIBKITH)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $(CLI_OBJ) $(TERM_OBJ) $(LIBKITH) $(LIBS_CURSES) $(LIBS_CORE)

# The runner lists every `Suite *suite_NAME(void)` found in tests/check_*.c.
$(BUILD)/tests/suites.h: $(TEST_SRC)
	@mkdir -p $(@D)
	@sed -n 's/^Suite \*\(suite_[a-z0-9_]*\)(void)$$/X(\1)/p' $(TEST_SRC) > $@.tmp
	@cmp -s $@.tmp $@ 2>/dev/null && rm -f $@.tmp || mv $@.tmp $@
	@printf '#include <check.h>\n#define X(fn) Suite *fn(void);\n#include "suites.h"\n#undef X\n' \
	  > $(@D)/suites_decl.h

# Unit tests link the core and the view layer only: no curses (a layer rule).
$(TESTBIN): $(TEST_OBJ) $(LIBKITH)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $(TEST_OBJ) $(LIBKITH) $(CHECK_LIBS) $(LIBS_CORE)

$(SQL_EXEC): tests/sql_exec.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_KITH) $(CPPFLAGS) $(PC_CORE) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $< $(LIBS_CORE)

$(KILLAT): tests/killat.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_KITH) $(CPPFLAGS) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $<

$(BENCHTOOL): bench/benchtool.c
	@mkdir -p $(@D)
	$(CC) $(PC_CORE) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $< $(LIBS_CORE)

deps:
	@sh scripts/deps.sh

layers:
	@sh scripts/layercheck.sh

unit: $(TESTBIN)
	@KITH_FIXTURES=tests/fixtures $(TESTBIN)

golden: $(KITH) $(SQL_EXEC)
	@sh tests/golden.sh $(KITH)

# Crash, concurrency and fault tests (kill -9 while saving, many writers with the
# program open, failing writes and syncs): tests/proof_*.sh.
proof: $(KITH) $(KILLAT)
	@for t in tests/proof_*.sh; do sh $$t $(KITH) $(KILLAT) || exit 1; done

# The bench helper's frame measure on a stand-in that fails on purpose.
benchtool-test: $(BENCHTOOL) $(KITH)
	@sh tests/benchtool.sh $(BENCHTOOL) $(KITH)

tui-test: $(KITH) $(SQL_EXEC)
	@if [ -f tests/tui.sh ]; then sh tests/tui.sh $(KITH); fi
	@sh tests/tui_main.sh $(KITH)
	@sh tests/tui_review.sh $(KITH)
	@sh tests/tui_head.sh $(KITH)
	@sh tests/khard.sh $(KITH)

check: deps
	@$(MAKE) --no-print-directory all $(TESTBIN) $(SQL_EXEC) $(KILLAT)
	@$(MAKE) --no-print-directory layers unit golden tui-test proof benchtool-test

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
ASAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
asan: deps
	@$(MAKE) --no-print-directory BUILD=build/asan OPT="-O1 -g" SAN="$(ASAN_FLAGS)" \
	  LDFLAGS="$(ASAN_FLAGS)" all build/asan/check_kith build/asan/tests/sql_exec
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  $(MAKE) --no-print-directory BUILD=build/asan OPT="-O1 -g" SAN="$(ASAN_FLAGS)" \
	  LDFLAGS="$(ASAN_FLAGS)" unit golden tui-test

valgrind: deps all $(TESTBIN) $(SQL_EXEC)
	@CK_FORK=no KITH_FIXTURES=tests/fixtures valgrind -q --error-exitcode=99 \
	  --leak-check=full --errors-for-leak-kinds=definite $(TESTBIN)
	@KITH_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite" \
	  sh tests/golden.sh $(KITH)

# The demo: a generated network in the build folder, opened in the full-screen program.
DEMO_DB := $(BUILD)/demo.db
demo: deps all
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@$(KITH) --db $(DEMO_DB) demo
	@sh scripts/demo-open.sh $(KITH) $(DEMO_DB)

bench: deps all $(BENCHTOOL)
	@sh bench/bench.sh $(KITH) $(BENCHTOOL)

fuzz:
	@sh fuzz/run.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/themes
	install -m 0755 $(KITH) $(DESTDIR)$(BINDIR)/kith
	install -m 0644 doc/kith.1 $(DESTDIR)$(MANDIR)/man1/kith.1
	install -m 0644 themes/*.theme $(DESTDIR)$(DATADIR)/themes/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kith $(DESTDIR)$(MANDIR)/man1/kith.1
	rm -rf $(DESTDIR)$(DATADIR)

format:
	clang-format -i src/*.c include/*.h tests/*.c

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(TERM_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)
