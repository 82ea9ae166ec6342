// Billing's e-mails end to end (events in, SMTP out): the traveller hears that the payment
// arrived (the receipt PDF attached, fetched from a stand-in billing over HTTP, and linked) and how much was refunded, the partner's owner that a
// payout was paid; each in the recipient's language, once however often the event arrives.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { timestampFromDate } from '@tourconnect/contracts';
import { testEnvelope, waitFor } from '@tourconnect/service-kit/testing';
import {
  deliveryRows,
  everythingStored,
  PORTAL_URL,
  startNotificationsHarness,
  type NotificationsHarness,
} from '../support/harness.ts';
import { userRegistered } from '../support/events.ts';
import { pdfText, RECEIPT_NUMBER, receiptPath, startFakeBilling, type FakeBilling } from '../support/fake-billing.ts';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer.ts';

let peer: SmtpPeer;
let billing: FakeBilling;
let harness: NotificationsHarness;

beforeAll(async () => {
  peer = await startSmtpPeer();
  billing = await startFakeBilling();
  harness = await startNotificationsHarness(peer.port, { BILLING_URL: billing.url });
});
afterAll(async () => {
  await harness?.close();
  await peer?.stop();
  await billing?.stop();
});
beforeEach(() => {
  peer.received.length = 0;
});

const mailTo = (address: string, count = 1) =>
  waitFor(
    async () => peer.received.filter((mail) => mail.to.includes(address)),
    (mails) => mails.length >= count,
  );

async function person(locale: string, displayName: string) {
  const registration = userRegistered({ locale, displayName });
  const { userId, email } = registration.payload as { userId: string; email: string };
  await harness.deliver(registration);
  return { userId, email };
}

const reference = (bookingId: string) => bookingId.replace(/-/g, '').slice(-8).toUpperCase();

