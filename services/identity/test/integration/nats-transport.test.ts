import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNatsTransport, type EventEnvelope, type NatsTransport } from '@tourconnect/events';
import { waitFor } from '@tourconnect/service-kit/testing';
import { startIdentityOn, type IdentityOnTransport } from '../support/harness.ts';
import { post, register, withCookie } from '../support/http.ts';
import { partnerRegistered } from '../support/partner-events.ts';

const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const suffix = randomBytes(4).toString('hex');
// A namespace of our own on the shared NATS: the stream holds `<prefix>.identity.…` and
// cannot overlap another file's (or a running deployment's) streams.
const PREFIX = `identitytest${suffix}`;

async function openTransport(): Promise<NatsTransport> {
  return createNatsTransport({ url: NATS_URL, name: `identity-test-${suffix}`, subjectPrefix: PREFIX });
}

describe('identity over real NATS JetStream', () => {
  let h: IdentityOnTransport;
  let transport: NatsTransport;
  const seen: EventEnvelope[] = [];

  beforeAll(async () => {
    transport = await openTransport();
    transport.tap('identity.>', (env) => seen.push(env));
    h = await startIdentityOn(transport, 'identity_nats');
  });
  afterAll(async () => {
    await h?.app.close();
    const jsm = transport ? await transport.connection.jetstreamManager() : undefined;
    await jsm?.streams.delete(transport.stream).catch(() => false);
    await jsm?.streams.delete(transport.deadLetterStream).catch(() => false);
    await h?.close();
    await transport?.close();
  });

  const storedPartnerEvents = async () => {
    const jsm = await transport.connection.jetstreamManager();
    const info = await jsm.streams.info(transport.stream, { subjects_filter: `${PREFIX}.partners.>` });
    return info.state.subjects?.[`${PREFIX}.partners.partner.registered.v1`] ?? 0;
  };

  it('is ready with NATS reachable', async () => {
    const res = await h.app.inject('/readyz');
    expect(res.statusCode).toBe(200);
    expect(res.json().checks.events).toEqual({ ok: true });
  });

  it('relays identity.user.registered.v1 from the outbox into JetStream', async () => {
    const { session } = await register(h.app);
    const userId = session.user.id;
    const envelope = (await waitFor(
      async () => seen.find((e) => (e.payload as { userId?: string }).userId === userId),
      Boolean,
    ))!;
    expect(envelope).toMatchObject({
      subject: 'identity.user.registered.v1',
      producer: 'identity',
      audience: [userId],
      payload: { userId, email: session.user.email, roles: ['traveller'] },
    });
    const sent = await waitFor(
      async () =>
        (await h.database.pool.query(`SELECT sent_at FROM identity.event_outbox WHERE id = $1`, [envelope.id])).rows[0],
      (row) => row?.sent_at instanceof Date,
    );
    expect(sent.sent_at).toBeInstanceOf(Date);
  });

  it('consumes partners.partner.registered.v1 from JetStream once, even when published twice', async () => {
    const { session, cookie } = await register(h.app);
    const userId = session.user.id;
    const before = await storedPartnerEvents();
    const event = partnerRegistered(userId);
    await transport.publish(event);
    await transport.publish(event); // same event id → the broker's duplicate window drops it
    expect(await storedPartnerEvents()).toBe(before + 1);

    const granted = await waitFor(
      async () =>
        seen.filter(
          (e) => e.subject === 'identity.user.role_granted.v1' && (e.payload as { userId?: string }).userId === userId,
        ),
      (list) => list.length > 0,
    );
    expect(granted[0]!.payload).toMatchObject({ userId, role: 'partner' });
    const refreshed = await post(h.app, '/api/auth/refresh', undefined, withCookie(cookie));
    expect(refreshed.json().user.roles).toEqual(['traveller', 'partner']);
    const { rows } = await h.database.pool.query(
      `SELECT count(*)::int AS n FROM identity.event_inbox WHERE event_id = $1`,
      [event.id],
    );
    expect(rows[0].n).toBe(1);
  });
});
