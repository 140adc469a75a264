// Prisma 6.19 with the JS (Wasm) engines: `generate` and `migrate diff` run without downloading
// a native engine, which this network cannot reach.
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import type { PrismaConfig } from 'prisma';

export default {
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
} satisfies PrismaConfig;
