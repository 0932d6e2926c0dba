# Entry points of the DTI plan tracker. See README.md.
SHELL := /bin/bash
MVNW := cd backend && ./mvnw -B --no-transfer-progress
NPM := cd frontend && npm

.PHONY: run test test-backend test-frontend frontend-deps frontend-build backend-package gen lint bench clean

## Build everything and start the product at http://localhost:8080 with the demo data.
run: frontend-build backend-package
	DTI_DEMO_LOAD=true java @deploy/jvm.options -jar backend/target/quarkus-app/quarkus-run.jar

## Every test of the project: frontend (contract types, lint, types, unit tests, build) and backend.
test: test-frontend test-backend

test-frontend: frontend-deps
	$(NPM) run check-gen
	$(NPM) run lint:contract
	$(NPM) run lint
	$(NPM) run typecheck
	$(NPM) test
	$(NPM) run build

test-backend:
	$(MVNW) verify

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

## Benchmarks, each a ratio against a baseline measured in the same run (see bench/).
bench: backend-package
	@status=0; \
	bash bench/evidence-upload.sh || status=1; \
	bash bench/province-pull.sh || status=1; \
	exit $$status

lint: frontend-deps
	$(NPM) run lint:contract
	$(NPM) run lint

clean:
	rm -rf backend/target frontend/dist
