# Mem'Histo — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.installed
BENCH_NODE_INSTALLED := bench/node_modules/.installed

.PHONY: run test bench install assets lint format ci-browser clean lock speech-tools

run: install speech-tools
	$(PY) manage.py migrate --noinput
	$(PY) manage.py compile_catalogues
	$(PY) manage.py load_network
	@echo "Mem'Histo is served on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(PY) manage.py compile_catalogues
	$(VENV)/bin/pytest -n 2 --dist loadgroup -p no:cacheprovider

# Production benchmark (bench/README.md): gunicorn + PostgreSQL + Redis, wrk, Lighthouse.
# BENCH_ARGS=--rebuild rebuilds its database; BENCH_ARGS=--no-lighthouse skips Lighthouse
# (and its installation). wrk and chromium are Debian packages the script only asks for.
BENCH_LIGHTHOUSE := $(if $(findstring --no-lighthouse,$(BENCH_ARGS)),,$(BENCH_NODE_INSTALLED))
bench: install $(BENCH_LIGHTHOUSE)
	$(PY) bench/production.py $(BENCH_ARGS)

install: $(INSTALLED) $(NODE_INSTALLED)

# The demo's spoken commentaries (demo/audio.py) and the audio uploads' speech-sized copies
# (core/transcoding.py) need Debian's espeak-ng and ffmpeg: installed with apt when missing
# and allowed (root, or sudo without a password); otherwise said, and the demo loads
# without audio.
speech-tools:
	@if command -v espeak-ng >/dev/null && command -v ffmpeg >/dev/null; then :; \
	elif ! command -v apt-get >/dev/null; then \
		echo "espeak-ng and ffmpeg are missing (no apt-get here): the demo loads without audio."; \
	else \
		if [ "$$(id -u)" = 0 ]; then SUDO=; elif sudo -n true 2>/dev/null; then SUDO=sudo; \
		else echo "espeak-ng and ffmpeg are missing: sudo apt-get install espeak-ng ffmpeg" \
			"(the demo loads without audio meanwhile)."; exit 0; fi; \
		echo "Installing espeak-ng and ffmpeg (apt-get) for the demo's spoken commentaries"; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
			espeak-ng ffmpeg >/dev/null || echo "apt-get failed: the demo loads without audio."; \
	fi

# Python packages: exact versions and hashes from requirements.lock (made by `make lock`).
$(INSTALLED): requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

# Front-end libraries come from the npm registry, locked by package-lock.json.
$(NODE_INSTALLED): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Lighthouse for the benchmark, locked by bench/package-lock.json, apart from the site's own.
$(BENCH_NODE_INSTALLED): bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	touch $@

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media staticfiles .artifacts .bench bench/node_modules

# Both locks come from pyproject.toml (needs uv: `pip install uv`). requirements.lock is what
# `make` installs (with the test tools); requirements-production.lock is what the Docker image
# installs: the same versions, without the test tools.
lock:
	uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes \
		--custom-compile-command "make lock" -o requirements.lock
	grep -oE '^[^ #]+==[^ ]+' requirements.lock > .lock-pins.txt
	uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -c .lock-pins.txt \
		--custom-compile-command "make lock" -o requirements-production.lock
	rm .lock-pins.txt
