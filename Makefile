# xpiler — the README's commands. Everything else is CMake + Ninja in build/.
BUILD_DIR ?= build
PREFIX ?= $(CURDIR)/install
BUILD_TYPE ?= Release
JOBS ?=
NINJA := ninja -C $(BUILD_DIR) $(if $(JOBS),-j$(JOBS))

.PHONY: all deps configure build check check-full demo install docs bench bench-translate clean

all: build

deps:
	bash scripts/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -G Ninja -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
	  -DCMAKE_INSTALL_PREFIX=$(PREFIX)

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	$(NINJA)

# Every lit suite and GoogleTest binary; ends with "N passed, N failed".
check: build
	python3 scripts/run-tests.py $(BUILD_DIR)

# Longer sweeps that do not fit `make check`'s 30 minutes: five minutes of
# fuzzing per language of the importer (scripts/fuzz-import.sh).
check-full: check
	bash scripts/fuzz-import.sh $(BUILD_DIR)

demo: build
	bash scripts/demo.sh $(BUILD_DIR)

install: build
	$(NINJA) install

# Regenerates python-free-docs/ from ODS (a test checks they are current).
docs: configure
	$(NINJA) xpiler-doc

bench: build bench-translate
	python3 scripts/bench-verify.py $(BUILD_DIR) $(BUILD_DIR)/bench-verify

# Every corpus kernel in every direction: verified, built with the target's
# compiler, translation time (median of 5); regenerates
# python-free-docs/Translation.md.
bench-translate: build
	python3 scripts/translate-corpus.py $(BUILD_DIR) $(BUILD_DIR)/bench-translate \
	  --repeat 5 --markdown python-free-docs/Translation.md

clean:
	rm -rf $(BUILD_DIR)
