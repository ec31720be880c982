import { idParams, pageOf } from '../../../../common/schemas/common';
import {
  addMemberBody,
  createNetworkBody,
  membershipParams,
  membershipSchema,
  networkDetailSchema,
  networkListQuery,
  networkSchema,
  networkTreeSchema,
  updateMemberBody,
  updateNetworkBody,
} from '../../../../common/schemas/networks';
import type { App } from '../../lib/app-type';
import type { NetworkService } from './networks.service';

const tags = ['directory'];

export function networksRoutes(app: App, networks: NetworkService) {
  app.get(
    '/api/networks',
    {
      schema: {
        tags,
        summary: 'Networks within the actor’s scope, with current member counts by tier',
        querystring: networkListQuery,
        response: { 200: pageOf(networkSchema) },
      },
    },
    (req) => networks.list(req.actor(), req.query),
  );
  app.get(
    '/api/networks/tree',
    { schema: { tags, summary: 'How the networks the actor sees nest ("1+36+N")', response: { 200: networkTreeSchema } } },
    (req) => networks.tree(req.actor()),
  );
  app.get(
    '/api/networks/:id',
    {
      schema: {
        tags,
        summary: 'A network with its current members, sub-networks and the history of who joined and left',
        params: idParams,
        response: { 200: networkDetailSchema },
      },
    },
    (req) => networks.get(req.actor(), req.params.id),
  );
  app.post(
    '/api/networks',
    { schema: { tags, body: createNetworkBody, response: { 201: networkDetailSchema } } },
    async (req, reply) => reply.code(201).send(await networks.create(req.actor(), req.body)),
  );
  app.patch(
    '/api/networks/:id',
    { schema: { tags, params: idParams, body: updateNetworkBody, response: { 200: networkDetailSchema } } },
    (req) => networks.update(req.actor(), req.params.id, req.body),
  );
  app.delete(
    '/api/networks/:id',
    { schema: { tags, summary: 'Delete a network (refused while it has sub-networks)', params: idParams } },
    async (req, reply) => {
      await networks.remove(req.actor(), req.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/networks/:id/members',
    { schema: { tags, params: idParams, body: addMemberBody, response: { 201: membershipSchema } } },
    async (req, reply) => reply.code(201).send(await networks.addMember(req.actor(), req.params.id, req.body)),
  );
  app.patch(
    '/api/networks/:id/members/:membershipId',
    {
      schema: {
        tags,
        summary: 'Change tier or role, or leave (leftOn); a tier change from today opens a new term and returns it',
        params: membershipParams,
        body: updateMemberBody,
        response: { 200: membershipSchema },
      },
    },
    (req) => networks.updateMember(req.actor(), req.params.id, req.params.membershipId, req.body),
  );
}
