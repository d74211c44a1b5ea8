# Revenge web app image: the SvelteKit single-page app (web/, adapter-static) built with
# Node, served by unprivileged nginx on :8080, which sends the API, health and Emby-style
# paths to the backend (REVENGE_BACKEND, default http://revenge:8096). REVENGE_BASE_PATH
# publishes it under a path prefix chosen at run time (deploy/README.md).
# Build from the repository root: docker build -f deploy/web.Dockerfile -t revenge-web .

FROM node:20-bookworm-slim AS build
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build
COPY deploy/web/csp.mjs /csp.mjs
RUN node /csp.mjs build/index.html > /web/csp.conf

FROM nginxinc/nginx-unprivileged:1.27-alpine
COPY deploy/web/default.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /web/csp.conf /etc/nginx/revenge/csp.conf
COPY --from=build /web/build /usr/share/nginx/html
ENV REVENGE_BACKEND=http://revenge:8096
# The path prefix the app is published under ("" at /; e.g. /revenge, stripped by the proxy).
ENV REVENGE_BASE_PATH=""
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["wget", "-q", "--spider", "http://127.0.0.1:8080/nginx-health"]
