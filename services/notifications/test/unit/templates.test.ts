// Every template in every language: renders completely, escapes what it interpolates, and the
// German copy addresses the reader formally.
import { describe, expect, it } from 'vitest';
import { templateNames, type TemplateName, type TemplateParams } from '../../src/templates/catalog.ts';
import { languages, resolveLanguage } from '../../src/templates/languages.ts';
import { dictionaries, renderEmail } from '../../src/templates/render.ts';

const hostile = '<img src=x onerror="alert(1)"> & \'quoted\'';
const link = 'https://portal.example/verify-email#token=[redacted]';
const when = new Date(Date.UTC(2030, 4, 17, 9, 30));
/** 23:30 UTC on 14 June is already 15 June in Italy, where the trip happens. */
const travelDay = new Date(Date.UTC(2030, 5, 14, 23, 30));

/** Parameters for each template; every text value is hostile, so escaping shows everywhere. */
const params: { [T in TemplateName]: TemplateParams[T] } = {
  verify_email: { name: hostile, link, expiresAt: when },
  reset_password: { name: hostile, link, expiresAt: when },
  confirm_email_change: { name: hostile, newEmail: hostile, link, expiresAt: when },
  email_change_notice: { name: hostile, newEmail: hostile, link },
  account_exists: { name: hostile, link, resetLink: link },
  account_locked: { name: hostile, lockedUntil: when, link },
  partner_invitation: { partnerName: hostile, role: 'viewer', link, expiresAt: when },
  partner_submitted: { name: hostile, partnerName: hostile, link },
  partner_verified: { name: hostile, partnerName: hostile, link },
  partner_rejected: { name: hostile, partnerName: hostile, reason: `${hostile}\nsecond line`, link },
  partner_suspended: { name: hostile, partnerName: hostile, reason: hostile, link },
  partner_deleted: { name: hostile, partnerName: hostile, link },
  booking_held: { ...booking(), totalMinor: 61_250, currency: 'EUR', holdExpiresAt: when },
  booking_confirmed: { ...booking(), totalMinor: 61_250, currency: 'EUR' },
  booking_cancelled: {
    ...booking(),
    reason: 'traveller_requested',
    chargedMinor: 61_250,
    refundMinor: 30_625,
    currency: 'EUR',
  },
  booking_expired: { ...booking(), reason: 'hold_expired' },
  booking_partner_new: {
    ...booking(),
    partnerName: hostile,
    lineCount: 2,
    shareMinor: 18_040,
    currency: 'EUR',
    holdExpiresAt: when,
  },
  payment_received: {
    name: hostile,
    reference: '8F3A21C0',
    totalMinor: 61_250,
    currency: 'EUR',
    receiptLink: 'https://portal.example/api/billing/receipts/b/download?exp=1&sig=x&lang=en',
    link,
  },
  refund_issued: {
    name: hostile,
    reference: '8F3A21C0',
    amountMinor: 30_625,
    chargedMinor: 61_250,
    currency: 'EUR',
    link,
  },
  payout_paid: {
    name: hostile,
    partnerName: hostile,
    amountMinor: 18_040,
    currency: 'EUR',
    arrivalAt: travelDay,
    link,
  },
};

function booking() {
  return { name: hostile, packageTitle: hostile, reference: '8F3A21C0', startsAt: travelDay, link };
}

const cases = templateNames.flatMap((template) => languages.map((language) => [template, language] as const));

