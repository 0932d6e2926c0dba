# The web app as static files behind nginx, which also passes the API on to the backend.
# Build from the repository root (deploy/README.md, "Images"):
#   docker build -f deploy/images/frontend.Dockerfile -t dti-plan-tracker/frontend:0.1.0 .
# Base images are pinned to a release; move them forward together with .gitlab-ci.yml.

# 1. The web app (what `make frontend-build` does): index.html plus content-hashed files under assets/.
FROM node:20.20.2-bookworm-slim AS web
WORKDIR /src/frontend
# Dependencies first: this layer is reused until the lock file changes.
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

# 2. nginx as an unprivileged user (UID 101) listening on 8080.
FROM nginxinc/nginx-unprivileged:1.30.4-alpine
USER root
RUN rm -f /etc/nginx/conf.d/default.conf
COPY deploy/images/nginx/nginx.conf /etc/nginx/nginx.conf
COPY deploy/images/nginx/security-headers.conf deploy/images/nginx/proxy.conf /etc/nginx/snippets/
# The image's entrypoint fills the ${DTI_...} placeholders of templates/ from the environment into conf.d/.
COPY deploy/images/nginx/dti.conf.template /etc/nginx/templates/
COPY --from=web /src/frontend/dist/ /usr/share/nginx/html/
USER 101
# Settings (deploy/README.md, "Settings"): where the backend is, which proxy in front may name the client's
# address, the largest request body (an evidence file plus its form fields).
ENV DTI_BACKEND_ADDRESS=backend:8080 \
    DTI_TRUSTED_PROXY=127.0.0.1/32 \
    DTI_MAX_BODY_SIZE=51m \
    NGINX_ENVSUBST_FILTER=^DTI_
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
    CMD wget -q -O /dev/null http://127.0.0.1:8080/healthz || exit 1
