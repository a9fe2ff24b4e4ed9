#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  console.error('curio: the command line is not built yet; run `npm ci` (or `npm run build:cli`) first.');
  process.exit(2);
}
await import(bundle.href);
