// Builds the TypeScript projects when their output is missing or stale (tsc -b is incremental,
// so an up-to-date tree costs about a second).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function ensureBuild() {
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-b', `${root}tsconfig.build.json`], {
    // tsc reports on stdout; send it to stderr so the CLI's stdout stays parseable.
    stdio: ['ignore', process.stderr, 'inherit'],
  });
}
