import { randomUUID } from 'node:crypto';
import { testEnvelope } from '@tourconnect/service-kit/testing';
import { timestampFromDate } from '@tourconnect/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBillingHarness, type BillingHarness, type TestUser } from '../support/harness.ts';
import { seedBooking, seedMember, seedPartner, seedPayment, seedSplit } from '../support/document-fixtures.ts';
import { pdfText } from '../support/pdf-text.ts';
import { takeSpendToNet } from '../../src/db/documents.repository.ts';
import { receiptLinkExpiry, signReceiptLink } from '../../src/documents/receipt-link.ts';

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      field += ch;
    }
  }
  return rows;
}

const year = new Date().getUTCFullYear();
const asBuffer = (res: { rawPayload?: Buffer; payload?: string }) =>
  res.rawPayload ?? Buffer.from(res.payload ?? '', 'latin1');

describe('receipts, statements and commission invoices', () => {
  let h: BillingHarness;
  let admin: TestUser;

  beforeAll(async () => {
    h = await startBillingHarness('billing_documents', {
      PLATFORM_LEGAL_NAME: 'TourConnect Test S.r.l.',
      PLATFORM_ADDRESS: 'Via dei Test 1, 38122 Trento, Italy',
      PLATFORM_VAT_ID: 'IT00000000000',
    });
    admin = await h.user(['admin']);
  }, 60_000);
  afterAll(() => h?.close());

  const download = (url: string, token: string, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, ...headers } });

  describe('receipt', () => {
    it('prints the receipt of a paid booking for its traveller, in the language asked for', async () => {
      const seller = await seedPartner(h.rows, { name: 'Como Tours', country: 'IT' });
      const traveller = await h.user();
      const booking = await seedBooking(h.rows, { userId: traveller.id, seller });
      const paymentId = await seedPayment(h.rows, booking);
      // Stripe's charge.succeeded as the webhook stored it: the receipt prints the card.
      const charge = {
        id: 'ch_receipt',
        payment_intent: `pi_${paymentId.replace(/-/g, '')}`,
        payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242' } },
      };
      await h.rows(
        `INSERT INTO billing.stripe_events (id, type, stripe_created_at, payload) VALUES ($1, 'charge.succeeded', now(), $2)`,
        [`evt_${paymentId}`, JSON.stringify({ type: 'charge.succeeded', data: { object: charge } })],
      );

      const res = await download(`/api/billing/receipts/${booking.bookingId}?lang=it`, traveller.token);
      expect(res.statusCode, res.payload).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const [receipt] = await h.rows<{ number: string }>('SELECT number FROM billing.receipts WHERE booking_id = $1', [
        booking.bookingId,
      ]);
      expect(receipt!.number).toMatch(new RegExp(`^R-${year}-\\d{6}$`));
      expect(res.headers['content-disposition']).toBe(`attachment; filename="receipt-${receipt!.number}.pdf"`);
      const pdf = asBuffer(res);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf);
      expect(text).toContain(receipt!.number);
      expect(text).toContain('Ricevuta');
      expect(text).toContain('Como Tours');
      expect(text).toContain('135,00 €');
      expect(text).toContain('Pagato con: Visa •••• 4242');
      // Each line names the item as the traveller booked it, with its kind.
      expect(text).toContain('Giro in barca a Bellagio (Tour)');

      // The same receipt again (no second number), now in German by Accept-Language.
      const again = await download(`/api/billing/receipts/${booking.bookingId}`, traveller.token, {
        'accept-language': 'de-CH, en;q=0.5',
      });
      expect(pdfText(asBuffer(again))).toContain('Quittung');
      expect(pdfText(asBuffer(again))).toContain(receipt!.number);
      expect(await h.rows('SELECT 1 FROM billing.receipts WHERE booking_id = $1', [booking.bookingId])).toHaveLength(1);
    });

    it('answers 404 receipt_not_found to anyone else, before payment, and for unknown bookings; an admin gets it', async () => {
      const seller = await seedPartner(h.rows, { name: 'Lago Srl', country: 'IT' });
      const traveller = await h.user();
      const stranger = await h.user();
      const paid = await seedBooking(h.rows, { userId: traveller.id, seller });
      await seedPayment(h.rows, paid);
      const unpaid = await seedBooking(h.rows, { userId: traveller.id, seller });
      await seedPayment(h.rows, unpaid, 'requires_payment_method');

      const cases = [
        await download(`/api/billing/receipts/${paid.bookingId}`, stranger.token),
        await download(`/api/billing/receipts/${unpaid.bookingId}`, traveller.token),
        await download(`/api/billing/receipts/${randomUUID()}`, traveller.token),
      ];
      for (const res of cases) {
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().code).toBe('receipt_not_found');
      }
      // The stranger's request issued nothing.
      expect(await h.rows('SELECT 1 FROM billing.receipts WHERE booking_id = $1', [paid.bookingId])).toHaveLength(0);
      const asAdmin = await download(`/api/billing/receipts/${paid.bookingId}?lang=en`, admin.token);
      expect(asAdmin.statusCode).toBe(200);
      expect(pdfText(asBuffer(asAdmin))).toContain('€135.00');
      // Now issued, the stranger still sees nothing.
      expect((await download(`/api/billing/receipts/${paid.bookingId}`, stranger.token)).statusCode).toBe(404);
    });

    it('downloads the receipt through a signed link without a token; a tampered or foreign link is 404, an expired one 410', async () => {
      const seller = await seedPartner(h.rows, { name: 'Riva Viaggi', country: 'IT' });
      const traveller = await h.user();
      const paid = await seedBooking(h.rows, { userId: traveller.id, seller });
      await seedPayment(h.rows, paid);
      const other = await seedBooking(h.rows, { userId: traveller.id, seller });
      await seedPayment(h.rows, other);
      const key = h.settings.RECEIPT_LINK_KEY;
      const open = (url: string) => h.app.inject({ method: 'GET', url });
      const link = signReceiptLink(key, paid.bookingId, receiptLinkExpiry());

      // Issued on first use (the receipt did not exist yet), in the language the link asks for.
      const res = await open(`${link}&lang=it`);
      expect(res.statusCode, res.payload).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = asBuffer(res);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfText(pdf)).toContain('Ricevuta');
      expect(pdfText(pdf)).toContain('Riva Viaggi');
      expect(pdfText(asBuffer(await open(`${link}&lang=en`)))).toContain('Receipt');
      expect(await h.rows('SELECT 1 FROM billing.receipts WHERE booking_id = $1', [paid.bookingId])).toHaveLength(1);

      const sig = new URL(link, 'http://x').searchParams.get('sig')!;
      const tampered = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A');
      const notFound = [
        link.replace(`sig=${sig}`, `sig=${tampered}`),
        link.replace(paid.bookingId, other.bookingId),
        link.replace(/exp=\d+/, (m) => `exp=${Number(m.slice(4)) + 1}`),
        link.split('&sig=')[0]!,
        `/api/billing/receipts/${paid.bookingId}/download`,
        signReceiptLink('another-key-another-key-another-key', paid.bookingId, receiptLinkExpiry()),
      ];
      for (const url of notFound) {
        const bad = await open(url);
        expect(bad.statusCode, url).toBe(404);
        expect(bad.json().code).toBe('receipt_not_found');
      }
      // The foreign booking's link issued nothing for it.
      expect(await h.rows('SELECT 1 FROM billing.receipts WHERE booking_id = $1', [other.bookingId])).toHaveLength(0);

      const expired = await open(signReceiptLink(key, paid.bookingId, new Date(Date.now() - 1000), 'en'));
      expect(expired.statusCode).toBe(410);
      expect(expired.headers['content-type']).toContain('application/problem+json');
      expect(expired.json().code).toBe('receipt_link_expired');
    });

    it('gives no receipt through a valid link before the payment succeeded', async () => {
      const seller = await seedPartner(h.rows, { name: 'Lago Nord', country: 'IT' });
      const traveller = await h.user();
      const unpaid = await seedBooking(h.rows, { userId: traveller.id, seller });
      await seedPayment(h.rows, unpaid, 'requires_payment_method');
      const link = signReceiptLink(h.settings.RECEIPT_LINK_KEY, unpaid.bookingId, receiptLinkExpiry());
      const res = await h.app.inject({ method: 'GET', url: link });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('receipt_not_found');
      expect(await h.rows('SELECT 1 FROM billing.receipts WHERE booking_id = $1', [unpaid.bookingId])).toHaveLength(0);
    });

    it('numbers 20 receipts issued at once 1..n without gaps or duplicates', async () => {
      const seller = await seedPartner(h.rows, { name: 'Gapless Spa', country: 'IT' });
      const travellers = await Promise.all(Array.from({ length: 20 }, () => h.user()));
      const bookings = [];
      for (const t of travellers) {
        const booking = await seedBooking(h.rows, { userId: t.id, seller });
        await seedPayment(h.rows, booking);
        bookings.push({ booking, t });
      }
      // Each traveller twice at the same time: the second call must not take a number.
      const responses = await Promise.all(
        [...bookings, ...bookings].map(({ booking, t }) =>
          download(`/api/billing/receipts/${booking.bookingId}`, t.token),
        ),
      );
      expect(responses.map((r) => r.statusCode)).toEqual(Array(40).fill(200));
      const numbers = (await h.rows<{ number: string }>('SELECT number FROM billing.receipts')).map((r) => r.number);
      const seqs = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(seqs).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
      expect(numbers.length).toBeGreaterThanOrEqual(20);
      const [counter] = await h.rows<{ last_number: number }>(
        `SELECT last_number FROM billing.document_counters WHERE series = 'R' AND year = $1`,
        [year],
      );
      expect(counter!.last_number).toBe(numbers.length);
    });
  });

  describe('partner statement', () => {
    let partnerId: string;
    let owner: TestUser;

    beforeAll(async () => {
      partnerId = await seedPartner(h.rows, {
        name: 'Statement Tours',
        legalName: 'Statement Tours S.r.l.',
        country: 'IT',
      });
      owner = await h.user(['partner']);
      await seedMember(h.rows, partnerId, owner.id);
      const traveller = await h.user();
      const b1 = await seedBooking(h.rows, { userId: traveller.id, seller: partnerId });
      const b2 = await seedBooking(h.rows, {
        userId: traveller.id,
        seller: partnerId,
        title: '=HYPERLINK("http://evil")',
      });
      const before = await seedBooking(h.rows, { userId: traveller.id, seller: partnerId });
      await seedSplit(h.rows, {
        bookingId: b1.bookingId,
        partnerId,
        earningMinor: 10000,
        feeMinor: 1500,
        at: new Date('2026-11-05T10:00:00Z'),
      });
      await seedSplit(h.rows, {
        bookingId: b2.bookingId,
        partnerId,
        earningMinor: 4000,
        feeMinor: 600,
        at: new Date('2026-11-20T10:00:00Z'),
      });
      await seedSplit(h.rows, {
        bookingId: before.bookingId,
        partnerId,
        earningMinor: 7000,
        feeMinor: 1050,
        at: new Date('2026-10-15T10:00:00Z'),
      });
      const transferId = randomUUID();
      await h.rows(
        `INSERT INTO billing.transfers (id, booking_id, partner_id, amount_minor, currency, status, source_charge_id, idempotency_key, stripe_transfer_id, amount_reversed_minor)
         VALUES ($1, $2, $3, 8500, 'EUR', 'sent', 'ch_1', $4, 'tr_statement1', 2000)`,
        [transferId, b1.bookingId, partnerId, `t-${transferId}`],
      );
      await h.rows(
        `INSERT INTO billing.transfer_reversals (id, transfer_id, refund_id, partner_id, booking_id, amount_minor, currency, status, idempotency_key, created_at)
         VALUES ($1, $2, $3, $4, $5, 2000, 'EUR', 'succeeded', $6, '2026-11-10T10:00:00Z')`,
        [randomUUID(), transferId, randomUUID(), partnerId, b1.bookingId, `r-${transferId}`],
      );
      await h.rows(
        `INSERT INTO billing.payouts (id, partner_id, stripe_payout_id, amount_minor, currency, status, arrival_at)
         VALUES ($1, $2, 'po_statement1', 6500, 'EUR', 'paid', '2026-11-25T08:00:00Z')`,
        [randomUUID(), partnerId],
      );
    });

    it('lists the period’s bookings, reversals, transfers and payouts in a CSV whose totals reconcile', async () => {
      const res = await download('/api/billing/reports?from=2026-11-01&to=2026-11-30&format=csv', owner.token);
      expect(res.statusCode, res.payload).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="statement-2026-11-01-2026-11-30.csv"');
      const [header, ...records] = parseCsv(res.payload);
      const col = (name: string) => header!.indexOf(name);
      const bookings = records.filter((r) => r[col('record')] === 'booking');
      const [total] = records.filter((r) => r[col('record')] === 'total');
      expect(bookings).toHaveLength(2);
      expect(records.every((r) => r.length === header!.length)).toBe(true);
      const sum = (name: string) => bookings.reduce((acc, r) => acc + Math.round(Number(r[col(name)]) * 100), 0);
      const totalOf = (name: string) => Math.round(Number(total![col(name)]) * 100);
      for (const name of ['gross_share', 'platform_fee', 'share', 'reversals', 'net'])
        expect(totalOf(name)).toBe(sum(name));
      expect(totalOf('gross_share') - totalOf('platform_fee') - totalOf('reversals')).toBe(totalOf('net'));
      expect(total![col('gross_share')]).toBe('140.00');
      expect(total![col('net')]).toBe('99.00');
      expect(total![col('transfer_amount')]).toBe('85.00');
      expect(total![col('payout_amount')]).toBe('65.00');
      const payout = records.find((r) => r[col('record')] === 'payout');
      expect(payout![col('payout_id')]).toBe('po_statement1');
      // A title a spreadsheet would run as a formula is neutralised.
      expect(bookings.map((r) => r[col('package')])).toContain(`'=HYPERLINK("http://evil")`);
    });

    it('renders the statement as a PDF in the caller’s language', async () => {
      const res = await download('/api/billing/reports?from=2026-11-01&to=2026-11-30&format=pdf&lang=fr', owner.token);
      expect(res.statusCode).toBe(200);
      const text = pdfText(asBuffer(res));
      expect(text).toContain('Relevé partenaire');
      expect(text).toContain('po_statement1');
    });

    it('refuses a period that ends before it starts or spans more than 366 days, and a caller with no partner', async () => {
      for (const query of ['from=2026-11-30&to=2026-11-01', 'from=2025-01-01&to=2026-01-02']) {
        const res = await download(`/api/billing/reports?${query}`, owner.token);
        expect(res.statusCode).toBe(400);
        expect(res.json().code).toBe('invalid_period');
      }
      const bad = await download('/api/billing/reports?from=2026-13-01&to=2026-11-01', owner.token);
      expect(bad.json().code).toBe('validation_failed');
      const nobody = await h.user(['partner']);
      const res = await download('/api/billing/reports?from=2026-11-01&to=2026-11-30', nobody.token);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('partner_membership_required');
    });
  });

  describe('commission invoices', () => {
    let italian: string;
    let german: string;
    let italianOwner: TestUser;
    let germanOwner: TestUser;

    beforeAll(async () => {
      italian = await seedPartner(h.rows, {
        name: 'Roma Bici',
        legalName: 'Roma Bici S.r.l.',
        country: 'IT',
        vatId: 'IT01234567890',
      });
      german = await seedPartner(h.rows, {
        name: 'Alpen Reisen',
        legalName: 'Alpen Reisen GmbH',
        country: 'DE',
        vatId: 'DE123456789',
      });
      italianOwner = await h.user(['partner']);
      germanOwner = await h.user(['partner']);
      await seedMember(h.rows, italian, italianOwner.id);
      await seedMember(h.rows, german, germanOwner.id);
      const traveller = await h.user();
      const b1 = await seedBooking(h.rows, { userId: traveller.id, seller: italian });
      const b2 = await seedBooking(h.rows, { userId: traveller.id, seller: italian });
      const b3 = await seedBooking(h.rows, { userId: traveller.id, seller: german });
      const march = new Date('2025-03-12T10:00:00Z');
      await seedSplit(h.rows, {
        bookingId: b1.bookingId,
        partnerId: italian,
        earningMinor: 10000,
        feeMinor: 1500,
        at: march,
      });
      await seedSplit(h.rows, {
        bookingId: b2.bookingId,
        partnerId: italian,
        earningMinor: 4000,
        feeMinor: 600,
        at: march,
      });
      await seedSplit(h.rows, {
        bookingId: b3.bookingId,
        partnerId: german,
        earningMinor: 6667,
        feeMinor: 1000,
        at: march,
      });
      // April's booking stays off March's invoice.
      await seedSplit(h.rows, {
        bookingId: b2.bookingId,
        partnerId: italian,
        earningMinor: 900,
        feeMinor: 135,
        at: new Date('2025-04-01T10:00:00Z'),
        position: 1,
      });
      // A refund in March gave back 3.00 of b1's platform fee.
      await h.rows(
        `INSERT INTO billing.refunds (id, booking_id, payment_id, amount_minor, platform_refund_minor, currency, reason, status, idempotency_key, created_at)
         VALUES ($1, $2, $3, 2000, 300, 'EUR', 'booking_cancelled', 'succeeded', $4, '2025-03-20T10:00:00Z')`,
        [randomUUID(), b1.bookingId, randomUUID(), `refund-${b1.bookingId}`],
      );
      for (const amount of [100, 200]) {
        await h.rows(
          `INSERT INTO billing.campaign_spend (event_id, partner_id, campaign_id, day, amount_minor, currency) VALUES ($1, $2, $3, '2025-03-10', $4, 'EUR')`,
          [randomUUID(), italian, randomUUID(), amount],
        );
      }
    });

    const issue = (month: string, token = admin.token) =>
      h.call('POST', '/api/admin/billing/invoices/issue', { token, body: { month } });

    it('issues one invoice per partner for the month: 22 % VAT in Italy, reverse charge for a German business', async () => {
      const res = await issue('2025-03');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.issued).toBe(2);
      const byPartner = async (owner: TestUser) =>
        (await h.call('GET', '/api/billing/invoices', { token: owner.token })).body;
      const [it] = await byPartner(italianOwner);
      const [de] = await byPartner(germanOwner);
      // Fees 21.00 − 3.00 refunded + 3.00 sponsored = 21.00; VAT 22 % = 4.62.
      expect(it).toMatchObject({
        periodStart: '2025-03-01',
        periodEnd: '2025-03-31',
        currency: 'EUR',
        netMinor: 2100,
        vatMinor: 462,
        totalMinor: 2562,
      });
      expect(de).toMatchObject({ netMinor: 1000, vatMinor: 0, totalMinor: 1000 });
      expect([it.number, de.number].sort()).toEqual([`TC-${year}-000001`, `TC-${year}-000002`]);

      const dePdf = await download(`/api/billing/invoices/${de.id}?format=pdf&lang=en`, germanOwner.token);
      expect(dePdf.headers['content-disposition']).toBe(`attachment; filename="invoice-${de.number}.pdf"`);
      const deText = pdfText(asBuffer(dePdf));
      expect(deText).toContain('Reverse charge – Art. 196 Directive 2006/112/EC');
      expect(deText).toContain('Alpen Reisen GmbH');
      expect(deText).toContain('DE123456789');
      // The issuer as configured when the invoice was issued.
      expect(deText).toContain('TourConnect Test S.r.l.');
      expect(deText).toContain('Via dei Test 1, 38122 Trento, Italy');
      expect(deText).toContain('IT00000000000');
      const itCsv = parseCsv((await download(`/api/billing/invoices/${it.id}?format=csv`, italianOwner.token)).payload);
      const line = (kind: string) => itCsv.find((r) => r[7] === kind);
      expect(line('platform_fees')!.at(-1)).toBe('21.00');
      expect(line('fees_refunded')!.at(-1)).toBe('-3.00');
      expect(line('sponsored')!.at(-1)).toBe('3.00');
      expect(line('vat')!.slice(9, 11)).toEqual(['2200', 'it_vat']);
      expect(line('total')!.at(-1)).toBe('25.62');
      expect(
        await h.rows(`SELECT 1 FROM billing.campaign_spend WHERE partner_id = $1 AND invoice_id = $2`, [
          italian,
          it.id,
        ]),
      ).toHaveLength(2);
    });

    it('issues nothing twice for the same month, and refuses a month that has not ended', async () => {
      const again = await issue('2025-03');
      expect(again.body.issued).toBe(0);
      expect(again.body.invoices).toHaveLength(2);
      expect(await h.rows(`SELECT 1 FROM billing.invoices`)).toHaveLength(2);
      const now = new Date();
      const current = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
      const ancient = await issue('0000-01');
      expect(ancient.status).toBe(400);
      expect(ancient.body.code).toBe('invalid_period');
      const early = await issue(current);
      expect(early.status).toBe(400);
      expect(early.body.code).toBe('invalid_period');
    });

    it('shows an invoice only to its partner or an admin; issuing is for admins', async () => {
      const [de] = (await h.call('GET', '/api/billing/invoices', { token: germanOwner.token })).body;
      const foreign = await download(`/api/billing/invoices/${de.id}`, italianOwner.token);
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().code).toBe('invoice_not_found');
      expect((await download(`/api/billing/invoices/${de.id}`, admin.token)).statusCode).toBe(200);
      expect((await issue('2025-02', italianOwner.token)).status).toBe(403);
    });
  });

  describe('sponsored spend', () => {
    it('nets whole spend rows, oldest first, up to a transfer’s amount, each only once', async () => {
      const partnerId = randomUUID();
      for (const [day, amount] of [
        ['2026-11-03', 300],
        ['2026-11-01', 100],
        ['2026-11-02', 250],
        ['2026-11-04', 50],
      ] as const) {
        await h.rows(
          `INSERT INTO billing.campaign_spend (event_id, partner_id, campaign_id, day, amount_minor, currency) VALUES ($1, $2, $3, $4, $5, 'EUR')`,
          [randomUUID(), partnerId, randomUUID(), day, amount],
        );
      }
      const first = randomUUID();
      const second = randomUUID();
      // 100 + 250 fit in 500, the next row (300) does not: it waits for the next transfer.
      expect(await h.database.db.transaction((tx) => takeSpendToNet(tx, partnerId, 'EUR', 500, first))).toBe(350);
      expect(await h.database.db.transaction((tx) => takeSpendToNet(tx, partnerId, 'EUR', 10_000, second))).toBe(350);
      expect(await h.database.db.transaction((tx) => takeSpendToNet(tx, partnerId, 'EUR', 10_000, randomUUID()))).toBe(
        0,
      );
      const rows = await h.rows<{ day: string; netted_transfer_id: string }>(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, netted_transfer_id FROM billing.campaign_spend WHERE partner_id = $1 ORDER BY day`,
        [partnerId],
      );
      expect(rows.map((r) => [r.day, r.netted_transfer_id])).toEqual([
        ['2026-11-01', first],
        ['2026-11-02', first],
        ['2026-11-03', second],
        ['2026-11-04', second],
      ]);
    });

    it('records a charged click once however often it is delivered', async () => {
      const partnerId = randomUUID();
      const envelope = testEnvelope('bundling.campaign.click_charged.v1', {
        clickId: randomUUID(),
        campaignId: randomUUID(),
        partnerId,
        amountMinor: 45n,
        currency: 'EUR',
        chargedAt: timestampFromDate(new Date('2026-11-30T23:30:00Z')),
      });
      await h.deliver(envelope, 2);
      const rows = await h.rows<{ event_id: string; amount_minor: string; day: string }>(
        `SELECT event_id, amount_minor, to_char(day, 'YYYY-MM-DD') AS day FROM billing.campaign_spend WHERE partner_id = $1`,
        [partnerId],
      );
      // 23:30 UTC on 30 November is already 1 December in Rome.
      expect(rows).toEqual([{ event_id: envelope.id, amount_minor: '45', day: '2026-12-01' }]);
    });
  });
});
