// The sender against an SMTP server that is down, that refuses for now, and that refuses for
// good: nothing is lost while it is down, a 5xx fails the e-mail into a replayable dead letter.
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, waitFor } from '@tourconnect/service-kit/testing';
import { MAIL_SENDER_DURABLE } from '../../src/app.ts';
import { deliveryRows, startNotificationsHarness, type NotificationsHarness } from '../support/harness.ts';
import { secretToken, verificationRequested } from '../support/events.ts';
import { startSmtpPeer, unusedPort, type SmtpPeer } from '../support/smtp-peer.ts';

const open: { harness?: NotificationsHarness; peer?: SmtpPeer } = {};
afterEach(async () => {
  await open.harness?.close();
  await open.peer?.stop();
  open.harness = undefined;
  open.peer = undefined;
});

const onlyRow = async (harness: NotificationsHarness) => (await deliveryRows(harness))[0];

describe('SMTP server down', () => {
  it('keeps the e-mail queued and retrying, then sends it once the server is back', async () => {
    const port = await unusedPort();
    const harness = (open.harness = await startNotificationsHarness(port, { MAIL_MAX_ATTEMPTS: '50' }));
    const token = secretToken();
    await harness.deliver(verificationRequested({ token }));

    const retrying = await waitFor(
      () => onlyRow(harness),
      (row) => (row?.attempts ?? 0) >= 2,
    );
    expect(retrying).toMatchObject({ status: 'queued', sentAt: null });
    expect(retrying!.lastError).toMatch(/ECONNECTION|ECONNREFUSED/);
    expect(retrying!.sealedLinks).not.toBeNull();

    const peer = (open.peer = await startSmtpPeer(port));
    const sent = await waitFor(
      () => onlyRow(harness),
      (row) => row?.status === 'sent',
    );
    expect(sent!.lastError).toBeNull();
    expect(sent!.sealedLinks).toBeNull();
    expect(peer.received).toHaveLength(1);
    expect(peer.received[0]!.text).toContain(`#token=${token}`);
  });

  it('retries a temporary refusal (451) and sends when the server accepts again', async () => {
    const peer = (open.peer = await startSmtpPeer());
    peer.behaviour = 'reject-temporarily';
    const harness = (open.harness = await startNotificationsHarness(peer.port, { MAIL_MAX_ATTEMPTS: '50' }));
    await harness.deliver(verificationRequested());
    const retrying = await waitFor(
      () => onlyRow(harness),
      (row) => (row?.attempts ?? 0) >= 2,
    );
    expect(retrying!.status).toBe('queued');
    expect(retrying!.lastError).toContain('451');
    peer.behaviour = 'accept';
    await waitFor(
      () => onlyRow(harness),
      (row) => row?.status === 'sent',
    );
    expect(peer.received).toHaveLength(1);
  });
});

describe('permanent refusal', () => {
  it('fails the e-mail at the first 5xx, announces it and files a dead letter that replays it', async () => {
    const peer = (open.peer = await startSmtpPeer());
    peer.behaviour = 'reject-recipient';
    const harness = (open.harness = await startNotificationsHarness(peer.port));
    const token = secretToken();
    const event = verificationRequested({ token });
    await harness.deliver(event);

    const failed = await waitFor(
      () => onlyRow(harness),
      (row) => row?.status === 'failed',
    );
    expect(failed).toMatchObject({ attempts: 1, sentAt: null });
    expect(failed!.lastError).toContain('550');
    expect(failed!.failedAt).toBeInstanceOf(Date);

    const outbox = await harness.database.pool.query<{ subject: string; envelope: { payload: unknown } }>(
      `SELECT subject, envelope FROM notifications.event_outbox WHERE subject = 'notifications.email.failed.v1'`,
    );
    expect(outbox.rows).toHaveLength(1);
    expect(outbox.rows[0]!.envelope.payload).toMatchObject({
      deliveryId: failed!.id,
      causeEventId: event.id,
      template: 'verify_email',
      attempts: 1,
    });

    const admin = bearer(await harness.tokens.sign({ roles: ['admin'] }));
    const letters = await harness.app.inject({ method: 'GET', url: '/internal/dead-letters', headers: admin });
    const [letter] = letters.json<{ items: { id: string; durable: string; error: string }[] }>().items;
    expect(letter).toMatchObject({ durable: MAIL_SENDER_DURABLE });
    expect(letter!.error).toContain('550');
    expect(JSON.stringify(letters.json())).not.toContain(token);

    // The address is fixed on the provider's side; the admin replays the dead letter.
    peer.behaviour = 'accept';
    const replay = await harness.app.inject({
      method: 'POST',
      url: `/internal/dead-letters/${letter!.id}/replay`,
      headers: admin,
    });
    expect(replay.json()).toEqual({ replayed: true });
    const sent = await waitFor(
      () => onlyRow(harness),
      (row) => row?.status === 'sent',
    );
    expect(sent!.messageId).toBe(failed!.messageId);
    expect(peer.received).toHaveLength(1);
    expect(peer.received[0]!.text).toContain(`#token=${token}`);
  });

  it('gives up after the last attempt of a temporary refusal', async () => {
    const peer = (open.peer = await startSmtpPeer());
    peer.behaviour = 'reject-temporarily';
    const harness = (open.harness = await startNotificationsHarness(peer.port, { MAIL_MAX_ATTEMPTS: '3' }));
    await harness.deliver(verificationRequested());
    const failed = await waitFor(
      () => onlyRow(harness),
      (row) => row?.status === 'failed',
    );
    expect(failed!.attempts).toBe(3);
    expect(failed!.lastError).toContain('451');
    const letters = await harness.app.inject({
      method: 'GET',
      url: '/internal/dead-letters',
      headers: bearer(await harness.tokens.sign({ roles: ['admin'] })),
    });
    expect(letters.json<{ items: unknown[] }>().items).toHaveLength(1);
  });
});
