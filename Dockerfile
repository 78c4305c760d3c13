# Marquee as a container: Next's standalone output on Node 20 (Debian bookworm).
# Used by compose.yaml; see the README, "Several instances".
#   docker build -t marquee .
#   docker run -e DATABASE_URL=… -e REDIS_URL=… -e AUTH_SECRET=… -e AUTH_URL=https://… -p 3000:3000 marquee

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# patch-package runs on install (postinstall) and needs the patches.
COPY patches ./patches
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 \
    MARQUEE_STANDALONE=1
# Fixed at build: the deployment id is compiled into the pages' script URLs, and next.config.js
# chooses the Redis cache handlers when REDIS_URL is set (the build itself never connects).
ARG NEXT_DEPLOYMENT_ID=""
ARG REDIS_URL="redis://redis:6379"
RUN NEXT_DEPLOYMENT_ID="$NEXT_DEPLOYMENT_ID" REDIS_URL="$REDIS_URL" npm run build

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
# The server migrates on start (lib/startup.ts) from this folder.
COPY --from=build --chown=node:node /app/db/migrations ./db/migrations
# The cache handlers and ioredis come with the standalone output: Next traces the files
# next.config.js names as cacheHandler and cacheHandlers.
USER node
EXPOSE 3000
CMD ["node", "server.js"]
