// Booking e-mails end to end (events in, SMTP out): the traveller hears of each step in their
// language; each partner in a new booking hears of it with its own share only; a redelivered
// event sends nothing twice; a partner not known yet delays only the partners' e-mails.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testEnvelope, waitFor } from '@tourconnect/service-kit/testing';
import { bookingReference } from '../../src/domain/booking-emails.ts';
import { deliveryRows, PORTAL_URL, startNotificationsHarness, type NotificationsHarness } from '../support/harness.ts';
import {
  bookingCancelled,
  bookingConfirmed,
  bookingExpired,
  bookingHeld,
  userRegistered,
  type BookingFacts,
} from '../support/events.ts';
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

async function person(locale: string, displayName: string) {
  const event = userRegistered({ locale, displayName });
  const { userId, email } = event.payload as { userId: string; email: string };
  return { userId, email, registration: event };
}

async function partnerOwnedBy(ownerUserId: string, name: string) {
  const partnerId = randomUUID();
  const registration = testEnvelope('partners.partner.registered.v1', { partnerId, ownerUserId, name, type: 'hotel' });
  return { partnerId, registration };
}

/** 14 June 2031, 09:00 in Italy. */
const start = new Date(Date.UTC(2031, 5, 14, 7, 0));
const holdUntil = new Date(Date.UTC(2031, 4, 2, 10, 15));

/**
 * A seller's package with one of its own lines (€200.00) and two lines bundled from a supplier
 * (€150.00 and €100.00, of which the supplier is owed €120.00 and €80.00): the seller's share is
 * €200.00 + €50.00 margin, the supplier's €200.00, the traveller pays €450.00.
 */
function gardaWeekend(userId: string, sellerPartnerId: string, supplierPartnerId: string): BookingFacts {
  return {
    bookingId: randomUUID(),
    packageId: randomUUID(),
    userId,
    sellerPartnerId,
    packageTitle: 'Garda <family> weekend',
    lines: [
      { partnerId: sellerPartnerId, position: 0, netMinor: 20_000, supplierShareMinor: 20_000, startsAt: start },
      {
        partnerId: supplierPartnerId,
        position: 1,
        netMinor: 15_000,
        supplierShareMinor: 12_000,
        startsAt: new Date(start.getTime() + 3 * 3_600_000),
      },
      { partnerId: supplierPartnerId, position: 2, netMinor: 10_000, supplierShareMinor: 8_000 },
    ],
  };
}

async function cast() {
  const traveller = await person('de', 'Jonas Braun');
  const sellerOwner = await person('it', 'Giulia Rossi');
  const supplierOwner = await person('en', 'Ada Lovelace');
  const seller = await partnerOwnedBy(sellerOwner.userId, 'Hotel Lago');
  const supplier = await partnerOwnedBy(supplierOwner.userId, 'Garda Ferries');
  return { traveller, sellerOwner, supplierOwner, seller, supplier };
}

/** The cast, with each registration delivered to notifications. */
async function registeredCast(): Promise<Awaited<ReturnType<typeof cast>>> {
  const everyone = await cast();
  const { traveller, sellerOwner, supplierOwner, seller, supplier } = everyone;
  for (const event of [
    traveller.registration,
    sellerOwner.registration,
    supplierOwner.registration,
    seller.registration,
    supplier.registration,
  ]) {
    await harness.deliver(event);
  }
  return everyone;
}

