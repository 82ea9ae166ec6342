import { z } from 'zod';

// The notifications service's admin API (the portal's Sent-mail page): what was e-mailed to
// whom, when, with which outcome, and the message itself.

/** Every e-mail the platform sends; the portal translates these names. */
export const emailTemplates = [
  'verify_email',
  'reset_password',
  'confirm_email_change',
  'email_change_notice',
  'account_exists',
  'account_locked',
  'partner_invitation',
  'partner_submitted',
  'partner_verified',
  'partner_rejected',
  'partner_suspended',
  'partner_deleted',
  'booking_held',
  'booking_confirmed',
  'booking_cancelled',
  'booking_expired',
  'booking_partner_new',
  'payment_received',
  'refund_issued',
  'payout_paid',
] as const;
export const emailTemplateSchema = z.enum(emailTemplates);
export type EmailTemplate = z.infer<typeof emailTemplateSchema>;

/** queued: waiting for (another) attempt; sent: an SMTP server accepted it; failed: given up. */
export const deliveryStatuses = ['queued', 'sent', 'failed'] as const;
export const deliveryStatusSchema = z.enum(deliveryStatuses);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const sentMailQuerySchema = z.strictObject({
  /** An e-mail address or a user id. */
  recipient: z
    .string()
    .trim()
    .min(1)
    .max(254)
    // Control characters (NUL above all, which PostgreSQL refuses in text) never name a recipient.
    .refine((value) => ![...value].some((char) => char < ' '), { message: 'invalid_characters' })
    .optional(),
  status: deliveryStatusSchema.optional(),
  template: emailTemplateSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SentMailQuery = z.input<typeof sentMailQuerySchema>;

export const sentMailParamsSchema = z.strictObject({ id: z.string().uuid() });

export const sentMailSummarySchema = z.object({
  id: z.string().uuid(),
  template: z.string(),
  locale: z.string(),
  /** Null for an invitation to an address without an account. */
  recipientUserId: z.string().nullable(),
  /** Null once the recipient's data was erased. */
  recipientEmail: z.string().nullable(),
  subject: z.string(),
  status: deliveryStatusSchema,
  attempts: z.number().int(),
  /** The Message-ID header, the same on every attempt. */
  messageId: z.string(),
  /** The id the SMTP server gave the message ("queued as …"), when it said one. */
  providerMessageId: z.string().nullable(),
  /** The last SMTP reply or connection error (of a retried or failed e-mail). */
  lastError: z.string().nullable(),
  /** The event that asked for the e-mail. */
  causeEventId: z.string(),
  causeSubject: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  failedAt: z.string().nullable(),
  erased: z.boolean(),
});
export type SentMailSummary = z.infer<typeof sentMailSummarySchema>;

export const sentMailPageSchema = z.object({
  items: z.array(sentMailSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type SentMailPage = z.infer<typeof sentMailPageSchema>;

/** A file an e-mail carries (the payment e-mail's receipt PDF), fetched when it is sent. */
export const sentMailAttachmentSchema = z.object({
  filename: z.string(),
  contentType: z.string(),
  /** pending: not sent yet; attached; left_out: could not be fetched, the e-mail went with its link only. */
  state: z.enum(['pending', 'attached', 'left_out']),
  /** The size that went out (attached only). */
  bytes: z.number().int().nullable(),
});
export type SentMailAttachment = z.infer<typeof sentMailAttachmentSchema>;

export const sentMailDetailSchema = sentMailSummarySchema.extend({
  /** Null once erased. */
  html: z.string().nullable(),
  text: z.string().nullable(),
  /**
   * record: the stored copy, secret links redacted. catcher: the message as the local SMTP
   * catcher received it, live links included (all-in-one demo only).
   */
  source: z.enum(['record', 'catcher']),
  /** True when the message carried a secret link that the shown copy does not. */
  linksRedacted: z.boolean(),
  attachments: z.array(sentMailAttachmentSchema),
});
export type SentMailDetail = z.infer<typeof sentMailDetailSchema>;
