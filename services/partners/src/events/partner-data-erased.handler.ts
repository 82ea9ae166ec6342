import { isEventSubject, type EventSubject } from '@tourconnect/contracts';
import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { PartnersContext } from '../domain/context.ts';
import { recordErasureConfirmation } from '../domain/erasure.ts';

/** The subjects on which holder services confirm a partner's erasure. */
type PartnerDataErasedSubject = Extract<EventSubject, `${string}.partner_data.erased.v1`>;

function erasedSubject(holder: string): PartnerDataErasedSubject {
  const subject = `${holder}.partner_data.erased.v1`;
  if (!isEventSubject(subject) || !subject.endsWith('.partner_data.erased.v1'))
    throw new Error(`PARTNER_DATA_HOLDERS names '${holder}', which has no ${subject} contract`);
  return subject as PartnerDataErasedSubject;
}

/**
 * `<holder>.partner_data.erased.v1` from one service in PARTNER_DATA_HOLDERS (app.ts registers
 * one per holder): the confirmation is recorded, and the last one erases the partner here too.
 */
export function partnerDataErasedHandler(ctx: PartnersContext, holder: string): HandlerDefinition {
  return defineHandler<PartnerDataErasedSubject>({
    subject: erasedSubject(holder),
    durable: `partners-erasure-confirmed-${holder}`,
    // The payload carries the request, the partner, the confirming service and its counts.
    handle: (tx, payload, envelope) =>
      recordErasureConfirmation(ctx, tx, payload, { correlationId: envelope.correlationId }),
  });
}
