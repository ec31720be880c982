/**
 * npm run bench -- <name> [options]: runs bench/<name>.bench.ts, which prints its figures and ends
 * with one JSON line holding at least p95_ms (or the measured figure) and ratio = naive ÷ ours.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [name, ...args] = process.argv.slice(2);
const available = fs
  .readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}> [options]`);
  process.exit(2);
}
const mod = (await import(pathToFileURL(path.join(import.meta.dirname, `${name}.bench.ts`)).href)) as {
  run(args: string[]): Promise<void>;
};
await mod.run(args);
