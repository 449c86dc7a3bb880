#!/usr/bin/env node
// The `skewboard` command. The gateway is TypeScript run through tsx, so a checkout works
// straight after `npm install`, with no build step for the Node side.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
