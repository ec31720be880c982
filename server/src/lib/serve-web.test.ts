import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../../web/scripts/precompress';
import { hashedAssetCache, serveWeb } from './serve-web';

/** A built web app as Vite leaves it (hashed /assets/, index.html, an unhashed favicon), precompressed by the build step. */
let dist: string;
let app: FastifyInstance;
const script = `export const greeting = ${JSON.stringify('同心 '.repeat(2000))};\n`;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'tongxin-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><script type="module" src="/assets/index-AbC123.js"></script>');
  await writeFile(path.join(dist, 'assets/index-AbC123.js'), script);
  await writeFile(path.join(dist, 'assets/index-AbC123.css'), `body{margin:0}\n${'.a{color:red}\n'.repeat(200)}`);
  await writeFile(path.join(dist, 'favicon.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(400)}</svg>`);
  precompressDir(dist);
  app = Fastify();
  await serveWeb(app, dist);
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  if (dist) await rm(dist, { recursive: true, force: true });
});

describe('the built web app', () => {
  it('sends a hashed script brotli-compressed to a browser that accepts it, cached for a year as immutable', async () => {
    const res = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe(hashedAssetCache);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 5);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('falls back to gzip, and to the plain file for a client that accepts neither', async () => {
    const gz = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe(hashedAssetCache);
  });

  it('compresses stylesheets too', async () => {
    const res = await app.inject({ url: '/assets/index-AbC123.css', headers: { 'accept-encoding': 'br' } });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/text\/css/);
    expect(res.headers['cache-control']).toBe(hashedAssetCache);
  });

  it('revalidates index.html (every client-side route) and unhashed files on each load', async () => {
    for (const url of ['/', '/directory/organizations']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const favicon = await app.inject({ url: '/favicon.svg', headers: { 'accept-encoding': 'br' } });
    expect(favicon.statusCode).toBe(200);
    expect(favicon.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset with 404, not with the app', async () => {
    const res = await app.inject({ url: '/assets/gone-XyZ987.js', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['cache-control']).not.toBe(hashedAssetCache);
  });
});
