import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf } from '../../../../common/schemas/common';
import {
  answerAssignmentBody,
  assignBody,
  calendarDaySchema,
  calendarQuery,
  createNeedBody,
  dayParams,
  deadlinePresetSchema,
  importCalendarBody,
  inboxSchema,
  inviteEnterpriseBody,
  matchCandidateSchema,
  matchQuery,
  matchWeightsSchema,
  needDetailSchema,
  needListQuery,
  needSchema,
  needStepBody,
  putCalendarDayBody,
  serviceRecordBody,
  similarNeedsQuery,
} from '../../../../common/schemas/needs';
import type { App } from '../../lib/app-type';
import { AppError } from '../../lib/errors';
import { pickLocale } from '../../lib/i18n';
import { MAX_ATTACHMENT_BYTES } from './need-attachments';
import type { NeedDeskService } from './needs-desk.service';
import type { NeedService } from './needs.service';

const tags = ['needs'];
const needAndChild = z.object({ id: z.uuid(), childId: z.uuid() });

export function needsRoutes(app: App, needs: NeedService, desk: NeedDeskService) {
  app.get(
    '/api/needs',
    { schema: { tags, summary: 'Needs the caller may see (enterprise: its own; expert: assigned; coordinator: scope)', querystring: needListQuery, response: { 200: pageOf(needSchema) } } },
    (req) => needs.list(req.actor(), req.query),
  );
  app.get('/api/needs/export', { schema: { tags, summary: 'The filtered needs as XLSX', querystring: needListQuery } }, async (req, reply) => {
    const file = await desk.exportXlsx(req.actor(), req.query, pickLocale(req.headers['accept-language']));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="needs.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('cache-control', 'no-store')
      .send(file.body);
  });
  app.get(
    '/api/needs/similar',
    { schema: { tags, summary: 'Open needs of the same enterprise sharing a word with the title (while typing)', querystring: similarNeedsQuery, response: { 200: z.array(needSchema) } } },
    (req) => needs.similar(req.actor(), req.query),
  );
  app.get('/api/needs/:id', { schema: { tags, params: idParams, response: { 200: needDetailSchema } } }, (req) => needs.get(req.actor(), req.params.id));
  app.post('/api/needs', { schema: { tags, summary: 'Submit a need (enterprise) or record one for an enterprise (coordinator)', body: createNeedBody, response: { 201: needSchema } } }, async (req, reply) =>
    reply.code(201).send(await needs.create(req.actor(), req.body)),
  );
  app.post(
    '/api/needs/:id/steps',
    { schema: { tags, summary: 'Take a workflow step (accept, reject, resolve, confirm, reopen, withdraw)', params: idParams, body: needStepBody, response: { 200: needSchema } } },
    (req) => needs.step(req.actor(), req.params.id, req.body),
  );
  app.post('/api/needs/:id/assignments', { schema: { tags, summary: 'Assign providers from the ranked list', params: idParams, body: assignBody, response: { 200: needSchema } } }, (req) =>
    needs.assign(req.actor(), req.params.id, req.body),
  );
  app.post(
    '/api/needs/:id/assignments/:childId/answer',
    { schema: { tags, summary: 'The assigned expert accepts, or declines with a reason', params: needAndChild, body: answerAssignmentBody, response: { 200: needSchema } } },
    (req) => needs.answer(req.actor(), req.params.id, req.params.childId, req.body),
  );
  app.post(
    '/api/needs/:id/service-records',
    { schema: { tags, summary: 'Record a service against the need', params: idParams, body: serviceRecordBody, response: { 201: z.object({ id: z.string() }) } } },
    async (req, reply) => reply.code(201).send(await needs.recordService(req.actor(), req.params.id, req.body)),
  );
  app.get(
    '/api/needs/:id/matches',
    {
      schema: {
        tags,
        summary: 'Ranked, explained providers for the need (factor by factor, term by term)',
        params: idParams,
        querystring: matchQuery,
        response: { 200: z.object({ items: z.array(matchCandidateSchema), weights: matchWeightsSchema, weightsVersion: z.number().nullable() }) },
      },
    },
    (req) => desk.matches(req.actor(), req.params.id, req.query),
  );
  app.get('/api/needs/:id/attachments/:childId', { schema: { tags, params: needAndChild } }, async (req, reply) => {
    const a = await desk.attachment(req.actor(), req.params.id, req.params.childId);
    return reply
      .header('content-type', a.mediaType)
      .header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(a.content);
  });

  app.get('/api/inbox', { schema: { tags, summary: 'Due today, assigned to me, escalated', response: { 200: inboxSchema } } }, (req) => desk.inbox(req.actor()));
  app.post('/api/inbox/:id/read', { schema: { tags, params: idParams } }, async (req, reply) => {
    await desk.markRead(req.actor(), req.params.id);
    return reply.code(204).send();
  });
  app.get('/api/needs-accounts/me', { schema: { tags, response: { 200: z.object({ organizationId: z.string().nullable(), personId: z.string().nullable() }) } } }, (req) =>
    desk.me(req.actor()),
  );
  app.post(
    '/api/needs-accounts/enterprise',
    { schema: { tags, summary: 'Invite an enterprise account bound to an organisation', body: inviteEnterpriseBody, response: { 201: z.object({ id: z.string(), username: z.string(), role: z.string() }) } } },
    async (req, reply) => reply.code(201).send(await desk.invite(req.actor(), 'enterprise', req.body)),
  );
  app.post(
    '/api/needs-accounts/expert',
    {
      schema: {
        tags,
        summary: 'Invite an expert account bound to a person',
        body: inviteEnterpriseBody.omit({ organizationId: true }).extend({ personId: z.uuid() }),
        response: { 201: z.object({ id: z.string(), username: z.string(), role: z.string() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await desk.invite(req.actor(), 'expert', req.body)),
  );

  app.get('/api/work-calendar', { schema: { tags, querystring: calendarQuery, response: { 200: z.array(calendarDaySchema) } } }, (req) => desk.calendar(req.query.year));
  app.put('/api/work-calendar', { schema: { tags, summary: 'Set one day: a holiday (working false) or a 调休 make-up day', body: putCalendarDayBody } }, async (req, reply) => {
    const { day, ...rest } = req.body;
    await desk.putCalendarDay(req.actor(), day, rest);
    return reply.code(204).send();
  });
  app.delete('/api/work-calendar/:day', { schema: { tags, params: dayParams } }, async (req, reply) => {
    await desk.deleteCalendarDay(req.actor(), req.params.day);
    return reply.code(204).send();
  });
  app.post('/api/work-calendar/import', { schema: { tags, summary: 'CSV: 日期,类型(休/班),名称', body: importCalendarBody, response: { 200: z.object({ imported: z.number() }) } } }, (req) =>
    desk.importCalendar(req.actor(), req.body.csv),
  );
  app.get('/api/need-deadline-presets', { schema: { tags, response: { 200: z.array(deadlinePresetSchema) } } }, () => desk.presets());
  app.put('/api/need-deadline-presets', { schema: { tags, body: deadlinePresetSchema } }, async (req, reply) => {
    await desk.putPreset(req.actor(), req.body);
    return reply.code(204).send();
  });
  app.get('/api/match-weights', { schema: { tags } }, (req) => desk.weights(req.actor()));
  app.put('/api/match-weights', { schema: { tags, body: matchWeightsSchema } }, (req) => desk.setWeights(req.actor(), req.body));

  // attachments: multipart only here, ≤ 20 MB, type checked by content
  void app.register(async (plugin) => {
    await plugin.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.post('/api/needs/:id/attachments', { schema: { tags, params: idParams, consumes: ['multipart/form-data'] } }, async (req, reply) => {
      const noFile = () => new AppError('VALIDATION', { fields: [{ path: 'file', message: '请选择文件 / choose a file' }] });
      if (!req.isMultipart()) throw noFile();
      const part = await req.file();
      if (!part) throw noFile();
      let data: Buffer;
      try {
        data = await part.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError('VALIDATION', { status: 413, fields: [{ path: 'file', message: '附件不能超过 20 MB / an attachment may be at most 20 MB' }] });
        throw e;
      }
      return reply.code(201).send(await desk.addAttachment(req.actor(), req.params.id, { fileName: part.filename || 'attachment', data }));
    });
  });
}
