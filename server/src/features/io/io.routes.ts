import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import {
  errorReportParams,
  exportParams,
  exportQuery,
  importCheckSchema,
  importInvalidSchema,
  importQuery,
  importResultSchema,
  ioKindParams,
  type IoKind,
} from '../../../../common/schemas/io';
import type { App } from '../../lib/app-type';
import { AppError } from '../../lib/errors';
import { kindTitles } from './io-columns';
import { clientSignal } from './io-reader';
import { exportFileNames } from './io-export.service';
import type { IoService, UploadedFile } from './io.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_UPLOAD = 50 * 1024 * 1024;

function sendFile(reply: FastifyReply, names: { ascii: string; chinese: string }, contentType: string, body: Buffer | Readable) {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${names.ascii}"; filename*=UTF-8''${encodeURIComponent(names.chinese)}`)
    .header('cache-control', 'no-store')
    .send(body);
}

const noFile = () =>
  new AppError('VALIDATION', {
    fields: [{ path: 'file', message: '请选择要导入的 .xlsx 或 .csv 文件 / choose a file' }],
    userMessage: { zh: '请选择要导入的 .xlsx 或 .csv 文件', en: 'Choose an .xlsx or .csv file to import' },
  });

/** The uploaded file (multipart field `file`), read into memory (≤ 50 MB). */
async function upload(req: FastifyRequest, reply: FastifyReply): Promise<UploadedFile> {
  if (!req.isMultipart()) throw noFile();
  const part = await req.file();
  if (!part) throw noFile();
  try {
    return { fileName: part.filename || 'upload', data: await part.toBuffer(), signal: clientSignal(reply) };
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('VALIDATION', {
        status: 413,
        fields: [{ path: 'file', message: '文件超过 50 MB，请拆分后分批导入 / file larger than 50 MB' }],
        userMessage: { zh: '文件超过 50 MB，请拆分后分批导入', en: 'The file is larger than 50 MB: split it' },
      });
    }
    throw e;
  }
}

export function ioRoutes(app: App, service: IoService) {
  // multipart parsing only where files are uploaded
  void app.register(async (plugin) => {
    await plugin.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 1 } });
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['directory'];

    scope.get(
      '/api/io/templates/:kind',
      { schema: { tags, summary: 'XLSX import template with Chinese headers, an example row and a 说明 sheet', params: ioKindParams } },
      async (req, reply) => {
        const kind: IoKind = req.params.kind;
        const names = { ascii: `${kind}-template.xlsx`, chinese: `${kindTitles[kind]}导入模板.xlsx` };
        return sendFile(reply, names, XLSX, await service.template(kind));
      },
    );

    scope.post(
      '/api/io/import/:kind',
      {
        schema: {
          tags,
          summary: 'Import an .xlsx or .csv (multipart field file); mode=all lands nothing unless every row is good',
          consumes: ['multipart/form-data'],
          params: ioKindParams,
          querystring: importQuery,
          response: { 200: importResultSchema, 422: importInvalidSchema },
        },
      },
      async (req, reply) => {
        // a bad row with mode=all: 422 IMPORT_INVALID with { report } (ImportInvalidError)
        return service.importFile(req.actor(), req.params.kind, await upload(req, reply), { mode: req.query.mode, existing: req.query.existing });
      },
    );

    scope.post(
      '/api/io/import/:kind/check',
      {
        schema: {
          tags,
          summary: 'Validate an upload and list likely duplicates, without writing',
          consumes: ['multipart/form-data'],
          params: ioKindParams,
          response: { 200: importCheckSchema, 422: importInvalidSchema },
        },
      },
      async (req, reply) => {
        // a missing required column: 422 IMPORT_INVALID with { report }
        return service.checkFile(req.actor(), req.params.kind, await upload(req, reply));
      },
    );

    scope.get(
      '/api/io/error-report/:token',
      { schema: { tags, summary: 'The bad rows of an import with a 错误 column (7 days, same user)', params: errorReportParams } },
      async (req, reply) => {
        const report = await service.errorReport(req.actor(), req.params.token);
        return sendFile(reply, { ascii: 'import-errors.xlsx', chinese: report.fileName }, XLSX, report.body);
      },
    );

    scope.get(
      '/api/io/export/:file',
      {
        schema: {
          tags,
          summary: 'Export organizations|people|memberships as .xlsx or .csv with the list filters, scope and masking',
          params: exportParams,
          querystring: exportQuery,
        },
      },
      async (req, reply) => {
        const [kind, format] = req.params.file.split('.') as [IoKind, 'xlsx' | 'csv'];
        const file = await service.exportFile(req.actor(), kind, format, req.query);
        return sendFile(reply, { ascii: exportFileNames(kind, format).ascii, chinese: file.fileName }, file.contentType, file.body);
      },
    );
  });
}
