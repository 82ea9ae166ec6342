// Partner e-mails: the owner's notices addressed through the recipients projection (in the
// owner's language, waiting for a registration that arrives late), the invitation's language
// rules, and the erasure of a user's e-mails.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testEnvelope, waitFor } from '@tourconnect/service-kit/testing';
import { deliveryRows, startNotificationsHarness, type NotificationsHarness } from '../support/harness.ts';
import { invitationSent, partnerEvent, secretToken, userRegistered } from '../support/events.ts';
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

const mailTo = (address: string, count = 1) =>
  waitFor(
    async () => peer.received.filter((mail) => mail.to.includes(address)),
    (mails) => mails.length >= count,
  );

async function owner(locale: string) {
  const event = userRegistered({ locale, displayName: 'Camille Martin' });
  await harness.deliver(event);
  const { userId, email } = event.payload as { userId: string; email: string };
  return { userId, email };
}

describe("the owner's notices", () => {
  it('tells the owner in their language (FR) when the partner is submitted, verified and rejected', async () => {
    const { userId, email } = await owner('fr');
    const partner = { partnerId: randomUUID(), ownerUserId: userId, name: 'Hôtel <Belle> & Vue' };
    await harness.deliver(testEnvelope('partners.partner.registered.v1', { ...partner, type: 'hotel' }));
    await harness.deliver(partnerEvent('partners.partner.submitted.v1', partner));
    await harness.deliver(partnerEvent('partners.partner.verified.v1', partner));
    await harness.deliver(
      testEnvelope('partners.partner.rejected.v1', {
        partnerId: partner.partnerId,
        ownerUserId: userId,
        rejectedByUserId: randomUUID(),
        reason: 'Le justificatif <script>alert(1)</script> est illisible',
      }),
    );
    const mails = await mailTo(email, 3);
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [
        'Hôtel <Belle> & Vue est en attente de vérification',
        'Hôtel <Belle> & Vue est désormais un partenaire vérifié',
        'Hôtel <Belle> & Vue doit être modifié avant vérification',
      ].sort(),
    );
    const rejected = mails.find((m) => m.subject.includes('modifié'))!;
    expect(rejected.text).toContain('Bonjour Camille Martin,');
    expect(rejected.text).toContain('Le justificatif <script>alert(1)</script> est illisible');
    expect(rejected.html).not.toContain('<script>');
    expect(rejected.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(rejected.html).toContain('Hôtel &lt;Belle&gt; &amp; Vue');
  });

  it('waits for an owner whose registration arrives after the partner event', async () => {
    const registration = userRegistered({ locale: 'de', displayName: 'Jonas Braun' });
    const { userId, email } = registration.payload as { userId: string; email: string };
    const partner = { partnerId: randomUUID(), ownerUserId: userId, name: 'Alpen Touren' };
    // The notice comes first; it is retried with backoff until the owner is known.
    await harness.transport.publish(
      testEnvelope('partners.partner.suspended.v1', {
        partnerId: partner.partnerId,
        ownerUserId: userId,
        suspendedByUserId: randomUUID(),
        reason: 'Beschwerden von Reisenden',
      }),
    );
    await harness.transport.publish(testEnvelope('partners.partner.registered.v1', { ...partner, type: 'dmo' }));
    await harness.transport.publish(registration);
    await harness.settle();
    const [mail] = await mailTo(email);
    expect(mail!.subject).toBe('Alpen Touren wurde gesperrt');
    expect(mail!.text).toContain('Guten Tag Jonas Braun,');
    expect(mail!.text).toContain('Beschwerden von Reisenden');
  });

  it('tells the owner the erasure is complete, then forgets the partner', async () => {
    const { userId, email } = await owner('es');
    const partnerId = randomUUID();
    await harness.deliver(
      testEnvelope('partners.partner.registered.v1', {
        partnerId,
        ownerUserId: userId,
        name: 'Rutas Sur',
        type: 'agency',
      }),
    );
    await harness.deliver(testEnvelope('partners.partner.deleted.v1', { partnerId, requestId: randomUUID() }));
    const [mail] = await mailTo(email);
    expect(mail!.subject).toBe('Los datos de Rutas Sur han sido borrados');
    const remembered = await harness.database.pool.query(
      'SELECT 1 FROM notifications.partner_owners WHERE partner_id = $1',
      [partnerId],
    );
    expect(remembered.rowCount).toBe(0);
  });
});

describe('invitations', () => {
  it("writes in the invitee's own language when they have an account, with the acceptance link", async () => {
    const invitee = await owner('it');
    const token = secretToken();
    await harness.deliver(invitationSent({ email: invitee.email, token }));
    const [mail] = await mailTo(invitee.email);
    expect(mail!.subject).toBe('Sei invitato a unirti a Dolomiti Trails su TourConnect');
    expect(mail!.text).toContain('come manager');
    expect(mail!.text).toContain(`/invitations/accept#token=${token}`);
    const row = (await deliveryRows(harness)).find((r) => r.recipientEmail === invitee.email);
    expect(row).toMatchObject({ recipientUserId: invitee.userId, template: 'partner_invitation' });
  });

  it("writes in the inviter's language to an address without an account", async () => {
    const inviter = await owner('de');
    const address = `stranger-${randomUUID().slice(0, 8)}@example.com`;
    await harness.deliver(invitationSent({ email: address, invitedBy: inviter.userId }));
    const [mail] = await mailTo(address);
    expect(mail!.subject).toBe('Einladung zu Dolomiti Trails auf TourConnect');
    expect(mail!.text).toContain('als Manager');
    const row = (await deliveryRows(harness)).find((r) => r.recipientEmail === address);
    expect(row!.recipientUserId).toBeNull();
  });
});

describe('erasure', () => {
  it("erases the user's address and e-mail bodies, keeps that e-mails were sent", async () => {
    const { userId, email } = await owner('en');
    await harness.deliver(invitationSent({ email }));
    await mailTo(email);
    await waitFor(
      async () => (await deliveryRows(harness)).filter((r) => r.recipientEmail === email),
      (rows) => rows.length === 1 && rows[0]!.status === 'sent',
    );
    await harness.deliver(
      testEnvelope('identity.user.deleted.v1', {
        userId,
        anonymised: true,
        deletedAt: { seconds: BigInt(Math.floor(Date.now() / 1000)), nanos: 0 },
      }),
    );
    const rows = (await deliveryRows(harness)).filter((r) => r.recipientUserId === userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recipientEmail: null, html: null, text: null, status: 'sent' });
    expect(rows[0]!.erasedAt).toBeInstanceOf(Date);
    expect(rows[0]!.providerMessageId).not.toBeNull();
    const recipient = await harness.database.pool.query('SELECT 1 FROM notifications.recipients WHERE user_id = $1', [
      userId,
    ]);
    expect(recipient.rowCount).toBe(0);
  });
});
