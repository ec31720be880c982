import { idParams, pageOf } from '../../../../common/schemas/common';
import {
  createOrganizationBody,
  organizationListQuery,
  organizationSchema,
  updateOrganizationBody,
} from '../../../../common/schemas/organizations';
import type { App } from '../../lib/app-type';
import type { OrganizationService } from './organizations.service';

export function organizationRoutes(app: App, orgs: OrganizationService) {
  app.get(
    '/api/organizations',
    {
      schema: {
        tags: ['directory'],
        summary: 'Organisations within the actor’s scope: filter, sort, page',
        querystring: organizationListQuery,
        response: { 200: pageOf(organizationSchema) },
      },
    },
    (req) => orgs.list(req.actor(), req.query),
  );
  app.get(
    '/api/organizations/:id',
    { schema: { tags: ['directory'], params: idParams, response: { 200: organizationSchema } } },
    (req) => orgs.get(req.actor(), req.params.id),
  );
  app.post(
    '/api/organizations',
    { schema: { tags: ['directory'], body: createOrganizationBody, response: { 201: organizationSchema } } },
    async (req, reply) => reply.code(201).send(await orgs.create(req.actor(), req.body)),
  );
  app.patch(
    '/api/organizations/:id',
    { schema: { tags: ['directory'], params: idParams, body: updateOrganizationBody, response: { 200: organizationSchema } } },
    (req) => orgs.update(req.actor(), req.params.id, req.body),
  );
}
