import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageQuery } from '../../../../common/schemas/common';
import {
  confirmReportBody,
  confirmResultSchema,
  createReportBody,
  reportDetailSchema,
  reportListSchema,
  sourcesQuery,
  sourcesResponse,
} from '../../../../common/schemas/reports';
import type { App } from '../../lib/app-type';
import { badInput, uploaded } from './ingest.routes';
import { extractReportText } from './ingest';
import { readReportFile } from './input';
import type { ReportsService } from './reports.service';

const idParams = z.object({ id: z.uuid() });

export function reportsRoutes(app: App, service: ReportsService) {
  app.get(
    '/api/reports',
    { schema: { tags: ['reports'], summary: 'The reports kept (newest first), within the actor’s districts', querystring: pageQuery, response: { 200: reportListSchema } } },
    async (req) => service.list(req.actor(), req.query),
  );
  app.get(
    '/api/reports/:id',
    { schema: { tags: ['reports'], summary: 'A report with its cleaned text and extraction', params: idParams, response: { 200: reportDetailSchema } } },
    async (req) => service.get(req.actor(), req.params.id),
  );
  app.post(
    '/api/reports/:id/confirm',
    {
      schema: {
        tags: ['reports'],
        summary: 'Create the reviewed records (event, organisations, people, agreements, figures) in one transaction; once per report',
        params: idParams,
        body: confirmReportBody,
        response: { 200: confirmResultSchema },
      },
    },
    async (req) => service.confirm(req.actor(), req.params.id, req.body),
  );
  app.get(
    '/api/sources',
    { schema: { tags: ['reports'], summary: 'The reports a record came from (来源), with their quotes', querystring: sourcesQuery, response: { 200: sourcesResponse } } },
    async (req) => service.sources(req.actor(), req.query.entityType, req.query.entityId),
  );
  void app.register(async (plugin) => {
    await plugin.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.post(
      '/api/reports',
      {
        schema: {
          tags: ['reports'],
          summary: 'Keep a report (JSON { text } or multipart field file) with its extraction, as a draft to review',
          consumes: ['application/json', 'multipart/form-data'],
          response: { 200: reportDetailSchema },
        },
      },
      async (req) => {
        const actor = req.actor();
        if (req.isMultipart()) {
          const file = await uploaded(req);
          return service.create(actor, { original: file.data, fileName: file.fileName, extraction: await readReportFile(file) });
        }
        const body = createReportBody.safeParse(req.body);
        if (!body.success) throw badInput('请粘贴报道全文', 'Paste the text of the report', 'text');
        return service.create(actor, { original: Buffer.from(body.data.text, 'utf8'), fileName: body.data.fileName ?? null, extraction: extractReportText(body.data.text) });
      },
    );
  });
}
