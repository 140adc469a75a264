// `npm run cms -- <command>`: build if needed, then run the CLI.
import { ensureBuild } from './ensure-build.mjs';

ensureBuild();
await import('../apps/cli/dist/main.js');
