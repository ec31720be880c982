/**
 * After `vite build`: the gzip size of the JavaScript that web/dist/index.html loads before any
 * lazy page (the entry module and its modulepreload links). Exits 1 over the limit.
 *   npx tsx web/scripts/check-size.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const limitKiB = 350;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const indexPath = path.join(dist, 'index.html');

if (!existsSync(indexPath)) {
  console.error(`${indexPath} not found: run \`npx vite build --config web/vite.config.ts\` first`);
  process.exit(2);
}
const html = readFileSync(indexPath, 'utf8');

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
}

const urls = new Set<string>();
for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
  const src = attr(tag, 'src');
  if (src && attr(tag, 'type') === 'module') urls.add(src);
}
for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
  const href = attr(tag, 'href');
  if (href && attr(tag, 'rel') === 'modulepreload') urls.add(href);
}
if (urls.size === 0) {
  console.error('no module script found in web/dist/index.html');
  process.exit(2);
}

let totalBytes = 0;
for (const url of urls) {
  if (/^[a-z]+:\/\//i.test(url)) throw new Error(`external script in index.html: ${url}`);
  const file = path.join(dist, url.replace(/^\//, ''));
  const gz = gzipSync(readFileSync(file), { level: 9 }).length;
  totalBytes += gz;
  console.log(`  ${(gz / 1024).toFixed(1).padStart(7)} KiB  ${url}`);
}

const totalKiB = totalBytes / 1024;
console.log(`initial JS: ${Math.ceil(totalKiB)} KiB gzip (limit ${limitKiB} KiB)`);
if (totalKiB > limitKiB) {
  console.error(`over the limit by ${(totalKiB - limitKiB).toFixed(1)} KiB: lazy-load more of the app`);
  process.exit(1);
}
