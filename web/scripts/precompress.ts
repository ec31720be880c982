/**
 * A Vite plugin: after the bundle is written, a brotli (.br) and a gzip (.gz) copy beside every text asset,
 * so that the server sends them as they are (@fastify/static `preCompressed`) instead of compressing per request.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const compressible = /\.(js|mjs|css|html|svg|json|txt|geojson)$/i;
/** below this a compressed copy saves less than the headers cost */
const minBytes = 1024;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield full;
  }
}

/** Writes `file.br` and `file.gz` for each compressible file of `dir`; returns the bytes before and after brotli. */
export function precompressDir(dir: string): { files: number; bytes: number; brotliBytes: number; gzipBytes: number } {
  const total = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  for (const file of files(dir)) {
    if (!compressible.test(file)) continue;
    const data = readFileSync(file);
    if (data.length < minBytes) continue;
    const br = brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    });
    const gz = gzipSync(data, { level: 9 });
    if (br.length < data.length) writeFileSync(`${file}.br`, br);
    if (gz.length < data.length) writeFileSync(`${file}.gz`, gz);
    total.files += 1;
    total.bytes += data.length;
    total.brotliBytes += Math.min(br.length, data.length);
    total.gzipBytes += Math.min(gz.length, data.length);
  }
  return total;
}

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'tongxin-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const { files: count, bytes, brotliBytes, gzipBytes } = precompressDir(outDir);
      const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
      this.info(`precompressed ${count} files: ${kib(bytes)} → brotli ${kib(brotliBytes)}, gzip ${kib(gzipBytes)}`);
    },
  };
}
