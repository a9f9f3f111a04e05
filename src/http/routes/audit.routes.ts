import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AuditService } from '../../services/audit/audit.service.js';
import { callerOf } from '../auth.js';
import { pageOf, presentPage } from '../schemas.js';
import { auditEntrySchema, auditListQuery, presentAuditEntry, toAuditQuery } from './audit.dto.js';

/** The audit log, read-only. */
export function auditRoutes(audit: AuditService): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/audit',
      {
        config: { permission: 'audit:read' },
        schema: {
          tags: ['Audit log'],
          summary: 'Audit entries in scope, newest first',
          querystring: auditListQuery,
          response: { 200: pageOf(auditEntrySchema) },
        },
      },
      async (request) =>
        presentPage(await audit.list(callerOf(request), toAuditQuery(request.query), request.query), presentAuditEntry),
    );
    done();
  };
}
