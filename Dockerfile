# Pressroom API (and import worker: `node apps/cli/dist/main.js worker`).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY libs/common/package.json libs/common/
COPY libs/database/package.json libs/database/
COPY libs/content/package.json libs/content/
COPY libs/frontmatter/package.json libs/frontmatter/
COPY libs/importer/package.json libs/importer/
COPY libs/auth/package.json libs/auth/
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts ./scripts
RUN npm ci --include=dev --no-audit --no-fund
COPY . .
RUN npm run build
EXPOSE 3000
CMD ["node", "scripts/start.mjs"]
