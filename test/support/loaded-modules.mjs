// Preloaded with `node --import` into a process under test: at exit, writes every module the
// process loaded, one URL a line, to the file named by LOADED_MODULES_FILE. ES modules are seen
// by a resolve hook (it runs on the loader's thread, hence the file), CommonJS ones in
// require.cache, which also holds the CommonJS packages that ES modules import.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const out = process.env.LOADED_MODULES_FILE;
if (out) {
  register('./loaded-modules-hooks.mjs', import.meta.url);
  const require = createRequire(import.meta.url);
  process.on('exit', () => {
    const cjs = Object.keys(require.cache).map((file) => pathToFileURL(file).href);
    appendFileSync(out, cjs.map((url) => `${url}\n`).join(''));
  });
}
