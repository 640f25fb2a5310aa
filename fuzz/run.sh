#!/bin/sh
# run.sh: builds each fuzz/fuzz_NAME.c harness (libFuzzer with ASan and UBSan)
# against the core sources and runs it for ${FUZZ_SECONDS:-60} seconds from its
# seeds, then prints how many inputs it executed. Seeds of NAME: fuzz/corpus
# for capture, fuzz/corpus_NAME and tests/fixtures/NAME where they exist; a
# dictionary fuzz/NAME.dict when there is one. FUZZ_ONLY=NAME runs one harness.
set -u
cd "$(dirname "$0")/.." || exit 1

CC=${FUZZ_CC:-clang}
OUT=${FUZZ_BUILD:-build/fuzz}
SECONDS_TO_RUN=${FUZZ_SECONDS:-60}
MAX_LEN=${FUZZ_MAX_LEN:-4096}

if ! command -v "$CC" >/dev/null 2>&1; then
	echo "fuzz: $CC not found: the fuzzer needs clang with libFuzzer" >&2
	echo "fuzz: on Debian or Ubuntu: apt-get install clang libclang-rt-14-dev" >&2
	exit 1
fi
mkdir -p "$OUT/corpus" || exit 1

# Probe for the libFuzzer runtime before building the real thing.
printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
	'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
	'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' \
	>"$OUT/probe.c"
if ! "$CC" -fsanitize=fuzzer,address,undefined "$OUT/probe.c" -o "$OUT/probe" 2>"$OUT/probe.log"; then
	echo "fuzz: $CC cannot link -fsanitize=fuzzer,address,undefined (libFuzzer runtime missing?)" >&2
	echo "fuzz: on Debian or Ubuntu: apt-get install libclang-rt-14-dev (or compiler-rt)" >&2
	sed 's/^/fuzz:   /' "$OUT/probe.log" >&2
	exit 1
fi

# The core: every source but the command line and the terminal layer.
SRC=
for f in src/*.c; do
	case "$(basename "$f")" in
	main.c|cli_*|tui*|pane_*|prompt*|colors*) ;;
	*) SRC="$SRC $f" ;;
	esac
done

PC_CFLAGS=$(pkg-config --cflags sqlite3 uuid 2>/dev/null)
PC_LIBS=$(pkg-config --libs sqlite3 uuid 2>/dev/null || echo "-lsqlite3 -luuid")

# fuzz_one NAME: builds and runs fuzz/fuzz_NAME.c; 0 when it found nothing.
fuzz_one() {
	name=$1
	bin="$OUT/fuzz_$name"
	work="$OUT/corpus_$name"
	[ "$name" = capture ] && work="$OUT/corpus"
	mkdir -p "$work" || return 1
	echo "fuzz: building $bin"
	# shellcheck disable=SC2086
	if ! "$CC" -std=c17 -g -O1 -fno-omit-frame-pointer \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-Iinclude -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -D_DARWIN_C_SOURCE \
		-DKITH_VERSION='"fuzz"' -DKITH_DATADIR='"."' $PC_CFLAGS \
		"fuzz/fuzz_$name.c" $SRC -o "$bin" $PC_LIBS -lm; then
		echo "fuzz: build of $name failed" >&2
		return 1
	fi
	seeds=
	[ "$name" = capture ] && seeds="fuzz/corpus"
	for d in "fuzz/corpus_$name" "tests/fixtures/$name"; do
		[ -d "$d" ] && seeds="$seeds $d"
	done
	dict=
	[ -f "fuzz/$name.dict" ] && dict="-dict=fuzz/$name.dict"
	echo "fuzz: running $name for $SECONDS_TO_RUN s (new inputs go to $work)"
	# shellcheck disable=SC2086
	"$bin" -max_total_time="$SECONDS_TO_RUN" -max_len="$MAX_LEN" -timeout=10 \
		-print_final_stats=1 $dict -artifact_prefix="$OUT/$name-" \
		"$work" $seeds >"$OUT/fuzz_$name.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/fuzz_$name.log" | tail -n 1)
	if [ $rc -ne 0 ]; then
		sed -n '/ERROR\|==[0-9]*==\|runtime error\|Test unit written/,$p' "$OUT/fuzz_$name.log" |
			head -n 60 >&2
		echo "fuzz: $name FAILED after ${runs:-?} executions (log: $OUT/fuzz_$name.log);" \
			"the input is in $OUT/ ($name-crash-*, $name-timeout-*, $name-oom-*)" >&2
		return 1
	fi
	grep -E '^(Done|stat::)' "$OUT/fuzz_$name.log"
	echo "fuzz: $name: ${runs:-?} executions in $SECONDS_TO_RUN s, no crash"
	return 0
}

failed=0
for f in fuzz/fuzz_*.c; do
	name=$(basename "$f" .c)
	name=${name#fuzz_}
	[ -n "${FUZZ_ONLY:-}" ] && [ "$FUZZ_ONLY" != "$name" ] && continue
	fuzz_one "$name" || failed=1
done
exit $failed
