import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BundlingContext } from '../domain/context.ts';
import { recordPartnerAccount } from '../domain/payout-readiness.ts';

/** billing.partner_account.updated.v1 → whether the partner can be paid, so its packages can be booked. */
export function partnerAccountUpdatedHandler(_ctx: BundlingContext): HandlerDefinition {
  return defineHandler({
    subject: 'billing.partner_account.updated.v1',
    durable: 'bundling-partner-account-updated',
    handle: (tx, payload, envelope) =>
      recordPartnerAccount(tx, {
        partnerId: payload.partnerId,
        status: payload.status,
        transfersEnabled: payload.transfersEnabled,
        at: new Date(envelope.occurredAt),
      }),
  });
}
