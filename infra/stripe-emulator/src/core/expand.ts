// `expand[]`: replaces id fields by the objects they name, with dotted paths for nested
// expansion (`latest_charge.balance_transaction`) and `data.` for lists, up to 4 levels,
// refusing fields Stripe does not mark expandable.
import { invalidParam } from './errors.ts';
import type { ApiObject, ResponseObject } from '../state/types.ts';
import { expandableFields } from '../spec/request-params.ts';
import { clone } from './clone.ts';

export interface ExpandResolver {
  /** The API object with this id, unexpanded, or undefined when it is not held here. */
  byId(id: string): ApiObject | undefined;
  /** Lists rendered only on request (charge.refunds). */
  list(object: ApiObject, field: string): unknown;
}

const LIST_FIELDS: Record<string, string[]> = { charge: ['refunds'] };
const MAX_DEPTH = 4;

function isExpandable(objectType: string, field: string): boolean {
  return (expandableFields[objectType] ?? []).includes(field) || (LIST_FIELDS[objectType] ?? []).includes(field);
}

function isApiObject(value: unknown): value is ApiObject {
  return typeof value === 'object' && value !== null && typeof (value as ApiObject).object === 'string';
}

function expandPath(target: ApiObject, path: string[], full: string, resolver: ExpandResolver): void {
  const [field, ...rest] = path;
  if (!field) return;
  if (target.object === 'list' && field === 'data' && Array.isArray(target.data)) {
    for (const item of target.data) if (isApiObject(item)) expandPath(item, rest, full, resolver);
    return;
  }
  if (!isExpandable(target.object, field)) {
    throw invalidParam(`This property cannot be expanded (${full}).`, 'expand');
  }
  let value = target[field];
  if ((LIST_FIELDS[target.object] ?? []).includes(field)) {
    value = target[field] = resolver.list(target, field);
  } else if (typeof value === 'string') {
    const resolved = resolver.byId(value);
    if (resolved) value = target[field] = clone(resolved);
  }
  if (rest.length > 0 && isApiObject(value)) expandPath(value, rest, full, resolver);
}

/** Expands `paths` on a rendered (already cloned) object or list in place. */
export function applyExpand<T extends ResponseObject>(
  rendered: T,
  paths: readonly string[],
  resolver: ExpandResolver,
): T {
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > MAX_DEPTH) {
      throw invalidParam(`You cannot expand more than ${MAX_DEPTH} levels of a property. Property: ${path}`, 'expand');
    }
    expandPath(rendered as unknown as ApiObject, segments, path, resolver);
  }
  return rendered;
}
