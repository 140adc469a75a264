// `npm start`: build if needed, then run the API (migrations and embedded Postgres happen there).
import { existsSync } from 'node:fs';
import { ensureBuild } from './ensure-build.mjs';

const started = Date.now();
const built = existsSync(new URL('../apps/api/dist/main.js', import.meta.url));
// tsc -b prints nothing while it works: say why the first start is quiet for half a minute. On
// stderr, so that stdout holds only the API's log lines (JSON in production).
console.error(built ? 'Checking the build...' : 'Building Pressroom (the first start takes ~30 s)...');
ensureBuild();
console.error(`Build ready in ${((Date.now() - started) / 1000).toFixed(0)} s; starting the API...`);
await import('../apps/api/dist/main.js');
