import { eq, sql, type SQL } from 'drizzle-orm';
import { appendAudit, type AuditEntry } from '@tourconnect/audit';
import type { CampaignStatus } from '@tourconnect/contracts/http';
import type { Executor, Tx } from '@tourconnect/db';
import { auditLog, campaignClicks, campaigns } from './schema.ts';

// Sponsored campaigns (src/domain/campaigns): the campaign rows, their per-day counters and
// clicks. Spend changes only through chargeDailySpend's conditional upsert.

export type CampaignRow = typeof campaigns.$inferSelect;
export type NewCampaignRow = typeof campaigns.$inferInsert;

export interface CampaignTarget {
  partnerId: string;
  status: string;
  currency: string;
}

/** The package or item a campaign would promote (any partner's; the domain checks the owner). */
export async function findCampaignTarget(
  db: Executor,
  kind: 'package' | 'item',
  id: string,
): Promise<CampaignTarget | undefined> {
  const table = kind === 'package' ? sql`bundling.packages` : sql`bundling.items`;
  const result = await db.execute<{ partner_id: string; status: string; currency: string }>(
    sql`SELECT partner_id, status, currency FROM ${table} WHERE id = ${id}`,
  );
  const row = result.rows[0];
  return row ? { partnerId: row.partner_id, status: row.status, currency: row.currency } : undefined;
}

export async function insertCampaign(tx: Tx, row: NewCampaignRow): Promise<void> {
  await tx.insert(campaigns).values(row);
}

export async function findCampaign(db: Executor, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(campaigns).where(eq(campaigns.id, id)).limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateCampaignRow(tx: Tx, id: string, patch: Partial<NewCampaignRow>): Promise<void> {
  await tx
    .update(campaigns)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(campaigns.id, id));
}

/** A campaign with its target's title and its counters, as the views need it. */
export interface CampaignListRow extends CampaignRow {
  targetTitle: string;
  partnerName: string;
  today: { impressions: number; clicks: number; spentMinor: number };
  total: { impressions: number; clicks: number; spentMinor: number };
}

type RawListRow = {
  id: string;
  target_title: string | null;
  partner_name: string | null;
  t_impressions: string | number;
  t_clicks: string | number;
  t_spent: string | number;
  a_impressions: string | number;
  a_clicks: string | number;
  a_spent: string | number;
};

