import type { FastifyInstance } from 'fastify';
import { parseTileSetting, tileImageSource } from '../../../common/map-tiles';

const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // antd injects its CSS-in-JS styles
  `img-src 'self' data: blob:${tileImageSource(parseTileSetting(process.env.TONGXIN_MAP_TILES)) ? ` ${tileImageSource(parseTileSetting(process.env.TONGXIN_MAP_TILES))}` : ''}`, // optional map tiles
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The public read-only map of a published area (/embed/…) is meant to be shown in other sites' iframes. */
const embeddable = (url: string) => url.startsWith('/embed/');
const embedCsp = csp.replace("frame-ancestors 'none'", 'frame-ancestors *');

export function installSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    if (!embeddable(req.url)) reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-request-id', String(req.id));
    // the API docs page sets its own, stricter-for-its-scripts CSP (swagger-ui staticCSP)
    if (!req.url.startsWith('/api/docs')) reply.header('content-security-policy', embeddable(req.url) ? embedCsp : csp);
    // API answers are not kept by browsers or proxies, unless the route says otherwise (a calendar feed: no-cache)
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}
