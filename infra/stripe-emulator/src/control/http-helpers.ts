import type { FastifyReply, FastifyRequest } from 'fastify';
import { StripeError } from '../core/errors.ts';

export function bodyOf(request: FastifyRequest): Record<string, unknown> {
  return typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>) : {};
}

/** Runs a control handler, answering StripeErrors in Stripe's envelope. */
export async function answer(reply: FastifyReply, run: () => unknown): Promise<FastifyReply> {
  try {
    return reply.code(200).send(run());
  } catch (error) {
    if (error instanceof StripeError) return reply.code(error.status).send(error.toJSON());
    throw error;
  }
}
