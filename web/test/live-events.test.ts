import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { namespaces, supportedLanguages } from '../src/i18n/languages.ts';
import type { LiveEvent } from '../src/realtime/live-context.ts';
import { localesDir } from './locale-files.ts';

// event-text imports the session store (for the hook), which reaches the portal's contracts alias.
vi.mock('@contracts/http', () => import('../../libs/contracts/src/http/index.ts'));
const { describeEvent } = await import('../src/realtime/event-text.ts');

async function translator(language: string): Promise<TFunction> {
  const i18n = createInstance();
  const resources = Object.fromEntries(
    namespaces.map((ns) => [ns, JSON.parse(readFileSync(join(localesDir, language, `${ns}.json`), 'utf8'))]),
  );
  await i18n.init({ lng: language, resources: { [language]: resources }, defaultNS: 'common', ns: [...namespaces] });
  return i18n.getFixedT(language, 'common');
}

const owner = '0190a000-0000-7000-8000-00000000000a';
const manager = '0190a000-0000-7000-8000-00000000000b';
const admin = '0190a000-0000-7000-8000-00000000000c';

function event(subject: string, payload: Record<string, unknown>): LiveEvent {
  return { type: 'event', id: `${subject}-1`, subject, occurredAt: '2026-03-01T10:00:00.000Z', payload };
}
const submitted = (by: string) =>
  event('partners.partner.submitted.v1', {
    partnerId: 'p1',
    ownerUserId: owner,
    type: 'dmo',
    name: 'Dolomiti Trails',
    reason: 'submitted',
    submittedByUserId: by,
  });

/** Every event the services push to a browser (an audience is set where they publish it). */
const pushed: LiveEvent[] = [
  event('identity.user.registered.v1', { userId: owner, email: 'a@b.co', roles: ['traveller'] }),
  event('identity.user.deleted.v1', { userId: owner, anonymised: true }),
  event('identity.user.role_granted.v1', { userId: owner, role: 'partner', partnerId: 'p1' }),
  event('identity.user.role_revoked.v1', { userId: owner, role: 'partner', partnerId: 'p1' }),
  event('identity.partner_data.erased.v1', { partnerId: 'p1', requestId: 'r1', service: 'identity' }),
  event('partners.partner.registered.v1', {
    partnerId: 'p1',
    ownerUserId: owner,
    type: 'dmo',
    name: 'Dolomiti Trails',
  }),
  submitted(owner),
  event('partners.partner.verified.v1', {
    partnerId: 'p1',
    ownerUserId: owner,
    name: 'Dolomiti Trails',
    verifiedByUserId: admin,
  }),
  event('partners.partner.rejected.v1', {
    partnerId: 'p1',
    ownerUserId: owner,
    rejectedByUserId: admin,
    reason: 'Blurry scan',
  }),
  event('partners.partner.suspended.v1', {
    partnerId: 'p1',
    ownerUserId: owner,
    suspendedByUserId: admin,
    reason: 'Fraud',
  }),
  event('partners.partner.deletion_requested.v1', { partnerId: 'p1', requestId: 'r1', requestedByUserId: owner }),
  event('partners.partner.deleted.v1', { partnerId: 'p1', requestId: 'r1' }),
  event('partners.partner.owner_changed.v1', {
    partnerId: 'p1',
    ownerUserId: manager,
    previousOwnerUserId: owner,
    changedByUserId: owner,
  }),
  event('partners.member.joined.v1', { partnerId: 'p1', userId: manager, role: 'manager' }),
  event('partners.member.removed.v1', { partnerId: 'p1', userId: manager }),
  // bundling's booking events go to their traveller.
  ...['held', 'confirmed', 'cancelled', 'expired'].map((step) =>
    event(`bundling.booking.${step}.v1`, { bookingId: 'b1', userId: owner, packageTitle: 'Garda family weekend' }),
  ),
  // billing's payments and refunds go to their traveller, transfers and payouts to the partner.
  event('billing.payment.succeeded.v1', { bookingId: 'b1', userId: owner, amountMinor: '61250', currency: 'EUR' }),
  event('billing.payment.failed.v1', { bookingId: 'b1', userId: owner, failureCode: 'card_declined' }),
  event('billing.refund.issued.v1', { bookingId: 'b1', amountMinor: '30625', chargedMinor: '61250', currency: 'EUR' }),
  event('billing.transfer.sent.v1', { bookingId: 'b1', partnerId: 'p1', amountMinor: '52063', currency: 'EUR' }),
  event('billing.payout.paid.v1', { partnerId: 'p1', amountMinor: '104126', currency: 'EUR' }),
  event('billing.partner_account.updated.v1', { partnerId: 'p1', status: 'enabled', payoutsEnabled: true }),
  event('billing.partner_data.erased.v1', { partnerId: 'p1', requestId: 'r1', service: 'billing' }),
  event('bundling.partner_data.erased.v1', { partnerId: 'p1', requestId: 'r1', service: 'bundling' }),
];

