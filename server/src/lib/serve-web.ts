import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorMessage, pickLocale } from './i18n';

/** Vite names what it emits under /assets/ by content hash: a changed file gets a new name, so it can be kept for a year. */
export const hashedAssetCache = 'public, max-age=31536000, immutable';
/** index.html and the unhashed files (favicon) are revalidated on every load, so a deploy shows at once. */
export const revalidateCache = 'no-cache';

/**
 * The built web app, with index.html for every non-API path (client-side routing). The build writes
 * brotli and gzip copies beside each asset (web/scripts/precompress.ts); they are sent to browsers that
 * accept them, with `Vary: Accept-Encoding`.
 */
export async function serveWeb(app: FastifyInstance, dist: string) {
  const index = path.join(dist, 'index.html');
  const hasWeb = fs.existsSync(index);
  const sendIndex = (reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', revalidateCache).send(fs.createReadStream(index));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: dist,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply) => {
        const url = reply.request.url;
        reply.header('cache-control', url.startsWith('/assets/') ? hashedAssetCache : revalidateCache);
      },
    });
    app.get('/', { schema: { hide: true } }, (_req, reply) => sendIndex(reply));
  }
  app.setNotFoundHandler((req, reply) => {
    const file = /\/[^/?]+\.[a-z0-9]+(\?|$)/i.test(req.url); // a missing asset is a 404, not the app
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !hasWeb || file) {
      const message = errorMessage('NOT_FOUND', pickLocale(req.headers['accept-language']));
      return reply.code(404).send({ code: 'NOT_FOUND', message, requestId: String(req.id) });
    }
    return sendIndex(reply);
  });
}
