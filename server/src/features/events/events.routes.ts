import { z } from 'zod';
import { idParams, pageOf } from '../../../../common/schemas/common';
import {
  agreementInput,
  agreementListQuery,
  agreementReviewBody,
  agreementRowSchema,
  agreementSchema,
  checkInBody,
  checkInResult,
  confirmationSchema,
  createEventBody,
  eventDetailSchema,
  eventListQuery,
  eventSummarySchema,
  publicEventSchema,
  registerBody,
  registrationListQuery,
  registrationParams,
  registrationSchema,
  registrationStatusBody,
  updateEventBody,
  venueCodeBody,
  walkInBody,
} from '../../../../common/schemas/events';
import type { App } from '../../lib/app-type';
import { eventsIcs } from './events-ics';
import { eventReportDocx } from './events-report';
import { eventsXlsx, registrationsCsv, registrationsXlsx } from './events-export';
import type { EventService } from './events.service';

const tags = ['events'];
const pub = { public: true };
const codeParams = z.object({ code: z.string().trim().min(4).max(64) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (ascii: string, chinese: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;

export function eventsRoutes(app: App, events: EventService) {
  app.get(
    '/api/events',
    { schema: { tags, summary: 'Events within the actor’s scope', querystring: eventListQuery, response: { 200: pageOf(eventSummarySchema) } } },
    (req) => events.list(req.actor(), req.query),
  );
  app.get('/api/events/export.xlsx', { schema: { tags, summary: 'The events of the list filters as XLSX', querystring: eventListQuery } }, async (req, reply) => {
    const rows = await events.listAll(req.actor(), req.query);
    return reply.header('content-type', XLSX).header('content-disposition', attachment('events.xlsx', '活动.xlsx')).send(eventsXlsx(rows));
  });
  app.post(
    '/api/events',
    { schema: { tags, summary: 'Create an event with its hosts, venues, topic groups, people, agreements and figures', body: createEventBody, response: { 201: eventDetailSchema } } },
    async (req, reply) => reply.code(201).send(await events.create(req.actor(), req.body)),
  );
  app.get('/api/events/:id', { schema: { tags, params: idParams, response: { 200: eventDetailSchema } } }, (req) => events.get(req.actor(), req.params.id));
  app.patch('/api/events/:id', { schema: { tags, params: idParams, body: updateEventBody, response: { 200: eventDetailSchema } } }, (req) =>
    events.update(req.actor(), req.params.id, req.body),
  );
  app.delete('/api/events/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await events.remove(req.actor(), req.params.id);
    return reply.code(204).send();
  });
  app.get('/api/events/:id/report.docx', { schema: { tags, summary: 'The one-page event report (DOCX), from the records', params: idParams } }, async (req, reply) => {
    const event = await events.get(req.actor(), req.params.id);
    const docx = await eventReportDocx(event);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', attachment('event-report.docx', `${event.title}-活动报告.docx`))
      .send(docx);
  });
  app.post(
    '/api/events/:id/next',
    { schema: { tags, summary: 'Create the next occurrence of the series (next September, or the next number)', params: idParams, response: { 201: eventDetailSchema } } },
    async (req, reply) => reply.code(201).send(await events.createNext(req.actor(), req.params.id)),
  );
  app.post(
    '/api/events/:id/agreements',
    { schema: { tags, summary: 'Record an agreement signed at the event', params: idParams, body: agreementInput, response: { 201: agreementSchema } } },
    async (req, reply) => reply.code(201).send(await events.addAgreement(req.actor(), req.params.id, req.body)),
  );
  app.get(
    '/api/agreements',
    { schema: { tags, summary: 'The agreements register (scoped like the events they were signed at)', querystring: agreementListQuery, response: { 200: pageOf(agreementRowSchema) } } },
    (req) => events.listAgreements(req.actor(), req.query),
  );
  app.patch(
    '/api/agreements/:id/review',
    { schema: { tags, summary: 'Record the six-month follow-up review', params: idParams, body: agreementReviewBody, response: { 200: agreementSchema } } },
    (req) => events.setAgreementReview(req.actor(), req.params.id, req.body.review),
  );
  app.get(
    '/api/events/:id/registrations',
    { schema: { tags, params: idParams, querystring: registrationListQuery, response: { 200: pageOf(registrationSchema) } } },
    (req) => events.registrations(req.actor(), req.params.id, req.query),
  );
  app.get('/api/events/:id/registrations.xlsx', { schema: { tags, summary: 'Registrations and attendance (phones masked)', params: idParams } }, async (req, reply) => {
    const { event, rows } = await events.registrationRows(req.actor(), req.params.id);
    return reply.header('content-type', XLSX).header('content-disposition', attachment('registrations.xlsx', `${event.title}-报名签到.xlsx`)).send(registrationsXlsx(rows));
  });
  app.get('/api/events/:id/registrations.csv', { schema: { tags, summary: 'Registrations and attendance as CSV (phones masked)', params: idParams } }, async (req, reply) => {
    const { event, rows } = await events.registrationRows(req.actor(), req.params.id);
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachment('registrations.csv', `${event.title}-报名签到.csv`)).send(registrationsCsv(rows));
  });
  app.patch(
    '/api/events/:id/registrations/:registrationId',
    { schema: { tags, summary: 'Approve or cancel a registration', params: registrationParams, body: registrationStatusBody, response: { 200: registrationSchema } } },
    (req) => events.setRegistrationStatus(req.actor(), req.params.id, req.params.registrationId, req.body.status),
  );
  app.post(
    '/api/events/:id/check-in',
    { schema: { tags, summary: 'Check a personal code in at the desk (typed or scanned)', params: idParams, body: checkInBody, response: { 200: checkInResult } } },
    (req) => events.checkIn(req.actor(), req.params.id, req.body.code),
  );
  app.post(
    '/api/events/:id/walk-ins',
    { schema: { tags, summary: 'A walk-in, checked in at once if the venue has a seat', params: idParams, body: walkInBody, response: { 201: registrationSchema } } },
    async (req, reply) => reply.code(201).send(await events.walkIn(req.actor(), req.params.id, req.body)),
  );

  // ------------------------------------------------------------------ public (no session)
  app.get('/api/public/events', { config: pub, schema: { tags, summary: 'The public calendar', response: { 200: z.array(eventSummarySchema) } } }, () =>
    events.publicCalendar(),
  );
  app.get('/api/public/events/:id', { config: pub, schema: { tags, params: idParams, response: { 200: publicEventSchema } } }, (req) => events.publicEvent(req.params.id));
  app.post(
    '/api/public/events/:id/registrations',
    { config: pub, schema: { tags, summary: 'Register for a venue (rate-limited per address)', params: idParams, body: registerBody, response: { 201: confirmationSchema } } },
    async (req, reply) => reply.code(201).send(await events.register(req.params.id, req.body, req.ip)),
  );
  app.get('/api/public/registrations/:code', { config: pub, schema: { tags, params: codeParams, response: { 200: confirmationSchema } } }, (req) =>
    events.confirmationByCode(req.params.code),
  );
  app.post('/api/public/registrations/:code/cancel', { config: pub, schema: { tags, params: codeParams, response: { 200: confirmationSchema } } }, (req) =>
    events.cancelByCode(req.params.code),
  );
  app.post('/api/public/check-in', { config: pub, schema: { tags, summary: 'Self check-in: the venue poster’s code and the personal code', body: venueCodeBody, response: { 200: checkInResult } } }, (req) =>
    events.selfCheckIn(req.body.code, req.body.venueCode),
  );

  const sendIcs = async (reply: import('fastify').FastifyReply, name: string, rows: Awaited<ReturnType<EventService['feedEvents']>>) => {
    const venues = await events.venueNames(rows.map((r) => r.id));
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'no-cache').send(eventsIcs(name, rows, venues));
  };
  app.get('/api/events.ics', { config: pub, schema: { tags, summary: 'iCalendar feed of all public events' } }, async (_req, reply) =>
    sendIcs(reply, '同心 · 活动', await events.feedEvents({ kind: 'public' })),
  );
  app.get('/api/public/networks/:id/events.ics', { config: pub, schema: { tags, summary: 'iCalendar feed of a network’s public events', params: idParams } }, async (req, reply) =>
    sendIcs(reply, '同心 · 网络活动', await events.feedEvents({ kind: 'network', networkId: req.params.id })),
  );
  app.get('/api/public/registrations/:code/events.ics', { config: pub, schema: { tags, summary: 'iCalendar feed of a registrant’s events', params: codeParams } }, async (req, reply) =>
    sendIcs(reply, '同心 · 我的报名', await events.feedEvents({ kind: 'registration', code: req.params.code })),
  );
}
