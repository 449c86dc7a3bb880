#!/usr/bin/env node
// The `skewboard` command. In a checkout it runs the gateway's TypeScript through tsx, so the
// checkout works straight after `npm install` with no build step for the Node side (and never
// runs a stale build). An installed package holds no TypeScript, only the plain JavaScript
// `npm pack` compiled into lib/ (scripts/build-node.ts).
import { existsSync } from 'node:fs';

const fromSource = existsSync(new URL('./cli.ts', import.meta.url));
if (fromSource) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { main } = await (fromSource ? import('./cli.ts') : import('../../lib/cli.js'));
process.exitCode = await main(process.argv.slice(2));
