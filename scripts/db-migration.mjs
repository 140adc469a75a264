// `npm run db:migration <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL that takes the last committed schema.prisma to the working one (`prisma migrate diff`).
// Prisma's own `--from-migrations` cannot run here (it needs a shadow database through the
// adapter), so the committed schema stands for the migrations: commit each migration with its
// schema change. `migrate diff` needs a live PostgreSQL: DATABASE_URL, else 127.0.0.1:5432.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration <name_in_snake_case>');
  process.exit(2);
}
const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
};
let from = ['--from-empty'];
try {
  const committed = execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pressroom-schema-')), 'schema.prisma');
  writeFileSync(file, committed);
  from = ['--from-schema-datamodel', file];
} catch {
  // no commit yet: the first migration starts from an empty database
}
const sql = execFileSync(
  'npx',
  ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
  {
    encoding: 'utf8',
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
if (!sql.trim() || /^-- This is an empty migration\.?\s*$/m.test(sql.trim())) {
  console.error('schema.prisma matches the last commit: no migration written');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join('prisma', 'migrations', `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`wrote ${dir}/migration.sql`);
