# The papergraph API. Neo4j runs as its own service (docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY codegen.ts tsconfig.json ./
COPY schema ./schema
COPY src ./src
COPY web ./web
COPY bench ./bench
COPY test ./test
COPY scripts ./scripts
COPY vitest.config.ts ./
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY schema ./schema
COPY cypher ./cypher
COPY lexicon ./lexicon
COPY data ./data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:4000/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Applies the schema, ingests the bundled sample corpus (idempotent), serves the API.
CMD ["node", "dist/src/cli.js", "start"]
