import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { PartnersContext } from '../domain/context.ts';
import { forgetErasedUser } from '../domain/erasure.ts';

/**
 * `identity.user.deleted.v1`: partners forgets the erased user (domain/erasure.ts). Erasing a
 * user needs only the handler's transaction; the context is taken like every handler's.
 */
export function userDeletedHandler(_ctx: PartnersContext): HandlerDefinition {
  return defineHandler({
    subject: 'identity.user.deleted.v1',
    durable: 'partners-user-deleted',
    handle: (tx, { userId }, envelope) => forgetErasedUser(tx, userId, { correlationId: envelope.correlationId }),
  });
}
