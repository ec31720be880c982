import { z } from 'zod';
import { createUserBody, updateUserBody, userListQuery, userSchema } from '../../../../common/schemas/accounts';
import { idParams, pageOf } from '../../../../common/schemas/common';
import type { App } from '../../lib/app-type';
import type { AccountsService } from './accounts.service';

export function userRoutes(app: App, accounts: AccountsService) {
  app.get(
    '/api/admin/users',
    { schema: { tags: ['admin'], summary: 'List users (admin)', querystring: userListQuery, response: { 200: pageOf(userSchema) } } },
    (req) => accounts.listUsers(req.actor(), req.query),
  );
  app.post(
    '/api/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a user with a role and scopes (admin)',
        body: createUserBody,
        response: { 201: z.object({ user: userSchema }) },
      },
    },
    async (req, reply) => reply.code(201).send({ user: await accounts.createUser(req.actor(), req.body) }),
  );
  app.patch(
    '/api/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change a user: name, password, role, scopes, disabled (admin)',
        params: idParams,
        body: updateUserBody,
        response: { 200: z.object({ user: userSchema }) },
      },
    },
    async (req) => ({ user: await accounts.updateUser(req.actor(), req.params.id, req.body) }),
  );
  app.post(
    '/api/admin/users/:id/unlock',
    {
      schema: {
        tags: ['admin'],
        summary: 'Let a user whose failed logins make them wait try again at once (admin)',
        params: idParams,
        response: { 200: z.object({ user: userSchema }) },
      },
    },
    async (req) => ({ user: await accounts.unlockUser(req.actor(), req.params.id) }),
  );
}
