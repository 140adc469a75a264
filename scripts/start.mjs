// `npm start`: build if needed, then run the API (migrations and embedded Postgres happen there).
import { ensureBuild } from './ensure-build.mjs';

ensureBuild();
await import('../apps/api/dist/main.js');