describe('a new booking', () => {
  it("tells the traveller (DE) and each partner, in their own language, with that partner's share only", async () => {
    const { traveller, sellerOwner, supplierOwner, seller, supplier } = await registeredCast();
    const booking = gardaWeekend(traveller.userId, seller.partnerId, supplier.partnerId);
    // Delivered twice, as a broker may: each e-mail still goes once.
    await harness.deliver(bookingHeld(booking, holdUntil), 2);

    const [toTraveller] = await mailTo(traveller.email);
    expect(toTraveller!.subject).toBe('Ihre Plätze sind reserviert: Garda <family> weekend');
    expect(toTraveller!.text).toContain('Guten Tag Jonas Braun,');
    expect(toTraveller!.text).toContain('Gesamtbetrag: 450,00\u00a0€.');
    expect(toTraveller!.text).toContain('Sie beginnt am Samstag, 14. Juni 2031.');
    expect(toTraveller!.text).toContain('bis 2. Mai 2031 um 10:15 UTC');
    expect(toTraveller!.text).toContain(`${PORTAL_URL}/bookings/${booking.bookingId}`);
    expect(toTraveller!.html).toContain('Garda &lt;family&gt; weekend');
    expect(toTraveller!.html).not.toContain('<family>');

    const [toSeller] = await mailTo(sellerOwner.email);
    expect(toSeller!.subject).toBe('Nuova prenotazione per Hotel Lago: Garda <family> weekend');
    expect(toSeller!.text).toContain('che include uno dei tuoi elementi');
    expect(toSeller!.text).toContain('La tua quota: 250,00\u00a0€.');
    expect(toSeller!.text).toContain(`${PORTAL_URL}/partner/bookings`);

    const [toSupplier] = await mailTo(supplierOwner.email);
    expect(toSupplier!.subject).toBe('New booking for Garda Ferries: Garda <family> weekend');
    expect(toSupplier!.text).toContain('which includes 2 of your items');
    expect(toSupplier!.text).toContain('Your share: €200.00.');
    // Neither the package total nor the seller's figures reach another partner.
    expect(toSupplier!.text).not.toContain('450.00');
    expect(toSupplier!.text).not.toContain('250.00');

    const rows = (await deliveryRows(harness)).filter((row) =>
      [traveller.email, sellerOwner.email, supplierOwner.email].includes(row.recipientEmail ?? ''),
    );
    expect(rows.map((row) => row.template).sort()).toEqual(
      ['booking_held', 'booking_partner_new', 'booking_partner_new'].sort(),
    );
    await harness.settle();
    expect(peer.received.filter((mail) => mail.subject.includes('Garda <family> weekend'))).toHaveLength(3);
  });

  it('tells each partner of every booking when several arrive together (one consumer transaction)', async () => {
    const { traveller, sellerOwner, supplierOwner, seller, supplier } = await registeredCast();
    const bookings = [1, 2, 3].map(() => gardaWeekend(traveller.userId, seller.partnerId, supplier.partnerId));
    // Published in one turn, the consumer takes them in one batch: the partners' owners are read once.
    await Promise.all(bookings.map((booking) => harness.transport.publish(bookingHeld(booking, holdUntil))));
    await harness.settle();

    for (const owner of [sellerOwner, supplierOwner]) {
      const mails = await mailTo(owner.email, 3);
      expect(mails).toHaveLength(3);
      for (const booking of bookings) {
        expect(mails.filter((mail) => mail.text.includes(bookingReference(booking.bookingId)))).toHaveLength(1);
      }
    }
    const toSupplier = await mailTo(supplierOwner.email, 3);
    expect(toSupplier.every((mail) => mail.text.includes('Your share: €200.00.'))).toBe(true);
  });

  it("sends the traveller's e-mail at once while a partner's owner is not known yet, then the partner's", async () => {
    const { traveller, sellerOwner, supplierOwner, seller, supplier } = await cast();
    await harness.deliver(traveller.registration);
    await harness.deliver(sellerOwner.registration);
    await harness.deliver(seller.registration);
    const booking = gardaWeekend(traveller.userId, seller.partnerId, supplier.partnerId);
    await harness.transport.publish(bookingHeld(booking, holdUntil));

    const [toTraveller] = await mailTo(traveller.email);
    expect(toTraveller!.subject).toContain('Ihre Plätze sind reserviert');

    // The supplier (and its owner) become known later: the partners' e-mails follow.
    await harness.transport.publish(supplierOwner.registration);
    await harness.transport.publish(supplier.registration);
    await harness.settle();
    const [toSupplier] = await mailTo(supplierOwner.email);
    expect(toSupplier!.text).toContain('Your share: €200.00.');
    const [toSeller] = await mailTo(sellerOwner.email);
    expect(toSeller!.text).toContain('250,00');
  });

  it("reaches a partner's new owner once the owner handed the partner over", async () => {
    const { traveller, sellerOwner, supplierOwner, seller, supplier } = await cast();
    const heir = await person('fr', 'Camille Martin');
    for (const event of [
      traveller.registration,
      sellerOwner.registration,
      supplierOwner.registration,
      heir.registration,
      seller.registration,
      supplier.registration,
    ]) {
      await harness.deliver(event);
    }
    await harness.deliver(
      testEnvelope('partners.partner.owner_changed.v1', {
        partnerId: supplier.partnerId,
        ownerUserId: heir.userId,
        previousOwnerUserId: supplierOwner.userId,
        changedByUserId: supplierOwner.userId,
      }),
    );
    await harness.deliver(bookingHeld(gardaWeekend(traveller.userId, seller.partnerId, supplier.partnerId), holdUntil));
    const [toHeir] = await mailTo(heir.email);
    expect(toHeir!.subject).toBe('Nouvelle réservation pour Garda Ferries : Garda <family> weekend');
    expect(toHeir!.text).toContain('Votre part : 200,00\u00a0€.');
    await harness.settle();
    expect(peer.received.filter((mail) => mail.to.includes(supplierOwner.email))).toHaveLength(0);
  });
});

