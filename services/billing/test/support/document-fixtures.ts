import { randomUUID } from 'node:crypto';
import type { BillingHarness } from './harness.ts';

type Rows = BillingHarness['rows'];

export interface SeededBooking {
  bookingId: string;
  userId: string;
  totalMinor: number;
}

/** A booking in billing's projection, as bundling priced it: two lines of two partners. */
export async function seedBooking(
  rows: Rows,
  input: { userId: string; seller: string; supplier?: string; title?: string; currency?: string },
): Promise<SeededBooking> {
  const bookingId = randomUUID();
  const supplier = input.supplier ?? input.seller;
  const lines = [
    {
      position: 0,
      itemId: randomUUID(),
      itemType: 'tour',
      title: 'Giro in barca a Bellagio',
      partnerId: input.seller,
      quantity: 2,
      availabilityId: null,
      startsAt: null,
      unitPriceMinor: 5000,
      grossMinor: 10000,
      discountMinor: 500,
      netMinor: 9500,
      supplierShareMinor: 9500,
    },
    {
      position: 1,
      itemId: randomUUID(),
      itemType: 'service',
      partnerId: supplier,
      quantity: 1,
      availabilityId: null,
      startsAt: null,
      unitPriceMinor: 4000,
      grossMinor: 4000,
      discountMinor: 0,
      netMinor: 4000,
      supplierShareMinor: 3600,
    },
  ];
  await rows(
    `INSERT INTO billing.bookings (id, package_id, user_id, seller_partner_id, package_title, currency, subtotal_minor,
       bundle_discount_minor, total_minor, lines, partner_ids, hold_expires_at, status)
     VALUES ($1, $2, $3, $4, $5, $6, 14000, 500, 13500, $7, $8, now() + interval '15 minutes', 'confirmed')`,
    [
      bookingId,
      randomUUID(),
      input.userId,
      input.seller,
      input.title ?? 'Lake Como weekend',
      input.currency ?? 'EUR',
      JSON.stringify(lines),
      [...new Set([input.seller, supplier])],
    ],
  );
  return { bookingId, userId: input.userId, totalMinor: 13500 };
}

/** The booking's payment, succeeded (or in another status). */
export async function seedPayment(rows: Rows, booking: SeededBooking, status = 'succeeded'): Promise<string> {
  const id = randomUUID();
  await rows(
    `INSERT INTO billing.payments (id, booking_id, user_id, payment_intent_id, amount_minor, currency, status, succeeded_at)
     VALUES ($1, $2, $3, $4, $5, 'EUR', $6, CASE WHEN $6 = 'succeeded' THEN now() END)`,
    [id, booking.bookingId, booking.userId, `pi_${id.replace(/-/g, '')}`, booking.totalMinor, status],
  );
  return id;
}

export async function seedPartner(
  rows: Rows,
  input: { name: string; legalName?: string; country: string; vatId?: string | null },
): Promise<string> {
  const id = randomUUID();
  await rows(
    `INSERT INTO billing.partners (id, name, legal_name, vat_id, country, type, status, verified)
     VALUES ($1, $2, $3, $4, $5, 'tour_operator', 'verified', true)`,
    [id, input.name, input.legalName ?? null, input.vatId ?? null, input.country],
  );
  return id;
}

export async function seedMember(rows: Rows, partnerId: string, userId: string, role = 'owner'): Promise<void> {
  await rows(`INSERT INTO billing.members (user_id, partner_id, role) VALUES ($1, $2, $3)`, [userId, partnerId, role]);
}

/** A partner's split line of a booking paid at `at`: earning, fee at `bps`, share. */
export async function seedSplit(
  rows: Rows,
  input: {
    bookingId: string;
    partnerId: string;
    earningMinor: number;
    feeMinor: number;
    at: Date;
    position?: number;
    currency?: string;
  },
): Promise<void> {
  await rows(
    `INSERT INTO billing.booking_splits (booking_id, position, partner_id, role, item_id, item_type, currency, earning_minor, fee_bps, fee_minor, share_minor, created_at)
     VALUES ($1, $2, $3, 'seller', $4, 'tour', $5, $6::bigint, 1500, $7::bigint, $6::bigint - $7::bigint, $8)`,
    [
      input.bookingId,
      input.position ?? 0,
      input.partnerId,
      randomUUID(),
      input.currency ?? 'EUR',
      input.earningMinor,
      input.feeMinor,
      input.at,
    ],
  );
}
