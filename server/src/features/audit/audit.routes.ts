import { auditEntrySchema, auditQuery } from '../../../../common/schemas/accounts';
import { pageOf } from '../../../../common/schemas/common';
import type { App } from '../../lib/app-type';
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
}
