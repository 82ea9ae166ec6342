import { canonicalJson } from '@tourconnect/audit';
import type { Tx } from '@tourconnect/db';
import { audit } from './audit.ts';
import type { CallerPartner } from './caller-partner.ts';

/**
 * Audit entries of a partner's catalogue edits (items, their calendars, packages): who did it
 * for which partner, on which entity, and which fields changed — names, never the texts or
 * blobs themselves (a translation change is `translations.de`).
 */

export interface CatalogueAuditEntry {
  /** `item.created`, `item.updated`, `item.availability_edited`, … */
  action: string;
  entityType: 'item' | 'package';
  entityId: string;
  actor: { userId: string; caller: CallerPartner };
  data?: Record<string, unknown>;
  correlationId?: string | undefined;
}

export async function auditCatalogue(tx: Tx, entry: CatalogueAuditEntry): Promise<void> {
  await audit(tx, {
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    actorId: entry.actor.userId,
    actorRole: entry.actor.caller.role,
    data: { partnerId: entry.actor.caller.partnerId, ...entry.data },
    correlationId: entry.correlationId ?? null,
  });
}

/**
 * The names of `keys` whose value differs between `before` and `after`, in `keys`' order.
 * `translations` is looked into: each language added, changed or removed is named
 * `translations.<lang>`.
 */
export function changedFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  keys: readonly string[],
): string[] {
  const changed: string[] = [];
  for (const key of keys) {
    if (key === 'translations') changed.push(...changedLanguages(before[key], after[key]));
    else if (!same(before[key], after[key])) changed.push(key);
  }
  return changed;
}

function changedLanguages(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const langs = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return langs.filter((lang) => !same(b[lang], a[lang])).map((lang) => `translations.${lang}`);
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(toPlain(a)) === canonicalJson(toPlain(b));
}

/** Dates compare by instant; undefined and null are the same absence. */
function toPlain(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}
