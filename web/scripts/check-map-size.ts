/**
 * After `vite build`: the gzip size of what the map pages load beyond the shell (the JavaScript and
 * CSS a map page's chunk imports, transitively, minus what index.html already loads). Exits 1 over
 * the limit (issue 8: ≤ 250 KiB).   npx tsx web/scripts/check-map-size.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const limitKiB = 250;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const assets = path.join(dist, 'assets');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error('web/dist is not built');
  process.exit(2);
}
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const shell = new Set<string>();
const importsOf = (file: string) =>
  [...readFileSync(path.join(assets, file), 'utf8').matchAll(/(?:from|import)\s*["']\.\/([^"']+\.(?:js|css))["']/g)].map((m) => m[1]!);
function closure(start: string, into: Set<string>) {
  if (into.has(start) || !existsSync(path.join(assets, start))) return;
  into.add(start);
  if (start.endsWith('.js')) for (const f of importsOf(start)) closure(f, into);
}
for (const m of html.matchAll(/\/assets\/([^"']+\.js)/g)) closure(m[1]!, shell);

const gz = (file: string) => gzipSync(readFileSync(path.join(assets, file)), { level: 9 }).length;
let worst = 0;
for (const page of readdirSync(assets).filter((f) => /^(map-page|area-page|route-page|embed-area-page)-[^.]+\.js$/.test(f))) {
  const files = new Set<string>();
  closure(page, files);
  const extra = [...files].filter((f) => !shell.has(f));
  // the CSS Vite splits for these chunks (leaflet.css and the map's own) is named after them
  const css = readdirSync(assets).filter((f) => /^map-[^.]+\.css$/.test(f));
  const bytes = [...extra, ...css].reduce((n, f) => n + gz(f), 0);
  worst = Math.max(worst, bytes);
  console.log(`map page ${page.replace(/-[^-]+\.js$/, '')}: ${(bytes / 1024).toFixed(1)} KiB gzip beyond the shell (${extra.length} chunks + CSS)`);
}
console.log(`map pages: at most ${Math.ceil(worst / 1024)} KiB gzip beyond the shell (limit ${limitKiB} KiB)`);
if (worst / 1024 > limitKiB) process.exit(1);