describe('every template in every language', () => {
  it.each(cases)('%s (%s) renders subject, HTML and text with nothing missing', (template, language) => {
    const email = renderEmail(template, language, params[template] as never);
    expect(email.subject.trim().length).toBeGreaterThan(5);
    for (const part of [email.subject, email.html, email.text]) {
      expect(part).not.toMatch(/\bundefined\b|\bnull\b|\[object |\bNaN\b|Invalid Date|\$\{/);
    }
    expect(email.html).toContain(`<html lang="${language}">`);
    expect(email.html).toContain(`href="${link}"`);
    expect(email.text).toContain(link);
    expect(email.text).toContain(dictionaries[language].footer);
  });

  it.each(cases)('%s (%s) escapes every interpolated value in the HTML', (template, language) => {
    const { html, text } = renderEmail(template, language, params[template] as never);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror="');
    if (template !== 'account_exists') {
      expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quoted&#39;');
      expect(text).toContain(hostile); // the text part is plain text: nothing to escape
    }
  });

  it('localizes the same e-mail differently per language', () => {
    const subjects = languages.map((language) => renderEmail('verify_email', language, params.verify_email).subject);
    expect(new Set(subjects).size).toBe(languages.length);
  });

  it('keeps the line breaks of a reason in the HTML, escaped', () => {
    const { html } = renderEmail('partner_rejected', 'en', params.partner_rejected);
    expect(html).toContain('&#39;quoted&#39;<br>second line');
  });

  it('dates the expiry in the language, in UTC', () => {
    expect(renderEmail('verify_email', 'de', params.verify_email).text).toContain('17. Mai 2030 um 09:30 UTC');
    expect(renderEmail('verify_email', 'en', params.verify_email).text).toContain('17 May 2030');
    expect(renderEmail('verify_email', 'it', params.verify_email).text).toContain('17 maggio 2030');
  });

  it('translates the member role', () => {
    const invitation = { ...params.partner_invitation, partnerName: 'Alpen Touren', role: 'viewer' };
    expect(renderEmail('partner_invitation', 'de', invitation).text).toContain('als Betrachter');
    expect(renderEmail('partner_invitation', 'es', invitation).text).toContain('como lector');
  });
});

describe('booking e-mails', () => {
  it('formats the amounts exactly, in the language and currency', () => {
    expect(renderEmail('booking_held', 'en', params.booking_held).text).toContain('Total: €612.50.');
    expect(renderEmail('booking_held', 'de', params.booking_held).text).toContain('Gesamtbetrag: 612,50\u00a0€.');
    expect(renderEmail('booking_partner_new', 'it', params.booking_partner_new).text).toContain('180,40\u00a0€');
    const yen = { ...params.booking_confirmed, totalMinor: 12_900, currency: 'JPY' };
    expect(renderEmail('booking_confirmed', 'en', yen).text).toContain('¥12,900');
  });

  it('dates the trip by the destination calendar (Italy), with the weekday', () => {
    expect(renderEmail('booking_held', 'en', params.booking_held).text).toContain('Saturday, 15 June 2030');
    expect(renderEmail('booking_held', 'it', params.booking_held).text).toContain('sabato 15 giugno 2030');
  });

  it('leaves the start out when no line has one', () => {
    const undated = { ...params.booking_confirmed, startsAt: null };
    expect(renderEmail('booking_confirmed', 'fr', undated).text).not.toContain('commence');
  });

  it('says what comes back for each way a booking ends', () => {
    const cancelled = params.booking_cancelled;
    expect(renderEmail('booking_cancelled', 'en', cancelled).text).toContain(
      'You get €306.25 back of the €612.50 you paid',
    );
    const unpaid = { ...cancelled, chargedMinor: 0, refundMinor: 0 };
    expect(renderEmail('booking_cancelled', 'en', unpaid).text).toContain('Nothing was charged');
    const late = { ...cancelled, refundMinor: 0 };
    expect(renderEmail('booking_cancelled', 'es', late).text).toContain('no corresponde ningún reembolso');
    const soldOut = { ...cancelled, reason: 'sold_out' as const, refundMinor: 61_250 };
    expect(renderEmail('booking_cancelled', 'de', soldOut).text).toContain('ausverkauft');
    const failed = { ...params.booking_expired, reason: 'payment_failed' as const };
    expect(renderEmail('booking_expired', 'it', failed).text).toContain('non è andato a buon fine');
  });

  it("counts the partner's items in the partner's language", () => {
    const one = { ...params.booking_partner_new, lineCount: 1 };
    expect(renderEmail('booking_partner_new', 'en', one).text).toContain('includes one of your items');
    expect(renderEmail('booking_partner_new', 'fr', params.booking_partner_new).text).toContain(
      'comprend 2 de vos prestations',
    );
    const seller = { ...params.booking_partner_new, lineCount: 0 };
    expect(renderEmail('booking_partner_new', 'de', seller).text).toContain('ein Paket, das Sie verkaufen');
  });
});

describe('German copy', () => {
  it.each(templateNames)('%s addresses the reader with "Sie", never "du"', (template) => {
    const { subject, text } = renderEmail(template, 'de', params[template] as never);
    const words = `${subject}\n${text}`.replace(hostile, '');
    expect(words).toMatch(/\b(Sie|Ihr|Ihre|Ihren|Ihrem|Ihnen)\b/);
    expect(words).not.toMatch(/\b(du|dich|dir|dein|deine|deinen)\b/i);
  });
});

describe('resolveLanguage', () => {
  it('takes the first supported candidate, by its primary subtag, else English', () => {
    expect(resolveLanguage('de')).toBe('de');
    expect(resolveLanguage('DE-ch')).toBe('de');
    expect(resolveLanguage('fr_CA')).toBe('fr');
    expect(resolveLanguage('', undefined, 'it')).toBe('it');
    expect(resolveLanguage('pt', 'es')).toBe('es');
    expect(resolveLanguage('pt-BR')).toBe('en');
    expect(resolveLanguage()).toBe('en');
  });
});
