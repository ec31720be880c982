#!/usr/bin/env node
// `npx tongxin <command>`: runs server/src/cli.ts through tsx (the same as `npm run tongxin -- <command>`).
/* global process, URL */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const tsx = import.meta.resolve('tsx');
const r = spawnSync(process.execPath, ['--import', tsx, cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
