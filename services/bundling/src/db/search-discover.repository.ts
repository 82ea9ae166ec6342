import { sql } from 'drizzle-orm';
import type { Locale, Party } from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';

// Discover's own reads (its package cards come from search.repository's searchIndex).

export interface DiscoverPartnerRow {
  id: string;
  name: string;
  type: string;
  packageCount: number;
}

/**
 * Verified partners (from the partners projection) with published packages, most packages
 * first; with `near`, only packages within `radiusKm` of it count.
 */
export async function verifiedPartnersWithPackages(
  executor: Executor,
  lang: Locale,
  near: { latitude: number; longitude: number; radiusKm: number } | null,
  limit: number,
): Promise<DiscoverPartnerRow[]> {
  const nearFilter = near
    ? sql`AND EXISTS (SELECT 1 FROM unnest(d.latitudes, d.longitudes) AS pt(lat, lng)
        WHERE 2 * 6371 * asin(sqrt(power(sin(radians(pt.lat - ${near.latitude}::float8) / 2), 2)
          + cos(radians(${near.latitude}::float8)) * cos(radians(pt.lat))
            * power(sin(radians(pt.lng - ${near.longitude}::float8) / 2), 2))) <= ${near.radiusKm})`
    : sql``;
  const result = await executor.execute<{ id: string; name: string; type: string; package_count: string }>(sql`
    SELECT pr.id, pr.name, pr.type, count(*) AS package_count, max(d.published_at) AS latest
    FROM bundling.search_documents d
    JOIN bundling.partners pr ON pr.id = d.partner_id
    WHERE d.lang = ${lang} AND d.kind = 'package' AND pr.verified AND pr.status = 'verified' ${nearFilter}
    GROUP BY pr.id, pr.name, pr.type
    ORDER BY count(*) DESC, max(d.published_at) DESC NULLS LAST, pr.id
    LIMIT ${limit}`);
  return result.rows.map((row) => ({
    id: row.id,
    name: row.name,
    type: row.type,
    packageCount: Number(row.package_count),
  }));
}

/**
 * Packages by bookings made since `since` that hold or bought their units (pending payment or
 * confirmed; expired and cancelled ones do not count), most first.
 */
export async function recentBookingCounts(
  executor: Executor,
  since: Date,
  limit: number,
): Promise<{ packageId: string; bookings: number }[]> {
  const result = await executor.execute<{ package_id: string; bookings: string }>(sql`
    SELECT package_id, count(*) AS bookings
    FROM bundling.package_bookings
    WHERE created_at >= ${since}::timestamptz AND status IN ('pending_payment', 'confirmed')
    GROUP BY package_id
    ORDER BY count(*) DESC, package_id
    LIMIT ${limit}`);
  return result.rows.map((row) => ({ packageId: row.package_id, bookings: Number(row.bookings) }));
}

/** The party of the user's latest booking (whatever became of it); undefined when they have none. */
export async function latestBookingParty(executor: Executor, userId: string): Promise<Party | undefined> {
  const found = await executor.execute<{ party: Partial<Party> }>(
    sql`SELECT party FROM bundling.package_bookings WHERE user_id = ${userId}::uuid ORDER BY created_at DESC LIMIT 1`,
  );
  const party = found.rows[0]?.party;
  return party
    ? { adult: party.adult ?? 0, child: party.child ?? 0, infant: party.infant ?? 0, senior: party.senior ?? 0 }
    : undefined;
}
