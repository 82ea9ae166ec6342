// The recipients projection: who a user is and which language they read, from identity's events.
import type { EventPayloadBySubject } from '@tourconnect/contracts';
import type { Tx } from '@tourconnect/db';
import { insertRecipient, updateRecipient } from '../db/recipients.repository.ts';
import { resolveLanguage } from '../templates/languages.ts';
import { RecipientNotKnownYet } from './notifications-errors.ts';

type Payload<S extends keyof EventPayloadBySubject> = EventPayloadBySubject[S];

export async function rememberRecipient(tx: Tx, event: Payload<'identity.user.registered.v1'>): Promise<void> {
  await insertRecipient(tx, {
    userId: event.userId,
    email: event.email.toLowerCase(),
    displayName: event.displayName,
    locale: resolveLanguage(event.locale),
  });
}

/** A change to a user not known yet waits (retry) for the registration it follows. */
export async function followEmailChange(tx: Tx, event: Payload<'identity.user.email_changed.v1'>): Promise<void> {
  const row = await updateRecipient(tx, event.userId, { email: event.email.toLowerCase() });
  if (!row) throw new RecipientNotKnownYet(event.userId);
}

export async function followProfileUpdate(tx: Tx, event: Payload<'identity.user.profile_updated.v1'>): Promise<void> {
  const patch = {
    ...(event.displayName ? { displayName: event.displayName } : {}),
    ...(event.locale ? { locale: resolveLanguage(event.locale) } : {}),
  };
  const row = await updateRecipient(tx, event.userId, patch);
  if (!row) throw new RecipientNotKnownYet(event.userId);
}
