import { z } from 'zod';

/** Messages the gateway pushes over /ws (JSON text frames). */
export const wsServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), userId: z.string(), connectionId: z.string() }),
  z.object({
    type: z.literal('event'),
    id: z.string(),
    subject: z.string(),
    occurredAt: z.string(),
    payload: z.unknown(),
  }),
  z.object({ type: z.literal('pong'), at: z.string() }),
  z.object({ type: z.literal('error'), code: z.string() }),
]);
export type WsServerMessage = z.infer<typeof wsServerMessageSchema>;

/** Messages the portal may send: keep-alive pings. */
export const wsClientMessageSchema = z.object({ type: z.literal('ping') });
