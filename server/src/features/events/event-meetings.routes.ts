import { z } from 'zod';
import { idParams } from '../../../../common/schemas/common';
import { agendaItemBody, agendaItemPatch, agendaItemSchema, agendaSchema, releaseBody, releaseSchema } from '../../../../common/schemas/event-meetings';
import type { App } from '../../lib/app-type';
import type { MeetingService } from './event-meetings.service';

const tags = ['events'];

export function meetingsRoutes(app: App, meetings: MeetingService) {
  app.get(
    '/api/events/:id/agenda',
    { schema: { tags, summary: 'A problem-docking meeting’s agenda, and the open needs that may go on it', params: idParams, response: { 200: agendaSchema } } },
    (req) => meetings.agenda(req.actor(), req.params.id),
  );
  app.post(
    '/api/events/:id/agenda',
    { schema: { tags, summary: 'Record a need’s answer, owner and next deadline at the meeting; the step moves the need', params: idParams, body: agendaItemBody, response: { 201: agendaItemSchema } } },
    async (req, reply) => reply.code(201).send(await meetings.addAgendaItem(req.actor(), req.params.id, req.body)),
  );
  app.patch(
    '/api/events/:id/agenda/:itemId',
    {
      schema: {
        tags,
        summary: 'Change an agenda item’s answer, owner or next deadline; a new deadline replaces the reminder',
        params: z.object({ id: z.uuid(), itemId: z.uuid() }),
        body: agendaItemPatch,
        response: { 200: agendaItemSchema },
      },
    },
    (req) => meetings.updateAgendaItem(req.actor(), req.params.id, req.params.itemId, req.body),
  );
  app.get(
    '/api/events/:id/releases',
    { schema: { tags, summary: 'What a work-release meeting published', params: idParams, response: { 200: z.array(releaseSchema) } } },
    (req) => meetings.releases(req.actor(), req.params.id),
  );
  app.post(
    '/api/events/:id/releases',
    { schema: { tags, summary: 'Publish a release (title, body, attachments, the plan it releases)', params: idParams, body: releaseBody, response: { 201: releaseSchema } } },
    async (req, reply) => reply.code(201).send(await meetings.addRelease(req.actor(), req.params.id, req.body)),
  );
}
