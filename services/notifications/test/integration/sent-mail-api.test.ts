// The admin's Sent-mail API: admin only, bad input answered 400 problem+json (never 5xx), paging
// and the recipient filter, and the body: redacted from the record, live from the local catcher.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentMailDetail, SentMailPage } from '@tourconnect/contracts/http';
import { bearer, waitFor } from '@tourconnect/service-kit/testing';
import { startMailCatcher, type MailCatcher } from '../../src/catcher/index.ts';
import { deliveryRows, PORTAL_URL, startNotificationsHarness, type NotificationsHarness } from '../support/harness.ts';
import { passwordResetRequested, secretToken, verificationRequested } from '../support/events.ts';

let catcher: MailCatcher;
let harness: NotificationsHarness;
let dir: string;
let admin: { authorization: string };
const token = secretToken();
let verification: ReturnType<typeof verificationRequested>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'notifications-catcher-'));
  catcher = await startMailCatcher({ dir });
  harness = await startNotificationsHarness(catcher.port, { MAIL_CATCHER_DIR: dir });
  admin = bearer(await harness.tokens.sign({ roles: ['admin'] }));
  verification = verificationRequested({ token, locale: 'en' });
  await harness.deliver(verification);
  for (let i = 0; i < 3; i += 1) await harness.deliver(passwordResetRequested({ locale: 'es' }));
  await waitFor(
    () => deliveryRows(harness),
    (rows) => rows.length === 4 && rows.every((r) => r.status === 'sent'),
  );
});
afterAll(async () => {
  await harness?.close();
  await catcher?.stop();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = admin) =>
  harness.app.inject({ method: 'GET', url, headers });

describe('access', () => {
  it('answers 401 without a token and 403 to a signed-in non-admin', async () => {
    for (const url of ['/api/notifications/sent', `/api/notifications/sent/${crypto.randomUUID()}`]) {
      const anonymous = await get(url, {});
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['content-type']).toContain('application/problem+json');
      const partner = await get(url, bearer(await harness.tokens.sign({ roles: ['partner'] })));
      expect(partner.statusCode).toBe(403);
      expect(partner.json()).toMatchObject({ code: 'forbidden' });
    }
  });

  it('answers 400 problem+json to bad input, never a 5xx', async () => {
    const bad = [
      '/api/notifications/sent?page=0',
      '/api/notifications/sent?pageSize=1000',
      '/api/notifications/sent?status=lost',
      '/api/notifications/sent?template=nope',
      '/api/notifications/sent?recipient=%00',
      '/api/notifications/sent?unknown=1',
      '/api/notifications/sent/not-a-uuid',
    ];
    for (const url of bad) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'validation_failed' });
    }
    const missing = await get(`/api/notifications/sent/${crypto.randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found' });
  });
});

describe('list', () => {
  it('pages newest first and filters by recipient address or user id', async () => {
    const first = (await get('/api/notifications/sent?pageSize=3')).json<SentMailPage>();
    expect(first).toMatchObject({ page: 1, pageSize: 3, total: 4 });
    expect(first.items).toHaveLength(3);
    const second = (await get('/api/notifications/sent?pageSize=3&page=2')).json<SentMailPage>();
    expect(second.items).toHaveLength(1);
    expect(second.items[0]!.template).toBe('verify_email');

    const { email, userId } = verification.payload as { email: string; userId: string };
    for (const recipient of [email.toUpperCase(), userId]) {
      const page = (
        await get(`/api/notifications/sent?recipient=${encodeURIComponent(recipient)}`)
      ).json<SentMailPage>();
      expect(page.total).toBe(1);
      expect(page.items[0]).toMatchObject({
        recipientEmail: email,
        status: 'sent',
        template: 'verify_email',
        subject: 'Confirm your e-mail address',
      });
      expect(page.items[0]!.providerMessageId).toBeTruthy();
    }
    const resets = (await get('/api/notifications/sent?template=reset_password&status=sent')).json<SentMailPage>();
    expect(resets.total).toBe(3);
    expect(JSON.stringify(resets)).not.toContain('#token=');
  });
});

describe('one e-mail', () => {
  it('shows the caught message with the live link when the local catcher is configured', async () => {
    const [row] = (await deliveryRows(harness)).filter((r) => r.template === 'verify_email');
    const detail = (await get(`/api/notifications/sent/${row!.id}`)).json<SentMailDetail>();
    expect(detail).toMatchObject({ source: 'catcher', linksRedacted: false, subject: 'Confirm your e-mail address' });
    expect(detail.text).toContain(`${PORTAL_URL}/verify-email#token=${token}`);
    expect(detail.html).toContain(`href="${PORTAL_URL}/verify-email#token=${token}"`);
  });

  it('shows the redacted record without the catcher', async () => {
    const other = await harness.boot({ ...harness.settings, MAIL_CATCHER_DIR: undefined });
    const [row] = (await deliveryRows(harness)).filter((r) => r.template === 'verify_email');
    const response = await other.inject({ method: 'GET', url: `/api/notifications/sent/${row!.id}`, headers: admin });
    const detail = response.json<SentMailDetail>();
    expect(detail).toMatchObject({ source: 'record', linksRedacted: true });
    expect(detail.text).toContain(`${PORTAL_URL}/verify-email#token=[redacted]`);
    expect(detail.html).toContain('Confirm e-mail address');
    expect(JSON.stringify(detail)).not.toContain(token);
  });
});
