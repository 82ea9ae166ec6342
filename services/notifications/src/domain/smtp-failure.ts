/** What nodemailer puts on a failed send (SMTP reply code and text, or a socket error code). */
interface SmtpErrorFields {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
  message?: unknown;
}

export interface SmtpFailure {
  /** The server refused this message for good: retrying the same e-mail cannot help. */
  permanent: boolean;
  /** For the record and the admin: the reply or error, without credentials. */
  message: string;
}

/**
 * 5xx replies to MAIL FROM, RCPT TO or DATA are permanent (unknown mailbox, message refused).
 * Everything else is worth retrying: 4xx replies, refused or dropped connections, timeouts, and
 * authentication failures (535), which mean our configuration is wrong, not the message, and
 * clear once an operator fixes it.
 */
export function classifySmtpFailure(error: unknown): SmtpFailure {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorFields;
  const responseCode = typeof fields.responseCode === 'number' ? fields.responseCode : undefined;
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  const text =
    typeof fields.response === 'string'
      ? fields.response
      : typeof fields.message === 'string'
        ? fields.message
        : String(error);
  const permanent = responseCode !== undefined && responseCode >= 500 && responseCode < 600 && code !== 'EAUTH';
  const prefix = [code, responseCode && !text.startsWith(String(responseCode)) ? responseCode : undefined]
    .filter(Boolean)
    .join(' ');
  return { permanent, message: `${prefix ? `${prefix}: ` : ''}${text}`.slice(0, 1_000) };
}
