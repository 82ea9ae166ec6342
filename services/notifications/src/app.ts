import { fileURLToPath } from 'node:url';
import type { HandlerDefinition } from '@tourconnect/events';
import { bootService, identityTokens, type ServiceApp, type ServiceDeps } from '@tourconnect/service-kit';
import type { NotificationsSettings } from './config.ts';
import { serviceTables } from './db/service-tables.ts';
import type { NotificationsContext } from './domain/context.ts';
import { createLinkSealer } from './domain/link-sealer.ts';
import { createMailSender, type MailSender } from './domain/mail-sender.ts';
import { requeueFailedEmail } from './domain/requeue-email.ts';
import { bookingCancelledHandler } from './events/booking-cancelled.handler.ts';
import { bookingConfirmedHandler } from './events/booking-confirmed.handler.ts';
import { bookingExpiredHandler } from './events/booking-expired.handler.ts';
import { bookingHeldHandler, bookingHeldPartnersHandler } from './events/booking-held.handler.ts';
import { paymentSucceededHandler } from './events/payment-succeeded.handler.ts';
import { payoutPaidHandler } from './events/payout-paid.handler.ts';
import { refundIssuedHandler } from './events/refund-issued.handler.ts';
import { emailChangeRequestedHandler } from './events/email-change-requested.handler.ts';
import { emailVerificationRequestedHandler } from './events/email-verification-requested.handler.ts';
import { invitationSentHandler } from './events/invitation-sent.handler.ts';
import { partnerDeletedHandler } from './events/partner-deleted.handler.ts';
import { partnerOwnerChangedHandler } from './events/partner-owner-changed.handler.ts';
import { partnerRegisteredHandler } from './events/partner-registered.handler.ts';
import { partnerRejectedHandler } from './events/partner-rejected.handler.ts';
import { partnerSubmittedHandler } from './events/partner-submitted.handler.ts';
import { partnerSuspendedHandler } from './events/partner-suspended.handler.ts';
import { partnerVerifiedHandler } from './events/partner-verified.handler.ts';
import { passwordResetRequestedHandler } from './events/password-reset-requested.handler.ts';
import { userDeletedHandler } from './events/user-deleted.handler.ts';
import { userEmailChangedHandler } from './events/user-email-changed.handler.ts';
import { userLockedHandler } from './events/user-locked.handler.ts';
import { userProfileUpdatedHandler } from './events/user-profile-updated.handler.ts';
import { userRegisteredHandler } from './events/user-registered.handler.ts';
import { userSignupAttemptedHandler } from './events/user-signup-attempted.handler.ts';
import { createSmtpMailer } from './mail/mailer.ts';
import { sentMailRoutes } from './routes/sent-mail.routes.ts';

export { settingsSchema, configSchema, loadConfig, type NotificationsSettings } from './config.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));

/** The durable name the sender's dead letters carry (the admin's dead-letter view shows it). */
export const MAIL_SENDER_DURABLE = 'notifications-mail-sender';

function handlers(ctx: NotificationsContext): HandlerDefinition[] {
  return [
    userRegisteredHandler(),
    userEmailChangedHandler(),
    userProfileUpdatedHandler(),
    userDeletedHandler(),
    emailVerificationRequestedHandler(ctx),
    passwordResetRequestedHandler(ctx),
    emailChangeRequestedHandler(ctx),
    userSignupAttemptedHandler(ctx),
    userLockedHandler(ctx),
    invitationSentHandler(ctx),
    partnerRegisteredHandler(),
    partnerOwnerChangedHandler(),
    partnerSubmittedHandler(ctx),
    partnerVerifiedHandler(ctx),
    partnerRejectedHandler(ctx),
    partnerSuspendedHandler(ctx),
    partnerDeletedHandler(ctx),
    bookingHeldHandler(ctx),
    bookingHeldPartnersHandler(ctx),
    bookingConfirmedHandler(ctx),
    bookingCancelledHandler(ctx),
    bookingExpiredHandler(ctx),
    paymentSucceededHandler(ctx),
    refundIssuedHandler(ctx),
    payoutPaidHandler(ctx),
  ];
}

/**
 * The notifications service: consumers turn events into queued, rendered e-mails (in the
 * consumer's transaction), the mail sender drains that queue over SMTP with retries, and the
 * admin API shows what was sent. The sender starts with the app and stops before the pool closes.
 */
export async function buildNotificationsService(deps: ServiceDeps<NotificationsSettings>): Promise<ServiceApp> {
  const { settings, database } = deps;
  const sealer = createLinkSealer(settings.MAIL_LINK_KEY);
  let sender: MailSender | undefined;
  return bootService({
    name: 'notifications',
    deps,
    migrationsFolder: MIGRATIONS_FOLDER,
    tables: serviceTables,
    auth: identityTokens(settings, deps.keys),
    http: {
      openapi: {
        title: 'TourConnect notifications',
        description:
          'Localized e-mails sent over SMTP for account, partner and booking events, and the record of each.',
      },
    },
    register(app, { bus, publish }) {
      const ctx: NotificationsContext = {
        db: database.db,
        publish,
        settings,
        sealer,
        wakeSender: () => sender?.wake(),
      };
      for (const handler of handlers(ctx)) bus.handle(handler);
      const failedMail = bus.deadLetterQueue(MAIL_SENDER_DURABLE, (letter) => requeueFailedEmail(ctx, letter));
      const senderLog = app.log.child({ component: 'mail-sender' });
      const mailSender = createMailSender(
        ctx,
        { mailer: createSmtpMailer(settings), deadLetters: failedMail, logger: senderLog },
        senderLog,
      );
      sender = mailSender;
      app.addHook('onReady', async () => mailSender.start());
      // preClose runs before every onClose hook, among them the bus's that closes the pool, so
      // the e-mails in hand finish on an open pool whatever order the onClose hooks take.
      app.addHook('preClose', async () => mailSender.stop());
      sentMailRoutes(app, ctx);
      if (!settings.MAIL_LINK_KEY) {
        app.log.warn(
          'No MAIL_LINK_KEY: secret links of e-mails queued now can only be sent by this process (set one key on every replica)',
        );
      }
    },
  });
}
