// Account e-mails end to end on the service: an identity event in, a localized e-mail out over
// real SMTP, recorded once, with the link's secret token in the e-mail and nowhere in the database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '@tourconnect/service-kit/testing';
import {
  deliveryRows,
  everythingStored,
  PORTAL_URL,
  startNotificationsHarness,
  type NotificationsHarness,
} from '../support/harness.ts';
import { emailChangeRequested, passwordResetRequested, secretToken, verificationRequested } from '../support/events.ts';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer.ts';

let peer: SmtpPeer;
let harness: NotificationsHarness;

beforeAll(async () => {
  peer = await startSmtpPeer();
  harness = await startNotificationsHarness(peer.port);
});
afterAll(async () => {
  await harness?.close();
  await peer?.stop();
});
beforeEach(() => {
  peer.received.length = 0;
});

const receivedFor = (address: string) =>
  waitFor(
    async () => peer.received.filter((mail) => mail.to.includes(address)),
    (mails) => mails.length > 0,
  );

describe('verification e-mail', () => {
  it('sends it in German (Sie) with the live link, and records it sent with the server id', async () => {
    const token = secretToken();
    const event = verificationRequested({ locale: 'de', token, name: 'Grete Weber' });
    await harness.deliver(event);
    const email = (event.payload as { email: string }).email;

    const [mail] = await receivedFor(email);
    expect(mail!.subject).toBe('Bestätigen Sie Ihre E-Mail-Adresse');
    expect(mail!.text).toContain('Guten Tag Grete Weber,');
    expect(mail!.text).toContain('bestätigen Sie, dass diese E-Mail-Adresse Ihnen gehört');
    expect(mail!.text).toContain(`${PORTAL_URL}/verify-email#token=${token}`);
    expect(mail!.html).toContain(`href="${PORTAL_URL}/verify-email#token=${token}"`);
    expect(mail!.html).toContain('<html lang="de">');
    expect(mail!.headers.get('auto-submitted')).toBe('auto-generated');

    const [row] = await waitFor(
      () => deliveryRows(harness),
      (rows) => rows.some((r) => r.status === 'sent'),
    );
    expect(row).toMatchObject({
      template: 'verify_email',
      locale: 'de',
      recipientEmail: email,
      recipientUserId: (event.payload as { userId: string }).userId,
      status: 'sent',
      attempts: 1,
      causeEventId: event.id,
      messageId: mail!.messageId,
      sealedLinks: null,
    });
    expect(row!.providerMessageId).toMatch(/^PEER\d+$/);
    expect(row!.sentAt).toBeInstanceOf(Date);
    // The record shows where the link went, without the token.
    expect(row!.text).toContain(`${PORTAL_URL}/verify-email#token=[redacted]`);
  });

  it('sends one e-mail for an event delivered three times', async () => {
    const event = verificationRequested({ locale: 'fr' });
    await harness.deliver(event, 3);
    const email = (event.payload as { email: string }).email;
    await receivedFor(email);
    await harness.settle();
    // Give a second send every chance to happen before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(peer.received.filter((mail) => mail.to.includes(email))).toHaveLength(1);
    const rows = (await deliveryRows(harness)).filter((r) => r.causeEventId === event.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subject).toBe('Confirmez votre adresse e-mail');
  });
});

describe('password reset and e-mail change', () => {
  it('sends the reset link in Italian', async () => {
    const token = secretToken();
    const event = passwordResetRequested({ locale: 'it', token });
    await harness.deliver(event);
    const [mail] = await receivedFor((event.payload as { email: string }).email);
    expect(mail!.subject).toBe('Reimposta la tua password');
    expect(mail!.text).toContain('Ciao Giulia Rossi,');
    expect(mail!.text).toContain(`${PORTAL_URL}/reset-password#token=${token}`);
  });

  it('sends the confirmation link to the new address and a notice without it to the current one', async () => {
    const token = secretToken();
    const event = emailChangeRequested({ token, locale: 'es' });
    const payload = event.payload as { newEmail: string; currentEmail: string };
    await harness.deliver(event);
    const [confirm] = await receivedFor(payload.newEmail);
    const [notice] = await receivedFor(payload.currentEmail);
    expect(confirm!.subject).toBe('Confirma tu nueva dirección de correo');
    expect(confirm!.text).toContain(`#token=${token}`);
    expect(notice!.subject).toBe('Tu dirección de correo va a cambiar');
    expect(notice!.text).toContain(payload.newEmail);
    expect(notice!.text).not.toContain(token);
  });

  it('falls back to English for a language it does not write', async () => {
    const event = passwordResetRequested({ locale: 'pt-BR' });
    await harness.deliver(event);
    const [mail] = await receivedFor((event.payload as { email: string }).email);
    expect(mail!.subject).toBe('Reset your password');
  });
});

describe('secret links', () => {
  it('are never stored in clear: not in deliveries, outbox, inbox, audit or dead letters', async () => {
    const tokens = [secretToken(), secretToken(), secretToken()];
    const events = [
      verificationRequested({ token: tokens[0] }),
      passwordResetRequested({ token: tokens[1] }),
      emailChangeRequested({ token: tokens[2] }),
    ];
    for (const event of events) await harness.deliver(event);
    await waitFor(
      async () => (await deliveryRows(harness)).filter((r) => events.some((e) => e.id === r.causeEventId)),
      (rows) => rows.length === 4 && rows.every((r) => r.status === 'sent'),
    );
    for (const token of tokens) expect(peer.received.some((mail) => mail.text.includes(token))).toBe(true);
    const stored = await everythingStored(harness);
    expect(stored).toContain('[redacted]');
    for (const token of tokens) expect(stored).not.toContain(token);
  });
});
