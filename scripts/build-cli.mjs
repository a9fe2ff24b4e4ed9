#!/usr/bin/env node
// Bundles the CLI (and the core it uses) into dist/cli.js with esbuild: one file starts faster than
// hundreds of ES modules, which matters when a QA reviewer runs it over a folder.
import { build } from 'esbuild';
await build({
  entryPoints: ['cli/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: 'dist/cli.js',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
