import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { extractionSchema, extractTextBodySchema, linkBodySchema, linkResultSchema } from '../../../../common/schemas/ingest';
import type { App } from '../../lib/app-type';
import { AppError } from '../../lib/errors';
import type { IngestService } from './ingest.service';
import { reportFileType, UnsupportedReportFile } from './input';

const MAX_UPLOAD = 10 * 1024 * 1024;

export const badInput = (zh: string, en: string, path = 'file') =>
  new AppError('VALIDATION', { fields: [{ path, message: `${zh} / ${en}` }], userMessage: { zh, en } });

export async function uploaded(req: FastifyRequest) {
  const part = await req.file();
  if (!part) throw badInput('请选择 .txt、.html 或 .docx 文件', 'Choose a .txt, .html or .docx file');
  try {
    const file = { fileName: part.filename || 'report.txt', data: await part.toBuffer() };
    if (!reportFileType(file)) throw new UnsupportedReportFile(file.fileName);
    return file;
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw badInput('文件超过 10 MB', 'The file is larger than 10 MB');
    if (e instanceof UnsupportedReportFile) throw badInput('只支持 .txt、.html 和 .docx 文件', 'Only .txt, .html and .docx files are supported');
    throw e;
  }
}

export function ingestRoutes(app: App, service: IngestService) {
  app.post(
    '/api/reports/link',
    {
      schema: {
        tags: ['reports'],
        summary: 'Match extracted organisations and people to the directory (exact, alias, near) or propose them as new',
        body: linkBodySchema,
        response: { 200: linkResultSchema },
      },
    },
    async (req) => service.link(req.actor(), req.body),
  );
  void app.register(async (plugin) => {
    await plugin.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 1 } });
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.post(
      '/api/reports/extract',
      {
        schema: {
          tags: ['reports'],
          summary: 'Extract the records a news report states: JSON { text } or multipart field file (.txt, .html, .docx)',
          consumes: ['application/json', 'multipart/form-data'],
          response: { 200: extractionSchema },
        },
      },
      async (req) => {
        if (req.isMultipart()) return service.extractFile(req.actor(), await uploaded(req));
        const body = extractTextBodySchema.safeParse(req.body);
        if (!body.success) throw badInput('请粘贴报道全文', 'Paste the text of the report', 'text');
        return service.extractText(req.actor(), body.data.text);
      },
    );
  });
}
