# Entry points of the DTI plan tracker. See README.md.
SHELL := /bin/bash
MVNW := cd backend && ./mvnw -B --no-transfer-progress
NPM := cd frontend && npm

.PHONY: run test test-backend test-frontend test-e2e e2e browser pg-client ocr-tools frontend-deps frontend-build backend-package gen lint bench bench-tools clean

## Build everything and start the product at http://localhost:8080 with the demo data.
run: frontend-build backend-package
	DTI_DEMO_LOAD=true java @deploy/jvm.options -jar backend/target/quarkus-app/quarkus-run.jar

## Every test of the project: frontend (contract types, lint, types, unit tests, build), backend, then the
## end-to-end tests in headless Chromium against the packaged product (which holds the built web app).
test: test-frontend test-backend test-e2e

test-frontend: frontend-deps
	$(NPM) run check-gen
	$(NPM) run lint:contract
	$(NPM) run lint
	$(NPM) run typecheck
	$(NPM) test
	$(NPM) run build

test-backend: pg-client ocr-tools
	$(MVNW) verify

# Runs on the product packaged by test-backend.
test-e2e: browser
	$(NPM) run e2e

## The end-to-end tests alone: build the web app and the product, then drive it in headless Chromium.
e2e: frontend-build backend-package test-e2e

# Chromium from the Debian package (browser downloads are not available to the build).
browser:
	@if [ ! -x "$${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then \
		echo "Installing Chromium (Debian package)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null; fi

# pg_dump and pg_restore for the backup test (deploy/backup), from Debian's PostgreSQL client when missing.
pg-client:
	@if ! command -v pg_dump > /dev/null || ! command -v pg_restore > /dev/null; then \
		echo "Installing the PostgreSQL client (Debian package)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client > /dev/null; fi

# Text recognition of scanned plans (plan intake): tesseract with its Vietnamese language, from Debian when missing.
ocr-tools:
	@if ! command -v tesseract > /dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx vie; then \
		echo "Installing tesseract with Vietnamese (Debian packages)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-vie > /dev/null; fi

frontend-deps:
	@if [ ! -d frontend/node_modules ] || [ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]; then \
		$(NPM) ci --no-audit --no-fund; fi

frontend-build: frontend-deps
	$(NPM) run build

backend-package:
	$(MVNW) package -DskipTests

## Regenerate the contract from the backend, then the frontend's types from the contract.
gen: frontend-deps
	$(MVNW) test -Dtest=ContractTest -Dcontract.update=true -Dsurefire.failIfNoSpecifiedTests=false
	$(NPM) run gen

## Benchmarks, each figure a ratio against a baseline measured in the same run (see BENCHMARKS.md and bench/):
## a generated province (SCALE=country: the whole country) served, written, exported and pulled, evidence
## uploads, start-up and the web app's bundle. Writes backend/target/bench/results.json and results.md, puts the
## table into BENCHMARKS.md, and fails when a required figure is not met.
SCALE ?= province
bench: bench-tools ocr-tools frontend-deps
	rm -rf backend/target/bench && mkdir -p backend/target/bench
	cd frontend && BUNDLE_REPORT=../backend/target/bench/spa.json npm run build
	$(MVNW) package -DskipTests
	@status=0; \
	SCALE=$(SCALE) bash bench/province.sh || status=1; \
	bash bench/evidence-upload.sh || status=1; \
	bash bench/plan-intake.sh || status=1; \
	java -cp "backend/target/bench/province/classes:backend/target/quarkus-app/lib/main/*" Report backend/target/bench BENCHMARKS.md \
		"$$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" $(SCALE) || status=1; \
	exit $$status

# Load generators of the benchmarks, from the Debian packages: wrk, and pgbench (packaged with the server).
bench-tools:
	@if ! command -v wrk > /dev/null || ! command -v pgbench > /dev/null; then \
		echo "Installing wrk and pgbench (Debian packages)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk postgresql-15 > /dev/null; fi

lint: frontend-deps
	$(NPM) run lint:contract
	$(NPM) run lint

clean:
	rm -rf backend/target frontend/dist
