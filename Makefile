# trawl - see README.md.  `make` builds ./trawl, `make check` runs every test.
CC      ?= cc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -MMD -MP
LDLIBS  += -lpcap -lcrypto -lz -lpcre2-8 -lhs -pthread
PREFIX  ?= /usr/local
DESTDIR ?=

SRC  := $(shell find src -name '*.c' | sort)
OBJ  := $(SRC:%.c=build/%.o)
DEPS := $(OBJ:.o=.d)

.PHONY: all check conformance demo install sanitize clean deps bench fuzz fuzz-smoke

all: deps trawl

# Installs missing build dependencies on Debian/Ubuntu (or says what to
# install); a no-op when everything is present.
deps:
	@sh tools/deps.sh

trawl: $(OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

build/%.o: %.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

-include $(DEPS)

# ASan + UBSan build of the same sources (clang, as Debian ships it).
SANCC    ?= clang
SANFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=all -std=c11 -D_GNU_SOURCE -Wall -Wextra -MMD -MP
SANOBJ   := $(SRC:%.c=build-san/%.o)
-include $(SANOBJ:.o=.d)

sanitize: trawl-sanitize

trawl-sanitize: $(SANOBJ)
	$(SANCC) $(SANFLAGS) -o $@ $(SANOBJ) $(LDLIBS)

build-san/%.o: %.c | deps
	@mkdir -p $(dir $@)
	$(SANCC) $(SANFLAGS) -c -o $@ $<

# libFuzzer harnesses (clang's runtime from Debian's libclang-rt-14-dev).
FUZZFLAGS := -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
             -std=c11 -D_GNU_SOURCE -Wall -Wextra
FUZZSRC   := $(filter-out src/main.c,$(SRC))
FUZZ_SECONDS ?= 300
tests/fuzz/fuzz_print tests/fuzz/fuzz_file tests/fuzz/fuzz_stream tests/fuzz/fuzz_session tests/fuzz/fuzz_rules tests/fuzz/fuzz_match tests/fuzz/fuzz_engine: tests/fuzz/%: tests/fuzz/%.c $(FUZZSRC)
	$(SANCC) $(FUZZFLAGS) -o $@ $< $(FUZZSRC) $(LDLIBS)

# the decoder's harness needs the decoder only
tests/fuzz/fuzz_decode: tests/fuzz/fuzz_decode.c src/analyze/decode.c src/analyze/decode.h
	$(SANCC) $(FUZZFLAGS) -o $@ $< src/analyze/decode.c

fuzz: tests/fuzz/fuzz_print tests/fuzz/fuzz_file tests/fuzz/fuzz_decode tests/fuzz/fuzz_stream tests/fuzz/fuzz_session tests/fuzz/fuzz_rules tests/fuzz/fuzz_match tests/fuzz/fuzz_engine tests/gen/gen
	tests/fuzz/run.sh $(FUZZ_SECONDS)

fuzz-smoke: tests/fuzz/fuzz_print tests/fuzz/fuzz_file tests/fuzz/fuzz_decode tests/fuzz/fuzz_stream tests/fuzz/fuzz_session tests/fuzz/fuzz_rules tests/fuzz/fuzz_match tests/fuzz/fuzz_engine tests/gen/gen
	tests/fuzz/run.sh 30

demo: trawl tests/gen/gen
	@tools/demo.sh

install: trawl
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 trawl $(DESTDIR)$(PREFIX)/bin/trawl
	install -m 644 docs/trawl.1 $(DESTDIR)$(PREFIX)/share/man/man1/trawl.1

clean:
	rm -rf build build-san trawl trawl-sanitize tests/fuzz/fuzz_print tests/fuzz/fuzz_file tests/fuzz/fuzz_stream tests/fuzz/fuzz_session tests/fuzz/fuzz_decode tests/fuzz/fuzz_rules tests/fuzz/fuzz_match tests/fuzz/fuzz_engine tests/unit/run-unit tests/unit/run-decode tests/unit/run-rules-parse tests/unit/run-rules-match tests/unit/run-defrag tests/unit/run-stream tests/unit/run-flows tests/stream/run-consumers tests/session/run-inspect tests/gen/gen tests/out demo

# The conformance ratchet: every case in tests/conformance/pass.list must
# still pass, and the list must name at least CONFORMANCE_PASS cases (raise
# it when the list grows; a list that shrank fails).  `make conformance`
# runs all 582 and reports.  Under CI=true or STRICT=1 (make check STRICT=1)
# a test that cannot run here (corpus, root, a tool missing) fails instead
# of skipping.
CONFORMANCE_PASS := 582
check: deps trawl tests/unit/run-unit tests/unit/run-decode tests/unit/run-defrag tests/unit/run-stream tests/unit/run-flows tests/unit/run-rules-parse tests/unit/run-rules-match tests/stream/run-consumers tests/session/run-inspect tests/gen/gen trawl-sanitize
	tests/unit/run-unit
	tests/unit/run-decode
	tests/unit/run-defrag
	tests/unit/run-stream
	tests/unit/run-flows
	tests/unit/run-rules-parse
	tests/unit/run-rules-match
	tests/stream/run-consumers
	tests/session/run-inspect
	tests/golden/run.sh
	tests/cli/run.sh
	tests/cli/write2.sh
	tests/printpar/run.sh
	tests/analyze/run.sh
	tests/analyze/multi.sh
	tests/stream/run.sh
	tests/stream/tcpflow.sh
	tests/session/run.sh
	tests/session/files.sh
	tests/session/dnstls.sh
	tests/session/http.sh
	tests/session/threads.sh
	tests/rules/run.sh
	tests/report/run.sh
	tests/live/run.sh
	tests/clickhouse/run.sh
	tests/conformance/run.sh -r -l tests/conformance/pass.list -n $(CONFORMANCE_PASS)
	tests/sanitize/run.sh
	$(MAKE) -s fuzz-smoke

conformance: trawl
	tests/conformance/run.sh $(if $(DIFF),-d)

LIBOBJ := $(filter-out build/src/main.o,$(OBJ))
tests/unit/run-unit: tests/unit/unit.c $(LIBOBJ)
	$(CC) $(CFLAGS) -o $@ tests/unit/unit.c $(LIBOBJ) $(LDLIBS)

tests/unit/run-decode: tests/unit/decode_test.c build/src/analyze/decode.o
	$(CC) $(CFLAGS) -o $@ $^

tests/unit/run-defrag: tests/unit/defrag_test.c build/src/stream/defrag.o build/src/analyze/decode.o
	$(CC) $(CFLAGS) -o $@ $^

tests/unit/run-stream: tests/unit/stream_test.c $(LIBOBJ)
	$(CC) $(CFLAGS) -o $@ tests/unit/stream_test.c $(LIBOBJ) $(LDLIBS)

tests/unit/run-flows: tests/unit/flows_test.c $(LIBOBJ)
	$(CC) $(CFLAGS) -o $@ tests/unit/flows_test.c $(LIBOBJ) $(LDLIBS)

tests/unit/run-rules-parse: tests/unit/rules_parse_test.c $(LIBOBJ)
	$(CC) $(CFLAGS) -o $@ tests/unit/rules_parse_test.c $(LIBOBJ) $(LDLIBS)

tests/unit/run-rules-match: tests/unit/rules_match_test.c $(LIBOBJ)
	$(CC) $(CFLAGS) -o $@ tests/unit/rules_match_test.c $(LIBOBJ) $(LDLIBS)

tests/stream/run-consumers: tests/stream/consumers_test.c $(LIBOBJ)
	$(CC) $(CFLAGS) -o $@ tests/stream/consumers_test.c $(LIBOBJ) $(LDLIBS)

tests/session/run-inspect: tests/session/inspect_test.c $(LIBOBJ)
	$(CC) $(CFLAGS) -o $@ tests/session/inspect_test.c $(LIBOBJ) $(LDLIBS)

tests/gen/gen: tests/gen/gen.c
	$(CC) -std=c11 -D_GNU_SOURCE -Wall -Wextra -O2 -o $@ $<

bench/gen: bench/gen.c
	$(CC) -std=c11 -D_GNU_SOURCE -Wall -Wextra -O2 -o $@ $<

bench: trawl bench/gen
	bench/run.sh
