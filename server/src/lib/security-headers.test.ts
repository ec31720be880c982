import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installSecurityHeaders } from './security-headers';

describe('security headers', () => {
  it('keeps API answers out of caches, but lets a route that chose its own caching (a calendar feed) keep it', async () => {
    const app = Fastify();
    installSecurityHeaders(app);
    app.get('/api/people', async () => ({ rows: [] }));
    app.get('/api/events.ics', async (_req, reply) => reply.header('content-type', 'text/calendar').header('cache-control', 'no-cache').send('BEGIN:VCALENDAR'));
    await app.ready();
    const list = await app.inject({ url: '/api/people' });
    const feed = await app.inject({ url: '/api/events.ics' });
    expect(list.headers['cache-control']).toBe('no-store');
    expect(feed.headers['cache-control']).toBe('no-cache');
    expect(feed.headers['x-frame-options']).toBe('DENY');
    await app.close();
  });
});