describe('what happens to a booking next', () => {
  async function bookedBy(locale: string) {
    const traveller = await person(locale, 'Camille Martin');
    await harness.deliver(traveller.registration);
    return { traveller, booking: gardaWeekend(traveller.userId, randomUUID(), randomUUID()) };
  }

  it('confirms the booking to the traveller (FR) with what was paid', async () => {
    const { traveller, booking } = await bookedBy('fr');
    await harness.deliver(bookingConfirmed(booking));
    const [mail] = await mailTo(traveller.email);
    expect(mail!.subject).toBe('Réservation confirmée : Garda <family> weekend');
    expect(mail!.text).toContain('Payé : 450,00\u00a0€.');
    expect(mail!.text).toContain(`/bookings/${booking.bookingId}`);
  });

  it("tells the traveller (ES) of their cancellation and the policy's refund", async () => {
    const { traveller, booking } = await bookedBy('es');
    await harness.deliver(
      bookingCancelled(booking, { reason: 'traveller_requested', refundMinor: 22_500, paid: true }),
    );
    const [mail] = await mailTo(traveller.email);
    expect(mail!.subject).toBe('Reserva cancelada: Garda <family> weekend');
    expect(mail!.text).toContain('Como pediste');
    expect(mail!.text).toContain('Recuperas 225,00\u00a0€ de los 450,00\u00a0€ pagados');
  });

  it('says plainly that nothing was charged when an unpaid booking is cancelled', async () => {
    const { traveller, booking } = await bookedBy('en');
    await harness.deliver(bookingCancelled(booking, { reason: 'traveller_requested', refundMinor: 0, paid: false }));
    const [mail] = await mailTo(traveller.email);
    expect(mail!.text).toContain('Nothing was charged, so there is nothing to refund.');
  });

  it('tells the traveller (IT) the hold ended, nothing was charged, and leads back to the package', async () => {
    const { traveller, booking } = await bookedBy('it');
    await harness.deliver(bookingExpired(booking));
    const [mail] = await mailTo(traveller.email);
    expect(mail!.subject).toBe('Il blocco è terminato: Garda <family> weekend');
    expect(mail!.text).toContain('il pagamento non è arrivato in tempo');
    expect(mail!.text).toContain('Non ti è stato addebitato nulla.');
    expect(mail!.text).toContain(`${PORTAL_URL}/packages/${booking.packageId}`);
  });

  it('names the booking by its reference when the event carries no title', async () => {
    const { traveller, booking } = await bookedBy('en');
    await harness.deliver(bookingExpired({ ...booking, packageTitle: '' }));
    const [mail] = await mailTo(traveller.email);
    expect(mail!.subject).toBe('Your hold has ended: your package');
    expect(mail!.text).toContain(`(reference ${booking.bookingId.replace(/-/g, '').slice(-8).toUpperCase()})`);
  });
});
