# trawl - see README.md.  `make` builds ./trawl, `make check` runs every test.
CC      ?= cc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -MMD -MP
LDLIBS  += -lpcap -lcrypto
PREFIX  ?= /usr/local
DESTDIR ?=

SRC  := $(shell find src -name '*.c' | sort)
OBJ  := $(SRC:%.c=build/%.o)
DEPS := $(OBJ:.o=.d)

.PHONY: all check conformance unit golden demo install sanitize clean deps

all: deps trawl

# Installs missing build dependencies on Debian/Ubuntu (or says what to
# install); a no-op when everything is present.
deps:
	@sh tools/deps.sh

trawl: $(OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

build/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

-include $(DEPS)

clean:
	rm -rf build trawl trawl-sanitize tests/unit/run-unit tests/gen/gen

# The conformance ratchet: every case in tests/conformance/pass.list must
# still pass.  `make conformance` runs all 582 and reports.
check: trawl tests/unit/run-unit tests/gen/gen
	tests/unit/run-unit
	tests/golden/run.sh
	tests/cli/run.sh
	tests/conformance/run.sh -r -l tests/conformance/pass.list

conformance: trawl
	tests/conformance/run.sh $(if $(DIFF),-d)

LIBOBJ := $(filter-out build/src/main.o,$(OBJ))
tests/unit/run-unit: tests/unit/unit.c $(LIBOBJ)
	$(CC) $(CFLAGS) -o $@ tests/unit/unit.c $(LIBOBJ) $(LDLIBS)

tests/gen/gen: tests/gen/gen.c
	$(CC) -std=c11 -D_GNU_SOURCE -Wall -Wextra -O2 -o $@ $<
