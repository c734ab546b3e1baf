# syntax=docker/dockerfile:1.7
# 9tangle LMS: one image for the web process and the job worker.
#
#   docker build -t 9tangle:$(git rev-parse --short HEAD) .
#   docker run -d --name 9tangle-web -p 3000:3000 -v 9tangle-data:/data --env-file /etc/9tangle/9tangle.env 9tangle:<tag>
#   docker run -d --name 9tangle-worker -v 9tangle-data:/data --env-file /etc/9tangle/9tangle.env \
#     -e WORKER_HEALTH_PORT=3100 9tangle:<tag> node apps/server/dist/worker.js
#
# The worker needs PostgreSQL (DATABASE_URL); web containers then set JOBS_ENABLED=false. See
# docs/operations.md ("Deployment") for the whole procedure.

ARG NODE_VERSION=22

# ── 1. deps: every dependency (dev included), from the lockfile only ────────────────────────────────
FROM node:${NODE_VERSION}-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/contracts/package.json packages/contracts/
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# ── 2. build: the web app (Vite, client and SSR) and the server bundles (main.js, worker.js) ────────
FROM deps AS build
COPY . .
# The server build also writes the `npm audit` report the operations page shows (dist/npm-audit.json):
# the registry must be reachable here for it to list advisories.
RUN npm run build

# ── 3. prod-deps: runtime dependencies only ─────────────────────────────────────────────────────────
FROM node:${NODE_VERSION}-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/contracts/package.json packages/contracts/
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund \
  # npm nests a workspace's dependency there when its version differs from the hoisted one.
  && mkdir -p apps/server/node_modules apps/web/node_modules

# ── 4. runtime: slim, non-root, pg_dump/pg_restore for backups ──────────────────────────────────────
FROM node:${NODE_VERSION}-slim AS runtime
# pg_dump must be at least the server's major version: PostgreSQL's own repository (PGDG) carries
# every client; pin the major to the server you run (15, 16, 17).
ARG PG_CLIENT_MAJOR=17
RUN apt-get update \
  && apt-get install -y --no-install-recommends ca-certificates curl gnupg tini \
  && install -d /usr/share/postgresql-common/pgdg \
  && curl -fsSL -o /usr/share/postgresql-common/pgdg/apt.postgresql.org.asc https://www.postgresql.org/media/keys/ACCC4CF8.asc \
  && . /etc/os-release \
  && echo "deb [signed-by=/usr/share/postgresql-common/pgdg/apt.postgresql.org.asc] https://apt.postgresql.org/pub/repos/apt ${VERSION_CODENAME}-pgdg main" > /etc/apt/sources.list.d/pgdg.list \
  && apt-get update \
  && apt-get install -y --no-install-recommends "postgresql-client-${PG_CLIENT_MAJOR}" \
  && apt-get purge -y curl gnupg && apt-get autoremove -y \
  && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data \
    LOG_DIR=/data/logs
WORKDIR /app
COPY --from=prod-deps --chown=root:root /app/node_modules ./node_modules
COPY --from=prod-deps /app/package.json ./package.json
COPY --from=prod-deps /app/apps/server/node_modules ./apps/server/node_modules
COPY --from=prod-deps /app/apps/web/node_modules ./apps/web/node_modules
COPY --from=build /app/apps/server/package.json ./apps/server/package.json
COPY --from=build /app/apps/server/dist ./apps/server/dist
COPY --from=build /app/apps/server/drizzle ./apps/server/drizzle
COPY --from=build /app/apps/web/package.json ./apps/web/package.json
COPY --from=build /app/apps/web/dist ./apps/web/dist
COPY --from=build /app/packages/contracts/package.json ./packages/contracts/package.json
# Workspace links npm ci made in the prod-deps stage (node_modules/@9tangle/*) point here.
COPY --from=build /app/packages/contracts/src ./packages/contracts/src

# The application files belong to root and are read-only to the process; only /data is writable.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000

# Web: ready = the database answers and every migration is applied (what a load balancer asks too).
# Worker (WORKER_HEALTH_PORT set): its own GET /health, 200 while the database answers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "const w=process.env.WORKER_HEALTH_PORT;fetch(w?'http://127.0.0.1:'+w+'/health':'http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

# tini forwards SIGTERM to node, which finishes in-flight requests and jobs before exiting (30 s max):
# give `docker stop` at least that (`--stop-timeout 35` or stop_grace_period: 35s).
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "apps/server/dist/main.js"]
