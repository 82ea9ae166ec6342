// Per-request context: the supplier behind the Bearer key, the capabilities and "now".
// Kept in a WeakMap rather than a Fastify decorator so that no global type is augmented.
import type { FastifyRequest } from 'fastify';
import type { SimulatorStore } from '../state/store.ts';
import type { SupplierState } from '../state/supplier-state.ts';
import type { Caps } from './capabilities.ts';
import { octoErrors } from './errors.ts';

export interface OctoContext {
  state: SupplierState;
  caps: Caps;
  now: Date;
}

const contexts = new WeakMap<FastifyRequest, OctoContext>();

export function setOctoContext(request: FastifyRequest, context: OctoContext): void {
  contexts.set(request, context);
}

export function octoContext(request: FastifyRequest): OctoContext {
  const context = contexts.get(request);
  if (!context) throw new Error('OCTO context missing: the auth hook did not run');
  return context;
}

export function bearerKey(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

/** UNAUTHORIZED without a key, FORBIDDEN with a key no supplier has. */
export function authenticate(store: SimulatorStore, authorization: string | undefined): SupplierState {
  if (!authorization) throw octoErrors.unauthorized();
  const key = bearerKey(authorization);
  const state = key ? store.get(key) : undefined;
  if (!state) throw octoErrors.forbidden();
  return state;
}
