// `prisma generate`, then one fix to the generated client so it compiles with declarations.
//
// Prisma 6.19's CLI falls back to downloading a query engine unless DATABASE_URL is set, even
// though generate never connects: a placeholder is enough.
// The generated Json-null helpers are instances of anonymous classes with #private members,
// which TypeScript cannot write into a .d.ts (TS4094) as our composite build needs: giving
// them explicit `typeof` annotations is equivalent and declarable.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const env = { ...process.env };
env.DATABASE_URL ??= 'postgresql://placeholder@127.0.0.1:5432/placeholder';
execFileSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env });

const NULLS = '(?:DbNull|JsonNull|AnyNull)';
for (const name of ['prismaNamespace.ts', 'prismaNamespaceBrowser.ts']) {
  const file = new URL(`../libs/database/src/generated/prisma/internal/${name}`, import.meta.url);
  let source = readFileSync(file, 'utf8');
  source = source.replace(
    new RegExp(`export const (${NULLS}) = runtime\\.objectEnumValues\\.instances\\.(\\w+)`, 'g'),
    'export const $1: typeof runtime.objectEnumValues.instances.$2 = runtime.objectEnumValues.instances.$2',
  );
  source = source.replace(
    new RegExp(`export const (\\w+) = \\{\\n((?:\\s+${NULLS}: ${NULLS},?\\n)+)\\} as const`, 'g'),
    (_all, constName, body) => {
      const fields = [...body.matchAll(/(\w+): (\w+)/g)].map((m) => `readonly ${m[1]}: typeof ${m[2]}`);
      return `export const ${constName}: { ${fields.join('; ')} } = {\n${body}} as const`;
    },
  );
  writeFileSync(file, source);
}
