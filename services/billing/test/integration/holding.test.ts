import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startBillingHarness, type BillingHarness, type TestPartner, type TestUser } from '../support/harness.ts';
import { payAndConfirm } from '../support/money-flow.ts';

const DAY_MS = 86_400_000;

describe("an admin sets a partner's holding period; later bookings' transfers wait for it", () => {
  let h: BillingHarness;
  let seller: TestPartner;
  let admin: TestUser;
  let partnerUser: TestUser;
  let traveller: TestUser;

  beforeAll(async () => {
    h = await startBillingHarness('billing_holding');
    seller = await h.partner();
    admin = await h.user(['admin']);
    partnerUser = await h.user(['partner']);
    traveller = await h.user();
  });
  afterAll(async () => {
    await h?.close();
  });

  const url = (partnerId: string) => `/api/admin/billing/partners/${partnerId}/holding`;
  const audits = (partnerId: string) =>
    h.rows<{ action: string; actor_id: string; data: Record<string, unknown> }>(
      "SELECT action, actor_id, data FROM billing.audit_log WHERE entity_type = 'partner_account' AND entity_id = $1 ORDER BY seq",
      [partnerId],
    );

  async function paidAndConfirmed(startsAt: Date) {
    const paid = await payAndConfirm(h, traveller, seller, [
      { partnerId: seller.partnerId, netMinor: 20_000, startsAt },
    ]);
    return paid.booking.bookingId;
  }
  const transferOf = async (bookingId: string) =>
    (
      await h.rows<{ id: string; status: string; available_after: Date }>(
        'SELECT id, status, available_after FROM billing.transfers WHERE booking_id = $1',
        [bookingId],
      )
    )[0]!;

  it('reads the holding period, sets 7 days (audited with the previous value), and holds the next transfer until the service date + 7 days', async () => {
    const before = await h.call('GET', url(seller.partnerId), { token: admin.token });
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ partnerId: seller.partnerId, holdingDays: 0, defaultDays: 0 });

    // A booking confirmed before the change keeps its schedule (transfer due at once).
    const earlier = await paidAndConfirmed(new Date(Date.now() + 3 * DAY_MS));
    const earlierTransfer = await transferOf(earlier);
    expect(earlierTransfer.available_after.getTime()).toBeLessThanOrEqual(Date.now());

    const set = await h.call('PUT', url(seller.partnerId), { token: admin.token, body: { holdingDays: 7 } });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ partnerId: seller.partnerId, holdingDays: 7, defaultDays: 0 });
    expect((await h.call('GET', url(seller.partnerId), { token: admin.token })).body.holdingDays).toBe(7);
    expect(await audits(seller.partnerId)).toEqual([
      {
        action: 'partner_account.holding_set',
        actor_id: admin.id,
        data: { holdingDays: 7, previousDays: 0 },
      },
    ]);
    expect((await transferOf(earlier)).available_after).toEqual(earlierTransfer.available_after);

    const firstService = new Date(Date.now() + 2 * DAY_MS);
    firstService.setUTCMilliseconds(0);
    const later = await paidAndConfirmed(firstService);
    const held = await transferOf(later);
    expect(held.available_after.getTime()).toBe(firstService.getTime() + 7 * DAY_MS);

    await h.queues.transfers();
    expect((await transferOf(earlier)).status).toBe('sent');
    expect((await transferOf(later)).status).toBe('scheduled');

    // Once the date has passed (moved back here instead of waiting nine days) the queue sends it.
    await h.rows("UPDATE billing.transfers SET available_after = now() - interval '1 minute' WHERE id = $1", [held.id]);
    await h.queues.transfers();
    expect((await transferOf(later)).status).toBe('sent');
  });

  it.each([-1, 366, 10_000])('refuses %s days with 422 holding_days_out_of_range and changes nothing', async (days) => {
    const res = await h.call('PUT', url(seller.partnerId), { token: admin.token, body: { holdingDays: days } });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('holding_days_out_of_range');
    expect((await h.call('GET', url(seller.partnerId), { token: admin.token })).body.holdingDays).toBe(7);
    expect(await audits(seller.partnerId)).toHaveLength(1);
  });

  it('refuses a fraction or a malformed partner id with 400', async () => {
    const fraction = await h.call('PUT', url(seller.partnerId), { token: admin.token, body: { holdingDays: 1.5 } });
    expect([fraction.status, fraction.body.code]).toEqual([400, 'validation_failed']);
    const id = await h.call('GET', url('acme'), { token: admin.token });
    expect([id.status, id.body.code]).toEqual([400, 'validation_failed']);
  });

  it('answers 404 partner_account_not_found for a partner without a payout account', async () => {
    const unknown = randomUUID();
    for (const method of ['GET', 'PUT'] as const) {
      const res = await h.call(method, url(unknown), {
        token: admin.token,
        body: method === 'PUT' ? { holdingDays: 3 } : undefined,
      });
      expect([res.status, res.body.code]).toEqual([404, 'partner_account_not_found']);
    }
    expect(await audits(unknown)).toEqual([]);
  });

  it('answers 403 to a partner and 401 to an anonymous caller, and changes nothing', async () => {
    for (const method of ['GET', 'PUT'] as const) {
      const body = method === 'PUT' ? { holdingDays: 0 } : undefined;
      const forbidden = await h.call(method, url(seller.partnerId), { token: partnerUser.token, body });
      expect([forbidden.status, forbidden.body.code]).toEqual([403, 'forbidden']);
      const anonymous = await h.call(method, url(seller.partnerId), { body });
      expect(anonymous.status).toBe(401);
    }
    expect((await h.call('GET', url(seller.partnerId), { token: admin.token })).body.holdingDays).toBe(7);
  });
});

describe('with a platform default of 3 days, an admin exempts one partner (0 days)', () => {
  let h: BillingHarness;

  beforeAll(async () => {
    h = await startBillingHarness('billing_holding_zero', { HOLDING_DAYS_DEFAULT: '3' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("sends that partner's next transfer at once while another partner's waits the default", async () => {
    const admin = await h.user(['admin']);
    const traveller = await h.user();
    const exempt = await h.partner({ holdingDays: 3 });
    const other = await h.partner({ holdingDays: 3 });
    const set = await h.call('PUT', `/api/admin/billing/partners/${exempt.partnerId}/holding`, {
      token: admin.token,
      body: { holdingDays: 0 },
    });
    expect(set.body).toEqual({ partnerId: exempt.partnerId, holdingDays: 0, defaultDays: 3 });

    const firstService = new Date(Date.now() + 2 * DAY_MS);
    firstService.setUTCMilliseconds(0);
    const { booking } = await payAndConfirm(h, traveller, exempt, [
      { partnerId: exempt.partnerId, netMinor: 12_000, startsAt: firstService },
      { partnerId: other.partnerId, netMinor: 8_000, startsAt: firstService },
    ]);
    await h.queues.transfers();

    const rows = await h.rows<{ partner_id: string; status: string; available_after: Date }>(
      'SELECT partner_id, status, available_after FROM billing.transfers WHERE booking_id = $1',
      [booking.bookingId],
    );
    const byPartner = new Map(rows.map((r) => [r.partner_id, r]));
    expect(byPartner.get(exempt.partnerId)!.status).toBe('sent');
    expect(byPartner.get(other.partnerId)!.status).toBe('scheduled');
    expect(byPartner.get(other.partnerId)!.available_after.getTime()).toBe(firstService.getTime() + 3 * DAY_MS);
  });
});