describe('live toasts', () => {
  it.each([...supportedLanguages])(
    '%s: every pushed event has a title of its own, never "New event" or a code',
    async (language) => {
      const t = await translator(language);
      const other = describeEvent(t, event('bundling.unknown.thing.v1', {}), { userId: owner, isAdmin: false });
      const titles = new Set<string>();
      for (const e of pushed) {
        const text = describeEvent(t, e, { userId: owner, isAdmin: false });
        expect(text.title, e.subject).not.toBe(other.title);
        expect(`${text.title} ${text.body}`, e.subject).not.toMatch(/\w+\.\w+\.\w+|\{\{|live\.events/);
        titles.add(text.title);
      }
      // One title per kind (the identity role grant/revoke pair included).
      expect(titles.size).toBe(pushed.length);
    },
  );

  it("reads a member's own submission as theirs, and the same event differently for an admin", async () => {
    const en = await translator('en');
    expect(describeEvent(en, submitted(owner), { userId: owner, isAdmin: false })).toEqual({
      title: 'Sent for review',
      body: 'You submitted Dolomiti Trails for review.',
    });
    expect(describeEvent(en, submitted(manager), { userId: owner, isAdmin: false }).body).toBe(
      'Dolomiti Trails was submitted for review.',
    );
    expect(describeEvent(en, submitted(owner), { userId: admin, isAdmin: true }).body).toBe(
      'Dolomiti Trails is waiting for your review.',
    );
    const de = await translator('de');
    expect(describeEvent(de, submitted(owner), { userId: owner, isAdmin: false }).body).toBe(
      'Sie haben Dolomiti Trails zur Prüfung eingereicht.',
    );
    // An event from before submittedByUserId existed: the owner is taken as the submitter.
    const old = event('partners.partner.submitted.v1', {
      partnerId: 'p1',
      ownerUserId: owner,
      name: 'X',
      reason: 'submitted',
    });
    expect(describeEvent(en, old, { userId: owner, isAdmin: false }).body).toBe('You submitted X for review.');
  });

  it("names the traveller's package in a booking's toast, or says 'your package' without a title", async () => {
    const de = await translator('de');
    const held = pushed.find((e) => e.subject === 'bundling.booking.held.v1')!;
    expect(describeEvent(de, held, { userId: owner, isAdmin: false })).toEqual({
      title: 'Plätze reserviert',
      body: 'Ihre Plätze für Garda family weekend sind reserviert, bis die Zahlung eingeht.',
    });
    const en = await translator('en');
    const untitled = event('bundling.booking.expired.v1', { bookingId: 'b1', userId: owner });
    expect(describeEvent(en, untitled, { userId: owner, isAdmin: false }).body).toBe(
      'The hold on your package ended and the places went back on sale. Nothing was charged.',
    );
  });

  it("writes a payment's, refund's, transfer's and payout's amount in the reader's language", async () => {
    const reader = (language: string) => ({ userId: owner, isAdmin: false, language });
    const of = (subject: string) => pushed.find((e) => e.subject === subject)!;
    expect(describeEvent(await translator('en'), of('billing.payment.succeeded.v1'), reader('en'))).toEqual({
      title: 'Payment received',
      body: 'We received your payment of €612.50: your booking is being confirmed.',
    });
    const it_ = await translator('it');
    expect(describeEvent(it_, of('billing.refund.issued.v1'), reader('it'))).toEqual({
      title: 'Rimborso emesso',
      body: '306,25\u00a0€ sta tornando sulla tua carta.',
    });
    const de = await translator('de');
    expect(describeEvent(de, of('billing.transfer.sent.v1'), reader('de')).body).toBe(
      '520,63\u00a0€ wurde auf Ihr Stripe-Konto überwiesen.',
    );
    expect(describeEvent(de, of('billing.payout.paid.v1'), reader('de'))).toEqual({
      title: 'Auszahlung erfolgt',
      body: '1.041,26\u00a0€ wurde auf Ihr Bankkonto ausgezahlt.',
    });
    expect(describeEvent(de, of('billing.payment.failed.v1'), reader('de')).title).toBe('Zahlung abgelehnt');
    // An event without an amount still reads as a sentence, never "undefined".
    const bare = event('billing.refund.issued.v1', { bookingId: 'b1' });
    expect(describeEvent(await translator('en'), bare, reader('en')).body).toBe(
      'Your refund is on its way back to your card.',
    );
  });

  it('tells a partner whether Stripe enabled payouts or needs more information, and the admin whose it is', async () => {
    const en = await translator('en');
    const account = (status: string) => event('billing.partner_account.updated.v1', { partnerId: 'p1', status });
    expect(describeEvent(en, account('enabled'), { userId: owner, isAdmin: false }).title).toBe('Payouts enabled');
    for (const status of ['pending', 'restricted']) {
      expect(describeEvent(en, account(status), { userId: owner, isAdmin: false })).toEqual({
        title: 'Stripe needs more information',
        body: 'Complete your details with Stripe so that payments and payouts can go ahead.',
      });
    }
    expect(describeEvent(en, account('restricted'), { userId: admin, isAdmin: true }).body).toBe(
      "A partner's Stripe account needs more information before payouts.",
    );
    expect(describeEvent(await translator('de'), account('enabled'), { userId: owner, isAdmin: false }).body).toBe(
      'Ihr Stripe-Konto ist bereit: Reisende können Ihre Pakete bezahlen, Auszahlungen gehen an Ihre Bank.',
    );
  });

  it('tells the new and the former owner apart, and the admin who approved', async () => {
    const en = await translator('en');
    const handover = pushed.find((e) => e.subject === 'partners.partner.owner_changed.v1')!;
    expect(describeEvent(en, handover, { userId: manager, isAdmin: false }).body).toBe(
      "You are now the partner's owner.",
    );
    expect(describeEvent(en, handover, { userId: owner, isAdmin: false }).body).toBe(
      'You handed the partner over: you are now a manager.',
    );
    const verified = pushed.find((e) => e.subject === 'partners.partner.verified.v1')!;
    expect(describeEvent(en, verified, { userId: admin, isAdmin: true }).body).toBe(
      'You approved Dolomiti Trails: the Partner Verified badge is on.',
    );
    const joined = pushed.find((e) => e.subject === 'partners.member.joined.v1')!;
    expect(describeEvent(await translator('it'), joined, { userId: manager, isAdmin: false }).body).toBe(
      'Sei entrato nel partner come Manager.',
    );
  });
});
