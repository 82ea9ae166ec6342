import {
  sentMailDetailSchema,
  sentMailPageSchema,
  sentMailParamsSchema,
  sentMailQuerySchema,
} from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { NotificationsContext } from '../domain/context.ts';
import { getSentMail, listSentMail } from '../domain/sent-mail.ts';

/** The admin's Sent-mail page: what was e-mailed, to whom, when, and how it went. */
export function sentMailRoutes(app: ServiceApp, ctx: NotificationsContext): void {
  const admin = { preHandler: app.requireUser('admin') };
  app.get(
    '/api/notifications/sent',
    {
      ...admin,
      schema: {
        tags: ['notifications'],
        summary: 'E-mails sent, queued or failed, newest first (admin)',
        security: [{ bearer: [] }],
        querystring: sentMailQuerySchema,
        response: { 200: sentMailPageSchema },
      },
    },
    async (request) => listSentMail(ctx, request.query),
  );

  app.get(
    '/api/notifications/sent/:id',
    {
      ...admin,
      schema: {
        tags: ['notifications'],
        summary: 'One e-mail with its HTML and text (secret links redacted outside the local demo)',
        security: [{ bearer: [] }],
        params: sentMailParamsSchema,
        response: { 200: sentMailDetailSchema },
      },
    },
    async (request) => getSentMail(ctx, request.params.id),
  );
}
