import { z } from 'zod';
import { idParams, pageOf } from '../../../../common/schemas/common';
import { duplicateErrorSchema, mergeBody } from '../../../../common/schemas/organizations';
import {
  createPersonBody,
  personDetailSchema,
  personDuplicatesBody,
  personDuplicatesResponse,
  personListQuery,
  personSchema,
  unmaskedPersonSchema,
  updatePersonBody,
} from '../../../../common/schemas/people';
import type { App } from '../../lib/app-type';
import type { PeopleService } from './people.service';

const tags = ['directory'];

export function peopleRoutes(app: App, people: PeopleService) {
  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'People within the actor’s scope (phone and e-mail masked)',
        querystring: personListQuery,
        response: { 200: pageOf(personSchema) },
      },
    },
    (req) => people.list(req.actor(), req.query),
  );
  app.get(
    '/api/people/:id',
    { schema: { tags, summary: 'One person (masked) with affiliations and memberships', params: idParams, response: { 200: personDetailSchema } } },
    (req) => people.get(req.actor(), req.params.id),
  );
  app.post(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'Create a person (409 DUPLICATE with candidates unless force)',
        body: createPersonBody,
        response: { 201: personDetailSchema, 409: duplicateErrorSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await people.create(req.actor(), req.body)),
  );
  app.patch(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'Change a person; `affiliations` replaces the set',
        params: idParams,
        body: updatePersonBody,
        response: { 200: personDetailSchema },
      },
    },
    (req) => people.update(req.actor(), req.params.id, req.body),
  );
  app.delete(
    '/api/people/:id',
    { schema: { tags, summary: 'Delete a person', params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await people.remove(req.actor(), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/people/:id/unmask',
    {
      schema: {
        tags,
        summary: 'Clear phone, e-mail (and political affiliation where permitted); audited',
        params: idParams,
        response: { 200: unmaskedPersonSchema },
      },
    },
    (req) => people.unmask(req.actor(), req.params.id),
  );
  app.post(
    '/api/people/duplicates',
    {
      schema: {
        tags,
        summary: 'Likely duplicates of a person: same name at the same organisation, same phone, same name',
        body: personDuplicatesBody,
        response: { 200: personDuplicatesResponse },
      },
    },
    (req) => people.duplicates(req.actor(), req.body),
  );
  app.post(
    '/api/people/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge another person (sourceId) into this one; the source is deleted',
        params: idParams,
        body: mergeBody,
        response: { 200: personDetailSchema },
      },
    },
    (req) => people.merge(req.actor(), req.params.id, req.body.sourceId),
  );
}
