import { z } from 'zod';
import { idParams, pageOf } from '../../../../common/schemas/common';
import {
  createOrganizationBody,
  duplicateErrorSchema,
  mergeBody,
  organizationDetailSchema,
  organizationDuplicatesBody,
  organizationDuplicatesResponse,
  organizationListQuery,
  organizationSchema,
  updateOrganizationBody,
} from '../../../../common/schemas/organizations';
import type { App } from '../../lib/app-type';
import type { OrganizationService } from './organizations.service';

const tags = ['directory'];

export function organizationRoutes(app: App, orgs: OrganizationService) {
  app.get(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: 'Organisations within the actor’s scope: filter, sort, page',
        querystring: organizationListQuery,
        response: { 200: pageOf(organizationSchema) },
      },
    },
    (req) => orgs.list(req.actor(), req.query),
  );
  app.get(
    '/api/organizations/:id',
    { schema: { tags, summary: 'One organisation with its people and memberships', params: idParams, response: { 200: organizationDetailSchema } } },
    (req) => orgs.get(req.actor(), req.params.id),
  );
  app.post(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: 'Create an organisation (409 DUPLICATE with candidates unless force)',
        body: createOrganizationBody,
        response: { 201: organizationDetailSchema, 409: duplicateErrorSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await orgs.create(req.actor(), req.body)),
  );
  app.patch(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Change an organisation',
        params: idParams,
        body: updateOrganizationBody,
        response: { 200: organizationDetailSchema, 409: duplicateErrorSchema },
      },
    },
    (req) => orgs.update(req.actor(), req.params.id, req.body),
  );
  app.delete(
    '/api/organizations/:id',
    { schema: { tags, summary: 'Delete an organisation', params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await orgs.remove(req.actor(), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/organizations/duplicates',
    {
      schema: {
        tags,
        summary: 'Likely duplicates of an organisation: same credit code, name, alias or a near name',
        body: organizationDuplicatesBody,
        response: { 200: organizationDuplicatesResponse },
      },
    },
    (req) => orgs.duplicates(req.actor(), req.body),
  );
  app.post(
    '/api/organizations/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge another organisation (sourceId) into this one; the source is deleted',
        params: idParams,
        body: mergeBody,
        response: { 200: organizationDetailSchema },
      },
    },
    (req) => orgs.merge(req.actor(), req.params.id, req.body.sourceId),
  );
}
