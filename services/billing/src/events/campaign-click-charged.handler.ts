import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BillingContext } from '../domain/context.ts';
import { recordClickCharged } from '../documents/campaign-spend.ts';

/** bundling.campaign.click_charged.v1 → the partner's sponsored-placement spend (one row per event). */
export function campaignClickChargedHandler(_ctx: BillingContext): HandlerDefinition {
  return defineHandler({
    subject: 'bundling.campaign.click_charged.v1',
    durable: 'billing-campaign-click-charged',
    handle: async (tx, click, envelope) => {
      await recordClickCharged(tx, envelope.id, click);
    },
  });
}
