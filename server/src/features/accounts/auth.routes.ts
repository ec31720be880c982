import { z } from 'zod';
import { loginBody, userSchema } from '../../../../common/schemas/accounts';
import type { App } from '../../lib/app-type';
import { CSRF_COOKIE, SESSION_COOKIE, cookieOptions } from '../../lib/auth';
import type { AccountsService } from './accounts.service';

export function authRoutes(app: App, accounts: AccountsService, secureCookies: boolean) {
  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Log in: sets the httpOnly session cookie and the CSRF cookie',
        body: loginBody,
        response: { 200: z.object({ user: userSchema }) },
      },
    },
    async (req, reply) => {
      const { token, csrfToken, user } = await accounts.login(req.actor(), req.body.username, req.body.password);
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(secureCookies, true));
      reply.setCookie(CSRF_COOKIE, csrfToken, cookieOptions(secureCookies, false));
      return { user };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Log out: ends the session', response: { 204: z.null() } } },
    async (req, reply) => {
      await accounts.logout(req.actor(), req.cookies[SESSION_COOKIE] ?? '');
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'The logged-in user', response: { 200: z.object({ user: userSchema }) } } },
    async (req) => ({ user: await accounts.me(req.actor()) }),
  );
}
