import { z } from 'zod';
import { idParams } from '../../../../common/schemas/common';
import {
  createIndustryBody,
  industryChainQuery,
  industryChainSchema,
  industryLinkBody,
  industryLinkSchema,
  industryListSchema,
  industrySchema,
  moveIndustryBody,
  updateIndustryBody,
} from '../../../../common/schemas/industries';
import type { App } from '../../lib/app-type';
import type { IndustryService } from './industries.service';

const tags = ['directory'];

export function industriesRoutes(app: App, industries: IndustryService) {
  app.get(
    '/api/industries',
    { schema: { tags, summary: 'The whole industry taxonomy with upstream/downstream links', response: { 200: industryListSchema } } },
    (req) => industries.list(req.actor()),
  );
  app.get(
    '/api/industries/chain',
    {
      schema: {
        tags,
        summary: 'The industry chain as a graph (nodes with organisations and chain leaders, upstream → downstream links)',
        querystring: industryChainQuery,
        response: { 200: industryChainSchema },
      },
    },
    (req) => industries.chain(req.actor(), req.query.industryId),
  );
  app.post(
    '/api/industries/links',
    { schema: { tags, summary: 'Link upstream → downstream (admin); a loop is refused', body: industryLinkBody, response: { 201: industryLinkSchema } } },
    async (req, reply) => reply.code(201).send(await industries.addLink(req.actor(), req.body)),
  );
  app.delete(
    '/api/industries/links',
    { schema: { tags, summary: 'Remove the link upstream → downstream (admin)', querystring: industryLinkBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await industries.removeLink(req.actor(), req.query);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/industries',
    { schema: { tags, summary: 'Add an industry (admin)', body: createIndustryBody, response: { 201: industrySchema } } },
    async (req, reply) => reply.code(201).send(await industries.create(req.actor(), req.body)),
  );
  app.patch(
    '/api/industries/:id',
    { schema: { tags, params: idParams, body: updateIndustryBody, response: { 200: industrySchema } } },
    (req) => industries.update(req.actor(), req.params.id, req.body),
  );
  app.delete('/api/industries/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await industries.remove(req.actor(), req.params.id);
    return reply.code(204).send();
  });
  app.post(
    '/api/industries/:id/move',
    {
      schema: {
        tags,
        summary: 'Move an industry one place up or down among its siblings (admin)',
        params: idParams,
        body: moveIndustryBody,
        response: { 200: industrySchema },
      },
    },
    (req) => industries.move(req.actor(), req.params.id, req.body.direction),
  );
}
