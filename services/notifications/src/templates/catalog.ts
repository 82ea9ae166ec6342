// What each e-mail says, as data: a template's copy is plain text built from its parameters,
// and only the layout turns it into HTML (escaping every piece), so no translation or
// parameter can ever inject markup.
import { emailTemplates, type EmailTemplate } from '@tourconnect/contracts/http';

/** One parameter type per template: what the copy may mention. */
export interface TemplateParams {
  verify_email: { name: string; link: string; expiresAt: Date };
  reset_password: { name: string; link: string; expiresAt: Date };
  confirm_email_change: { name: string; newEmail: string; link: string; expiresAt: Date };
  email_change_notice: { name: string; newEmail: string; link: string };
  account_exists: { name: string; link: string; resetLink: string };
  account_locked: { name: string; lockedUntil: Date; link: string };
  partner_invitation: { partnerName: string; role: string; link: string; expiresAt: Date };
  partner_submitted: { name: string; partnerName: string; link: string };
  partner_verified: { name: string; partnerName: string; link: string };
  partner_rejected: { name: string; partnerName: string; reason: string; link: string };
  partner_suspended: { name: string; partnerName: string; reason: string; link: string };
  partner_deleted: { name: string; partnerName: string; link: string };
}

export type TemplateName = keyof TemplateParams;

/** Every template, in the API contract's order (the portal's Sent-mail filter uses the same list). */
export const templateNames = emailTemplates satisfies readonly TemplateName[];
/** The other direction: a template added here but not to the contract does not compile. */
export const catalogMatchesContract: TemplateName extends EmailTemplate ? true : false = true;

/** The copy of one e-mail in one language, before layout. */
export interface EmailCopy {
  subject: string;
  /** Shown by mail clients next to the subject. */
  preheader: string;
  paragraphs: string[];
  /** The one button; its URL is the template's `link`. */
  action: string;
  /** Small print under the button (why you got this, what to do if it was not you). */
  note: string;
}

/** Locale-aware helpers a dictionary uses for dates and names it does not own. */
export interface Formatters {
  dateTime(value: Date): string;
  role(role: string): string;
}

export type TemplateCopy = { [T in TemplateName]: (params: TemplateParams[T], format: Formatters) => EmailCopy };

/** Everything one language needs: the copy of every template plus the shared frame. */
export interface Dictionary {
  templates: TemplateCopy;
  greeting(name: string): string;
  /** Under the button, for clients that do not show it: "Or open this link:". */
  linkFallback: string;
  footer: string;
  roles: Record<'owner' | 'manager' | 'viewer', string>;
}
