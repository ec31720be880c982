import { auditEntrySchema, auditFilterQuery, auditQuery } from '../../../../common/schemas/accounts';
import { pageOf } from '../../../../common/schemas/common';
import type { App } from '../../lib/app-type';
import { pickLocale } from '../../lib/i18n';
import type { AuditService } from './audit.service';

export function auditRoutes(app: App, audit: AuditService) {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log (admin): who changed what, when and from where; personal data masked',
        querystring: auditQuery,
        response: { 200: pageOf(auditEntrySchema) },
      },
    },
    (req) => audit.list(req.actor(), req.query),
  );

  app.get(
    '/api/audit/export',
    {
      schema: {
        tags: ['audit'],
        summary: 'The filtered audit log as XLSX (admin), labels in the request language, masked like the log; audit-logged',
        querystring: auditFilterQuery,
      },
    },
    async (req, reply) => {
      const file = await audit.exportXlsx(req.actor(), req.query, pickLocale(req.headers['accept-language']));
      const ascii = file.fileName.replace(/^审计日志/, 'audit-log');
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
}
