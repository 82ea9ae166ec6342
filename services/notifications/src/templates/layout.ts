import type { EmailCopy } from './catalog.ts';
import { escapeHtml } from './escape.ts';
import type { Language } from './languages.ts';

/** The frame around every e-mail's copy, in the recipient's language. */
export interface Frame {
  language: Language;
  greeting: string;
  linkFallback: string;
  footer: string;
  /** Where the button leads. */
  url: string;
}

const BRAND_DARK = '#2b2b2b';
const BRAND_ORANGE = '#FF6600';
const FONT = 'Arial, Helvetica, sans-serif';

/** Escaped, with the line breaks an admin may have typed into a reason kept. */
const paragraph = (text: string, style = '') =>
  `<p style="margin:0 0 16px;${style}">${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p>`;

/**
 * Table-based with inline styles: the one layout mail clients (Outlook included) render alike.
 * Dark grey header with the orange accent, one orange button, the raw link for clients that
 * hide buttons, the note and the footer. Every piece of copy and the URL are escaped here.
 */
export function layoutHtml(copy: EmailCopy, frame: Frame): string {
  const url = escapeHtml(frame.url);
  return `<!doctype html>
<html lang="${frame.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(copy.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f4f5;">
<span style="display:none;max-height:0;overflow:hidden;opacity:0;">${escapeHtml(copy.preheader)}</span>
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="background:#f4f4f5;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellspacing="0" cellpadding="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px;overflow:hidden;font-family:${FONT};color:${BRAND_DARK};">
<tr><td style="background:${BRAND_DARK};padding:20px 32px;border-bottom:4px solid ${BRAND_ORANGE};">
<span style="font-size:22px;font-weight:bold;color:#ffffff;">Tour<span style="color:${BRAND_ORANGE};">Connect</span></span>
</td></tr>
<tr><td style="padding:32px;font-size:16px;line-height:1.5;">
${paragraph(frame.greeting)}
${copy.paragraphs.map((text) => paragraph(text)).join('\n')}
${copy.extraLink ? `<p style="margin:0 0 16px;"><a href="${escapeHtml(copy.extraLink.url)}" style="color:${BRAND_ORANGE};font-weight:bold;">${escapeHtml(copy.extraLink.label)}</a></p>` : ''}
<table role="presentation" cellspacing="0" cellpadding="0" style="margin:24px 0;"><tr>
<td style="background:${BRAND_ORANGE};border-radius:6px;">
<a href="${url}" style="display:inline-block;padding:12px 24px;font-family:${FONT};font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;">${escapeHtml(copy.action)}</a>
</td></tr></table>
<p style="margin:0 0 16px;font-size:13px;color:#555555;">${escapeHtml(frame.linkFallback)}<br><a href="${url}" style="color:${BRAND_ORANGE};word-break:break-all;">${url}</a></p>
${paragraph(copy.note, 'font-size:13px;color:#555555;')}
</td></tr>
<tr><td style="background:${BRAND_DARK};color:#bbbbbb;font-size:12px;line-height:1.5;padding:16px 32px;">${escapeHtml(frame.footer)}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

/** The plain-text part: the same copy, the link spelt out. */
export function layoutText(copy: EmailCopy, frame: Frame): string {
  return [
    frame.greeting,
    ...copy.paragraphs,
    ...(copy.extraLink ? [`${copy.extraLink.label}: ${copy.extraLink.url}`] : []),
    `${copy.action}: ${frame.url}`,
    copy.note,
    `-- \n${frame.footer}`,
  ].join('\n\n');
}
