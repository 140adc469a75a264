import { runMigrations } from '@pressroom/database';
const t0 = Date.now();
console.log(await runMigrations(process.argv[2]), Date.now() - t0, 'ms');
