# The product: the API, the contract and the web app in one Quarkus application, in JVM mode.
# Build from the repository root (deploy/README.md, "Images"):
#   docker build -f deploy/images/backend.Dockerfile -t dti-plan-tracker/backend:0.1.0 .
# Base images are pinned to a release; move them forward together with .gitlab-ci.yml.

# 1. The web app, served by the backend at "/" (what `make frontend-build` does).
FROM node:20.20.2-bookworm-slim AS web
WORKDIR /src/frontend
# Dependencies first: this layer is reused until the lock file changes.
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

# 2. The application in the fast-jar layout, target/quarkus-app (what `make backend-package` does).
FROM eclipse-temurin:17.0.19_10-jdk-noble AS build
WORKDIR /src/backend
# The Maven wrapper and the dependencies first: reused until pom.xml or the wrapper changes. The warm-up may
# miss artifacts the Quarkus build resolves later; the package step fetches those and is what must succeed.
COPY backend/mvnw backend/pom.xml ./
COPY backend/.mvn/ .mvn/
RUN ./mvnw -B --no-transfer-progress dependency:go-offline || true
COPY backend/src/ src/
# pom.xml takes the built web app from ../frontend/dist.
COPY --from=web /src/frontend/dist/ /src/frontend/dist/
# The tests ran before the image is built (.gitlab-ci.yml: the images stage follows the test stage).
RUN ./mvnw -B --no-transfer-progress package -DskipTests

# 3. The runtime: a JRE, curl for the health check, and a user without privileges.
FROM eclipse-temurin:17.0.19_10-jre-noble
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 dti \
    && useradd --system --uid 10001 --gid dti --home-dir /var/lib/dti --shell /usr/sbin/nologin dti \
    && mkdir -p /var/lib/dti \
    && chown dti:dti /var/lib/dti \
    && chmod 0750 /var/lib/dti
WORKDIR /opt/dti
COPY deploy/jvm.options deploy/images/container.options ./
# One layer per part of the fast-jar layout, libraries first: a change of our code replaces only app/.
COPY --from=build /src/backend/target/quarkus-app/lib/ app/lib/
COPY --from=build /src/backend/target/quarkus-app/quarkus/ app/quarkus/
COPY --from=build /src/backend/target/quarkus-app/app/ app/app/
COPY --from=build /src/backend/target/quarkus-app/quarkus-run.jar app/
# The data directory receives uploads in progress (and, without S3, the evidence and the token keys): mount a
# volume there. JAVA_OPTS_APPEND is read after the product's options, so it can override them (e.g. -Xmx).
ENV DTI_DATA_DIR=/var/lib/dti \
    QUARKUS_HTTP_PORT=8080 \
    JAVA_OPTS_APPEND=""
USER 10001:10001
EXPOSE 8080
# Metrics (Prometheus) only, for the platform: never publish or proxy it.
EXPOSE 9000
HEALTHCHECK --interval=15s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${QUARKUS_HTTP_PORT}/q/health/live" || exit 1
ENTRYPOINT ["/bin/sh", "-c", "exec java @/opt/dti/jvm.options @/opt/dti/container.options $JAVA_OPTS_APPEND -jar /opt/dti/app/quarkus-run.jar \"$@\"", "dti"]