describe('billing e-mails', () => {
  it('tells the traveller (IT) the payment arrived, once, with the receipt PDF attached and linked', async () => {
    const traveller = await person('it', 'Giulia Rossi');
    const bookingId = randomUUID();
    const paid = testEnvelope(
      'billing.payment.succeeded.v1',
      {
        paymentId: randomUUID(),
        bookingId,
        packageId: randomUUID(),
        userId: traveller.userId,
        amountMinor: 45_000n,
        currency: 'EUR',
        paymentIntentId: 'pi_test_1',
        receiptPath: receiptPath(bookingId),
      },
      { audience: [traveller.userId] },
    );
    await harness.deliver(paid, 2);
    const [mail] = await mailTo(traveller.email);
    expect(mail!.subject).toBe(`Pagamento ricevuto: prenotazione ${reference(bookingId)}`);
    expect(mail!.text).toContain('Abbiamo ricevuto il tuo pagamento di 450,00\u00a0€');
    expect(mail!.text).toContain('ricevuta (PDF)');
    expect(mail!.text).toContain(`${PORTAL_URL}/bookings/${bookingId}`);
    // The receipt itself, signed by billing, in the recipient's language, without signing in.
    const receiptUrl = `${PORTAL_URL}/api/billing/receipts/${bookingId}/download?exp=1893456000&sig=c2lnbmVk&lang=it`;
    expect(mail!.text).toContain(`Scarica la tua ricevuta (PDF): ${receiptUrl}`);
    expect(mail!.html).toContain(`href="${receiptUrl.replace(/&/g, '&amp;')}"`);
    // The PDF itself, as billing served it in Italian, under billing's name for it.
    expect(mail!.attachments.map((file) => [file.filename, file.contentType])).toEqual([
      [`receipt-${RECEIPT_NUMBER}.pdf`, 'application/pdf'],
    ]);
    const pdf = mail!.attachments[0]!.content;
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdf.equals(billing.pdfFor('it'))).toBe(true);
    expect(pdfText(pdf)).toContain(`Ricevuta n. ${RECEIPT_NUMBER}`);
    expect(pdfText(pdf)).toContain('Totale pagato');
    await harness.settle();
    const rows = (await deliveryRows(harness)).filter((row) => row.recipientEmail === traveller.email);
    expect(rows.map((row) => row.template)).toEqual(['payment_received']);
    expect(rows[0]!.attachments).toMatchObject([
      { filename: `receipt-${RECEIPT_NUMBER}.pdf`, state: 'attached', bytes: pdf.length },
    ]);
    // The signed link opens the receipt for 30 days without signing in: never stored in clear.
    const stored = await everythingStored(harness);
    expect(stored).not.toContain('sig=c2lnbmVk');
    expect(stored).toContain(`/api/billing/receipts/${bookingId}/download?[redacted]`);
  });

  it('sends no receipt link for a payment event from before receipt links (FR)', async () => {
    const traveller = await person('fr', 'Camille Martin');
    const bookingId = randomUUID();
    await harness.deliver(
      testEnvelope(
        'billing.payment.succeeded.v1',
        {
          paymentId: randomUUID(),
          bookingId,
          packageId: randomUUID(),
          userId: traveller.userId,
          amountMinor: 12_000n,
          currency: 'EUR',
          paymentIntentId: 'pi_test_old',
        },
        { audience: [traveller.userId] },
      ),
      2,
    );
    const [mail] = await mailTo(traveller.email);
    expect(mail!.text).toContain(`${PORTAL_URL}/bookings/${bookingId}`);
    expect(mail!.text).not.toContain('Télécharger votre reçu');
    expect(mail!.text).not.toContain('/download?');
  });

  it('tells the traveller (DE) how much of the payment was refunded', async () => {
    const traveller = await person('de', 'Jonas Braun');
    const bookingId = randomUUID();
    const refund = testEnvelope(
      'billing.refund.issued.v1',
      {
        refundId: randomUUID(),
        paymentId: randomUUID(),
        bookingId,
        amountMinor: 22_500n,
        chargedMinor: 45_000n,
        currency: 'EUR',
        reason: 'booking_cancelled',
        reversals: [],
        platformRefundMinor: 3_375n,
      },
      { audience: [traveller.userId] },
    );
    await harness.deliver(refund, 2);
    const [mail] = await mailTo(traveller.email);
    expect(mail!.subject).toBe(`Erstattung veranlasst: Buchung ${reference(bookingId)}`);
    expect(mail!.text).toContain('Wir haben Ihnen 225,00\u00a0€ der 450,00\u00a0€ erstattet');
    expect(mail!.text).toContain(`${PORTAL_URL}/bookings/${bookingId}`);
    await harness.settle();
    expect(peer.received.filter((m) => m.to.includes(traveller.email))).toHaveLength(1);
  });

  it("tells the partner's owner (FR) a payout was paid, with when it arrives", async () => {
    const owner = await person('fr', 'Camille Martin');
    const partnerId = randomUUID();
    await harness.deliver(
      testEnvelope('partners.partner.registered.v1', {
        partnerId,
        ownerUserId: owner.userId,
        name: 'Alpes Tours',
        type: 'tour_operator',
      }),
    );
    const payout = testEnvelope(
      'billing.payout.paid.v1',
      {
        payoutId: randomUUID(),
        partnerId,
        amountMinor: 85_000n,
        currency: 'EUR',
        stripePayoutId: 'po_test_1',
        arrivalAt: timestampFromDate(new Date(Date.UTC(2031, 5, 14, 7, 0))),
      },
      { audience: [owner.userId] },
    );
    await harness.deliver(payout, 2);
    const [mail] = await mailTo(owner.email);
    expect(mail!.subject).toBe('Versement envoyé à Alpes Tours : 850,00\u00a0€');
    expect(mail!.text).toContain('samedi 14 juin 2031');
    expect(mail!.text).toContain(`${PORTAL_URL}/partner/payouts`);
    await harness.settle();
    expect(peer.received.filter((m) => m.to.includes(owner.email))).toHaveLength(1);
  });
});
