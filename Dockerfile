# Pressroom's image: the API (default command) and, with `node apps/cli/dist/main.js worker`, an
# import worker. Built here, run with production dependencies only, as the unprivileged `node` user.
#   docker build -t pressroom .
#   docker run -e DATABASE_URL=postgresql://… -p 3000:3000 pressroom
# Node 22: runtime dependencies need it (@nestjs/common 12 -> file-type 22, @apollo/server 5 ->
# @whatwg-node/promise-helpers 2: engines >=22 and >=22.15).

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/auth/package.json libs/auth/
COPY libs/common/package.json libs/common/
COPY libs/content/package.json libs/content/
COPY libs/database/package.json libs/database/
COPY libs/frontmatter/package.json libs/frontmatter/
COPY libs/importer/package.json libs/importer/
COPY libs/webhooks/package.json libs/webhooks/
# The postinstall script generates the Prisma client from the schema, with the prisma CLI.
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build

FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/auth/package.json libs/auth/
COPY libs/common/package.json libs/common/
COPY libs/content/package.json libs/content/
COPY libs/database/package.json libs/database/
COPY libs/frontmatter/package.json libs/frontmatter/
COPY libs/importer/package.json libs/importer/
COPY libs/webhooks/package.json libs/webhooks/
# No install scripts: the root one needs the prisma CLI (a dev dependency), and its output, the
# generated client, is compiled into libs/database/dist. Without them the embedded PostgreSQL
# cannot start, so the image needs DATABASE_URL.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/libs/auth/dist libs/auth/dist
COPY --from=build /app/libs/common/dist libs/common/dist
COPY --from=build /app/libs/content/dist libs/content/dist
COPY --from=build /app/libs/database/dist libs/database/dist
COPY --from=build /app/libs/frontmatter/dist libs/frontmatter/dist
COPY --from=build /app/libs/importer/dist libs/importer/dist
COPY --from=build /app/libs/webhooks/dist libs/webhooks/dist
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/cli/dist apps/cli/dist
# The console (/console): its page and styles, and its compiled browser modules.
COPY --from=build /app/apps/console/dist apps/console/dist
COPY apps/console/public apps/console/public
COPY prisma/migrations prisma/migrations
COPY examples/posts examples/posts
# Uploads are staged under DATA_DIR until a worker has imported them: a volume shared by the API
# and the workers. Created here so that a new volume mounted on it belongs to `node`.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# No curl in the slim image: Node's fetch. Six misses (a minute) before unhealthy cover the boot,
# migrations included (dockerfilelint does not know --start-period).
HEALTHCHECK --interval=10s --timeout=3s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/api/dist/main.js"]
