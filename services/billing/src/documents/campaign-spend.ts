import { timestampDate, type EventPayloadBySubject } from '@tourconnect/contracts';
import type { Tx } from '@tourconnect/db';
import { recordCampaignSpend } from '../db/documents.repository.ts';
import { isoDay } from './format.ts';

type ClickCharged = EventPayloadBySubject['bundling.campaign.click_charged.v1'];

/**
 * A charged sponsored click becomes one spend row keyed by the event's id (a redelivery adds
 * nothing): a line on the partner's next commission invoice and an amount netted from its
 * next transfers.
 */
export async function recordClickCharged(tx: Tx, eventId: string, click: ClickCharged): Promise<boolean> {
  const amountMinor = Number(click.amountMinor);
  if (amountMinor <= 0) return false;
  const chargedAt = click.chargedAt ? timestampDate(click.chargedAt) : new Date();
  return recordCampaignSpend(tx, {
    eventId,
    partnerId: click.partnerId,
    campaignId: click.campaignId,
    day: isoDay(chargedAt),
    amountMinor,
    currency: click.currency,
  });
}
