// Turns what a handler returns into the response body: a deep copy with `expand[]` applied.
import { applyExpand, type ExpandResolver } from '../core/expand.ts';
import { embeddedList } from '../core/pagination.ts';
import type { Kernel } from '../kernel.ts';
import type { ResponseObject } from '../state/types.ts';
import { clone } from '../core/clone.ts';

export function resolverFor(k: Kernel): ExpandResolver {
  return {
    byId: (id) => k.store.get(id)?.data,
    list: (object, field) => {
      if (object.object === 'charge' && field === 'refunds') {
        const refunds = k.store
          .all('refund')
          .filter((r) => r.data.charge === object.id)
          .map((r) => clone(r.data));
        return embeddedList(refunds, `/v1/charges/${object.id}/refunds`);
      }
      return object[field];
    },
  };
}

/**
 * Serialises the response once, at the moment it is answered: later changes to the stored
 * object must not leak into a saved idempotent response.
 */
export function render(k: Kernel, result: ResponseObject, expand: unknown): string {
  const paths = Array.isArray(expand) ? expand.map(String) : [];
  if (paths.length === 0) return JSON.stringify(result);
  return JSON.stringify(applyExpand(clone(result), paths, resolverFor(k)));
}
