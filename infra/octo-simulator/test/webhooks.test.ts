// octo/webhooks: subscriptions, HMAC-SHA256 signed deliveries, retries with backoff, and a
// webhook for every change made through the API or the control surface.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findSlot, productsByKind, unitOfType } from './helpers/catalogue.ts';
import { startSimulator, T0, type TestSimulator } from './helpers/simulator.ts';
import { startReceiver, type ReceivedWebhook, type WebhookReceiver } from './helpers/webhook-receiver.ts';

const contact = { firstName: 'Mary', lastName: 'Jackson', emailAddress: 'mary@example.com' };

describe('webhooks', () => {
  let t: TestSimulator;
  let hooks: WebhookReceiver;
  let tour: any;
  let adult: string;
  let slot: any;
  const secrets = new Map<string, string>();

  const subscribe = async (event: string, extra: Record<string, unknown> = {}, caps: string[] = ['octo/pricing']) => {
    const res = await fetch(`${t.url}/octo/webhooks`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer test',
        'content-type': 'application/json',
        'octo-capabilities': caps.join(', '),
      },
      body: JSON.stringify({ url: hooks.url, event, ...extra }),
    });
    const body = (await res.json()) as any;
    if (res.ok) secrets.set(body.id, body.secret);
    return { status: res.status, body };
  };
  const ofEvent = (event: string) => (all: ReceivedWebhook[]) => all.filter((r) => r.json.event === event);
  const verify = (hook: ReceivedWebhook) => {
    const secret = secrets.get(hook.json.webhook.id) ?? '';
    const expected = `sha256=${createHmac('sha256', secret).update(hook.raw).digest('hex')}`;
    expect(hook.headers['x-octo-signature']).toBe(expected);
  };
  const reserve = async () =>
    (
      await t.octo.reserve({
        productId: tour.id,
        optionId: 'DEFAULT',
        availabilityId: slot.id,
        unitItems: [{ unitId: adult }],
      })
    ).body;

  beforeAll(async () => {
    t = await startSimulator({ webhooks: { retryDelaysMs: [50, 100], timeoutMs: 1_000 }, sweepIntervalMs: 50 });
    hooks = await startReceiver();
    ({ tour } = await productsByKind(t.octo));
    adult = unitOfType(tour, 'ADULT');
    slot = await findSlot(t.octo, tour, '2025-06-05', '2025-06-12', 3);
  });
  beforeEach(async () => {
    t.clock.set(T0);
    await t.control('POST', '/reset', undefined, null);
    hooks.received.length = 0;
  });
  afterAll(async () => {
    await t.close();
    await hooks.close();
  });

  it('manages subscriptions: create, list, delete', async () => {
    const created = await subscribe('booking_update', { headers: { 'x-tenant': 'tc' } });
    expect(created.body).toMatchObject({
      event: 'booking_update',
      url: hooks.url,
      retryOnError: true,
      capabilities: ['octo/pricing'],
    });
    expect(created.body.secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    const list = (await (
      await fetch(`${t.url}/octo/webhooks`, { headers: { authorization: 'Bearer test' } })
    ).json()) as any[];
    expect(list.map((w: any) => w.id)).toEqual([created.body.id]);
    const del = await fetch(`${t.url}/octo/webhooks/${created.body.id}`, {
      method: 'DELETE',
      headers: { authorization: 'Bearer test' },
    });
    expect(del.status).toBe(204);
    const held = await reserve();
    await t.octo.confirm(held.uuid, { contact });
    await new Promise((r) => setTimeout(r, 100));
    expect(hooks.received).toHaveLength(0);
    expect((await subscribe('everything')).body).toMatchObject({ error: 'BAD_REQUEST' });
    expect((await subscribe('booking_update', { url: 'ftp://example.com' })).body.error).toBe('BAD_REQUEST');
  });

  it('signs booking_update deliveries; the booking in them is on spec for the subscribed capabilities', async () => {
    await subscribe('booking_update', { headers: { 'x-tenant': 'tc' } });
    const held = await reserve();
    await t.octo.confirm(held.uuid, { contact });
    const [hook] = ofEvent('booking_update')(await hooks.waitFor((all) => ofEvent('booking_update')(all).length >= 1));
    if (!hook) throw new Error('no delivery');
    verify(hook);
    expect(hook.headers).toMatchObject({
      'x-octo-event': 'booking_update',
      'x-octo-delivery-attempt': '1',
      'x-tenant': 'tc',
    });
    expect(hook.headers['x-octo-event-id']).toBe(hook.json.id);
    expect(hook.json.booking).toMatchObject({ uuid: held.uuid, status: 'CONFIRMED' });
    t.octo.spec.assert('Booking', hook.json.booking, ['octo/pricing']);
  });

  it('retries a delivery answered with 500 and records every attempt', async () => {
    await subscribe('booking_update');
    hooks.respondWith(500, 503);
    const held = await reserve();
    await t.octo.confirm(held.uuid, { contact });
    const all = await hooks.waitFor((r) => r.length >= 3);
    expect(all.map((r) => r.status)).toEqual([500, 503, 200]);
    expect(all.map((r) => r.headers['x-octo-delivery-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(all.map((r) => r.json.id)).size).toBe(1);
    all.forEach(verify);
    const deliveries = (await t.control('GET', '/webhooks/deliveries')).body;
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ status: 'DELIVERED', nextAttemptAt: null });
    expect(deliveries[0].attempts.map((a: any) => a.statusCode)).toEqual([500, 503, 200]);
  });

  it('gives up after the last retry, or at once when retryOnError is false', async () => {
    const retrying = (await subscribe('booking_update')).body;
    const once = (await subscribe('booking_update', { retryOnError: false })).body;
    hooks.respondWith(500, 500, 500, 500);
    const held = await reserve();
    await t.octo.extend(held.uuid, { expirationMinutes: 45 });
    await hooks.waitFor((r) => r.length >= 4);
    await new Promise((r) => setTimeout(r, 250));
    expect(hooks.received).toHaveLength(4);
    const deliveries = (await t.control('GET', '/webhooks/deliveries')).body;
    const byHook = (id: string) => deliveries.find((d: any) => d.webhookId === id);
    expect(byHook(retrying.id)).toMatchObject({ status: 'FAILED', nextAttemptAt: null });
    expect(byHook(retrying.id).attempts.map((a: any) => a.statusCode)).toEqual([500, 500, 500]);
    expect(byHook(once.id).attempts).toHaveLength(1);
    expect(byHook(once.id).status).toBe('FAILED');
  });

  it('announces availability changes from reservations, expiry and other channels', async () => {
    await subscribe('availability_update');
    await subscribe('booking_update');
    await t.octo.reserve({
      productId: tour.id,
      optionId: 'DEFAULT',
      availabilityId: slot.id,
      unitItems: [{ unitId: adult }],
      expirationMinutes: 5,
    });
    await hooks.waitFor((r) => ofEvent('availability_update')(r).length >= 1);
    t.clock.advanceMinutes(6);
    await hooks.waitFor((r) => ofEvent('booking_update')(r).length >= 1); // the background sweep
    expect(ofEvent('booking_update')(hooks.received)[0]?.json.booking.status).toBe('EXPIRED');
    await t.control('POST', '/availability/sell', {
      productId: tour.id,
      optionId: 'DEFAULT',
      availabilityId: slot.id,
      quantity: 2,
    });
    const updates = ofEvent('availability_update')(
      await hooks.waitFor((r) => ofEvent('availability_update')(r).length >= 3),
    );
    for (const hook of updates) {
      verify(hook);
      expect(hook.json.availability).toEqual({
        productId: tour.id,
        optionId: 'DEFAULT',
        availabilityIds: [slot.id],
        localDates: [slot.id.slice(0, 10)],
      });
      t.octo.spec.assert('Availability[]', hook.json.availabilities, ['octo/pricing']);
    }
    expect(updates.map((h) => h.json.availabilities[0].vacancies)).toEqual([
      slot.vacancies - 1,
      slot.vacancies,
      slot.vacancies - 2,
    ]);
  });

  it('announces product changes and supplier-side cancellations', async () => {
    await subscribe('product_update', {}, ['octo/content']);
    await subscribe('booking_update');
    const held = await reserve();
    await t.control('POST', `/bookings/${held.uuid}/cancel`, { reason: 'Storm warning' });
    await t.control('DELETE', `/products/${tour.id}/options/${tour.options[1].id}`);
    await t.control('PUT', `/products/${tour.id}/options/DEFAULT/units/${adult}/price`, { retail: 5000 });
    const all = await hooks.waitFor((r) => r.length >= 3);
    const cancelled = ofEvent('booking_update')(all)[0];
    expect(cancelled?.json.booking).toMatchObject({ status: 'CANCELLED', cancellation: { reason: 'Storm warning' } });
    const products = ofEvent('product_update')(all);
    expect(products.map((h) => h.json.change)).toEqual([
      { type: 'OPTION_REMOVED', optionId: tour.options[1].id },
      { type: 'PRICE_CHANGED', optionId: 'DEFAULT', unitId: adult },
    ]);
    for (const hook of products) {
      verify(hook);
      t.octo.spec.assert('Product', hook.json.product, ['octo/content']);
    }
    expect(products[0]?.json.product.options).toHaveLength(1);
  });
});
