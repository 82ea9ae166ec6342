import type { z } from 'zod';
import type { directoryQuerySchema, Page, PublicPartner } from '@tourconnect/contracts/http';
import { findPartner, listPartners } from '../db/partners.repository.ts';
import type { PartnersContext } from './context.ts';
import { publicPartnerNotFound } from './partners-errors.ts';
import { toPublicPartner } from './partner-view.ts';
import { PUBLIC_STATUSES } from './status.ts';

/** The directory query as the route validated it (`directoryQuerySchema`). */
export type DirectoryRequest = z.output<typeof directoryQuerySchema>;

/**
 * The public directory: verified partners only, by name; public fields only. `verified=true`
 * is still accepted (older portals send it) and changes nothing.
 */
export async function listDirectory(ctx: PartnersContext, query: DirectoryRequest): Promise<Page<PublicPartner>> {
  const { rows, total } = await listPartners(ctx.db, { ...query, statuses: PUBLIC_STATUSES }, 'directory');
  return { items: rows.map(toPublicPartner), page: query.page, pageSize: query.pageSize, total };
}

/** A verified partner's public profile; any other partner is 404, as if it did not exist. */
export async function publicProfile(ctx: PartnersContext, id: string): Promise<PublicPartner> {
  const partner = await findPartner(ctx.db, id);
  if (!partner || !PUBLIC_STATUSES.includes(partner.status)) throw publicPartnerNotFound();
  return toPublicPartner(partner);
}
