// Loads the npm packages of tests/interop/package.json from wherever run.sh installed them:
// $DEALGRAPH_INTEROP_NODE (default target/interop-node), else tests/interop/node_modules.
// ESM ignores NODE_PATH, hence createRequire.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const candidates = [
  process.env.DEALGRAPH_INTEROP_NODE,
  path.join(here, '..', '..', 'target', 'interop-node'),
  here,
].filter(Boolean);
const base = candidates.find((d) => fs.existsSync(path.join(d, 'node_modules'))) ?? here;
export const load = createRequire(path.resolve(base, 'package.json'));