/** Campaigns (of one partner, or in one status) with titles and counters, newest first. */
export async function listCampaigns(
  db: Executor,
  filter: { partnerId?: string; status?: CampaignStatus; ids?: string[] },
  lang: string,
  today: string,
): Promise<CampaignListRow[]> {
  const where: SQL[] = [sql`true`];
  if (filter.partnerId) where.push(sql`c.partner_id = ${filter.partnerId}`);
  if (filter.status) where.push(sql`c.status = ${filter.status}`);
  if (filter.ids) where.push(sql`c.id = ANY(${sql.param(filter.ids)}::uuid[])`);
  const title = (t: 'pk' | 'it') => {
    const alias = sql.raw(t);
    return sql`coalesce(${alias}.translations -> ${lang} ->> 'title', ${alias}.translations -> ${alias}.default_language ->> 'title')`;
  };
  const result = await db.execute<RawListRow>(sql`
    SELECT c.id,
      CASE WHEN c.target_kind = 'package' THEN ${title('pk')} ELSE ${title('it')} END AS target_title,
      pr.name AS partner_name,
      coalesce(td.impressions, 0) AS t_impressions, coalesce(td.clicks, 0) AS t_clicks, coalesce(td.spent_minor, 0) AS t_spent,
      coalesce(tot.impressions, 0) AS a_impressions, coalesce(tot.clicks, 0) AS a_clicks, coalesce(tot.spent, 0) AS a_spent
    FROM bundling.campaigns c
    LEFT JOIN bundling.packages pk ON c.target_kind = 'package' AND pk.id = c.target_id
    LEFT JOIN bundling.items it ON c.target_kind = 'item' AND it.id = c.target_id
    LEFT JOIN bundling.partners pr ON pr.id = c.partner_id
    LEFT JOIN bundling.campaign_daily_spend td ON td.campaign_id = c.id AND td.day = ${today}::date
    LEFT JOIN LATERAL (
      SELECT sum(s.impressions) AS impressions, sum(s.clicks) AS clicks, sum(s.spent_minor) AS spent
      FROM bundling.campaign_daily_spend s WHERE s.campaign_id = c.id
    ) tot ON true
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY c.created_at DESC, c.id
    LIMIT 500`);
  const extras = new Map(result.rows.map((r) => [r.id, r]));
  if (extras.size === 0) return [];
  const rows = await db
    .select()
    .from(campaigns)
    .where(sql`${campaigns.id} = ANY(${sql.param([...extras.keys()])}::uuid[])`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return [...extras.values()].flatMap((raw) => {
    const row = byId.get(raw.id);
    if (!row) return [];
    return [
      {
        ...row,
        targetTitle: raw.target_title ?? '',
        partnerName: raw.partner_name ?? '',
        today: {
          impressions: Number(raw.t_impressions),
          clicks: Number(raw.t_clicks),
          spentMinor: Number(raw.t_spent),
        },
        total: {
          impressions: Number(raw.a_impressions),
          clicks: Number(raw.a_clicks),
          spentMinor: Number(raw.a_spent),
        },
      },
    ];
  });
}

/** Per day of from..to (days without activity included, as zeros). */
export async function campaignDays(db: Executor, campaignId: string, from: string, to: string) {
  const result = await db.execute<{ day: string; impressions: number; clicks: number; spent: string | number }>(sql`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, coalesce(s.impressions, 0) AS impressions,
      coalesce(s.clicks, 0) AS clicks, coalesce(s.spent_minor, 0) AS spent
    FROM generate_series(${from}::date, ${to}::date, interval '1 day') AS d(day)
    LEFT JOIN bundling.campaign_daily_spend s ON s.campaign_id = ${campaignId} AND s.day = d.day::date
    ORDER BY d.day`);
  return result.rows.map((r) => ({
    day: r.day,
    impressions: Number(r.impressions),
    clicks: Number(r.clicks),
    spentMinor: Number(r.spent),
  }));
}

export interface EligibleCampaign {
  id: string;
  partnerId: string;
  targetKind: 'package' | 'item';
  targetId: string;
  cpcMinor: number;
}

/**
 * Approved campaigns running on `today`, of a verified partner, with room for one more click in
 * today's budget, whose keywords or destinations meet one of `terms` (lower case, unaccented
 * on both sides) or whose region code covers `destCode` (or is covered by it).
 */
export async function eligibleCampaigns(
  db: Executor,
  match: { terms: readonly string[]; destCode: string | null },
  today: string,
  limit = 50,
): Promise<EligibleCampaign[]> {
  const codeMatch = match.destCode
    ? sql`OR EXISTS (SELECT 1 FROM unnest(c.destinations) d
        WHERE d = ${match.destCode} OR d LIKE ${`${match.destCode}-%`} OR ${match.destCode} LIKE d || '-%')`
    : sql``;
  const result = await db.execute<{
    id: string;
    partner_id: string;
    target_kind: 'package' | 'item';
    target_id: string;
    cpc_minor: string | number;
  }>(sql`
    SELECT c.id, c.partner_id, c.target_kind, c.target_id, c.cpc_minor
    FROM bundling.campaigns c
    JOIN bundling.partners pr ON pr.id = c.partner_id AND pr.verified AND pr.status = 'verified'
    LEFT JOIN bundling.campaign_daily_spend s ON s.campaign_id = c.id AND s.day = ${today}::date
    WHERE c.status = 'approved' AND c.starts_on <= ${today}::date AND c.ends_on >= ${today}::date
      AND coalesce(s.spent_minor, 0) + c.cpc_minor <= c.daily_budget_minor
      AND (EXISTS (SELECT 1 FROM unnest(c.keywords || c.destinations) k
          WHERE lower(unaccent(k)) = ANY(SELECT lower(unaccent(t)) FROM unnest(${sql.param([...match.terms])}::text[]) t))
        ${codeMatch})
    ORDER BY c.cpc_minor DESC, c.created_at, c.id
    LIMIT ${limit}`);
  return result.rows.map(toEligible);
}

/** Approved campaigns running today with budget left, whatever they target (Discover). */
export async function runningCampaigns(db: Executor, today: string, limit: number): Promise<EligibleCampaign[]> {
  const result = await db.execute<{
    id: string;
    partner_id: string;
    target_kind: 'package' | 'item';
    target_id: string;
    cpc_minor: string | number;
  }>(sql`
    SELECT c.id, c.partner_id, c.target_kind, c.target_id, c.cpc_minor
    FROM bundling.campaigns c
    JOIN bundling.partners pr ON pr.id = c.partner_id AND pr.verified AND pr.status = 'verified'
    LEFT JOIN bundling.campaign_daily_spend s ON s.campaign_id = c.id AND s.day = ${today}::date
    WHERE c.status = 'approved' AND c.starts_on <= ${today}::date AND c.ends_on >= ${today}::date
      AND coalesce(s.spent_minor, 0) + c.cpc_minor <= c.daily_budget_minor
    ORDER BY c.cpc_minor DESC, c.created_at, c.id
    LIMIT ${limit}`);
  return result.rows.map(toEligible);
}

function toEligible(r: {
  id: string;
  partner_id: string;
  target_kind: 'package' | 'item';
  target_id: string;
  cpc_minor: string | number;
}): EligibleCampaign {
  return {
    id: r.id,
    partnerId: r.partner_id,
    targetKind: r.target_kind,
    targetId: r.target_id,
    cpcMinor: Number(r.cpc_minor),
  };
}

/**
 * The visitor's click of the day, once: false when this visitor already clicked this campaign
 * on `day` (the unique key), true when this call recorded it (uncharged for now).
 */
export async function insertClickOnce(
  tx: Tx,
  click: { id: string; campaignId: string; visitorKey: string; day: string },
): Promise<boolean> {
  const inserted = await tx
    .insert(campaignClicks)
    .values({ ...click, charged: false, amountMinor: 0 })
    .onConflictDoNothing()
    .returning({ id: campaignClicks.id });
  return inserted.length > 0;
}

/**
 * Adds one charged click to the day's spend in ONE conditional statement: only while spent +
 * cpc stays within the daily budget (concurrent clicks serialise on the row). True when charged.
 */
export async function chargeDailySpend(
  tx: Tx,
  charge: { campaignId: string; day: string; cpcMinor: number; dailyBudgetMinor: number },
): Promise<boolean> {
  const result = await tx.execute<{ spent_minor: string }>(sql`
    INSERT INTO bundling.campaign_daily_spend AS s (campaign_id, day, spent_minor, clicks)
    SELECT ${charge.campaignId}, ${charge.day}::date, ${charge.cpcMinor}, 1
    WHERE ${charge.cpcMinor}::bigint <= ${charge.dailyBudgetMinor}::bigint
    ON CONFLICT (campaign_id, day) DO UPDATE
      SET spent_minor = s.spent_minor + ${charge.cpcMinor}, clicks = s.clicks + 1
      WHERE s.spent_minor + ${charge.cpcMinor} <= ${charge.dailyBudgetMinor}
    RETURNING s.spent_minor`);
  return result.rows.length > 0;
}

export async function markClickCharged(tx: Tx, clickId: string, amountMinor: number): Promise<void> {
  await tx.update(campaignClicks).set({ charged: true, amountMinor }).where(eq(campaignClicks.id, clickId));
}

/** Adds impressions per campaign and day (campaigns deleted meanwhile are skipped). */
export async function addImpressions(
  tx: Executor,
  counts: readonly { campaignId: string; day: string; count: number }[],
): Promise<void> {
  if (counts.length === 0) return;
  await tx.execute(sql`
    INSERT INTO bundling.campaign_daily_spend AS s (campaign_id, day, impressions)
    SELECT x.id, x.day, x.n
    FROM unnest(${sql.param(counts.map((c) => c.campaignId))}::uuid[],
      ${sql.param(counts.map((c) => c.day))}::date[], ${sql.param(counts.map((c) => c.count))}::int[]) AS x(id, day, n)
    WHERE EXISTS (SELECT 1 FROM bundling.campaigns c WHERE c.id = x.id)
    ON CONFLICT (campaign_id, day) DO UPDATE SET impressions = s.impressions + excluded.impressions`);
}

export async function appendCampaignAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await appendAudit(tx, auditLog, entry);
}
