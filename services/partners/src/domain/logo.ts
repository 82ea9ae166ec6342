import { LOGO_MAX_BYTES, type MyPartner } from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import { findPartner, updatePartner, type PartnerChanges } from '../db/partners.repository.ts';
import { audit } from './audit.ts';
import type { Caller, PartnersContext, RequestMeta } from './context.ts';
import { myPartnerView, requireMembership } from './membership.ts';
import { partnerLocked, publicPartnerNotFound } from './partners-errors.ts';
import { editScope } from './status.ts';
import { inspectUpload, storeThenCommit, type StoredFile, type UploadedFile } from './stored-files.ts';

/**
 * Sets (or clears) the logo columns under the partner's lock, audited; answers the new view and
 * the key of the logo it replaced, whose file the caller removes after commit.
 */
async function changeLogo(
  tx: Tx,
  caller: Caller,
  logo: Required<Pick<PartnerChanges, 'logoKey' | 'logoSha256' | 'logoContentType'>>,
  meta: RequestMeta,
): Promise<{ view: MyPartner; previousKey: string | null }> {
  const membership = await requireMembership(tx, caller.id, 'edit', { forUpdate: true });
  const { partner, role } = membership;
  if (editScope(partner.status) === 'none') throw partnerLocked(partner.status);
  const updated = await updatePartner(tx, partner.id, logo);
  await audit(tx, {
    action: logo.logoKey ? 'partner.logo_changed' : 'partner.logo_removed',
    entityType: 'partner',
    entityId: partner.id,
    actorId: caller.id,
    actorRole: role,
    ...(logo.logoSha256 ? { data: { sha256: logo.logoSha256 } } : {}),
    correlationId: meta.correlationId ?? null,
  });
  return { view: await myPartnerView(tx, { partner: updated, role }), previousKey: partner.logoKey };
}

export async function uploadLogo(
  ctx: PartnersContext,
  caller: Caller,
  file: UploadedFile,
  meta: RequestMeta,
): Promise<MyPartner> {
  const { partner } = await requireMembership(ctx.db, caller.id, 'edit');
  if (editScope(partner.status) === 'none') throw partnerLocked(partner.status);
  const checked = inspectUpload(file, LOGO_MAX_BYTES, ['image/jpeg', 'image/png']);
  // A new key per logo: the old one is removed only after the new one is committed.
  const key = `partners/${partner.id}/logo/${checked.sha256.slice(0, 16)}`;
  const logo = { logoKey: key, logoSha256: checked.sha256, logoContentType: checked.type };
  const { view, previousKey } = await storeThenCommit(ctx, key, file, checked.type, () =>
    ctx.db.transaction((tx) => changeLogo(tx, caller, logo, meta)),
  );
  if (previousKey && previousKey !== key) await ctx.store.delete(previousKey).catch(() => {});
  return view;
}

export async function removeLogo(ctx: PartnersContext, caller: Caller, meta: RequestMeta): Promise<MyPartner> {
  const { view, previousKey } = await ctx.db.transaction((tx) =>
    changeLogo(tx, caller, { logoKey: null, logoSha256: null, logoContentType: null }, meta),
  );
  if (previousKey) await ctx.store.delete(previousKey).catch(() => {});
  return view;
}

/** A public logo found: its SHA-256 (the route's ETag) at once, its bytes when read. */
export interface PublicLogo {
  sha256: string | null;
  read(): Promise<StoredFile>;
}

/**
 * Logos are public (an <img> sends no token, and the owner's preview shows a draft's logo),
 * except once the partner asked to be erased. The file is read only when asked for, so a
 * browser revalidating its cached copy costs one row lookup.
 */
export async function findPublicLogo(ctx: PartnersContext, partnerId: string): Promise<PublicLogo> {
  const partner = await findPartner(ctx.db, partnerId);
  const erased = partner?.status === 'deleted' || partner?.status === 'deletion_requested';
  if (!partner || erased || !partner.logoKey) throw publicPartnerNotFound();
  const key = partner.logoKey;
  const contentType = partner.logoContentType ?? 'application/octet-stream';
  return {
    sha256: partner.logoSha256,
    read: async () => {
      const data = await ctx.store.get(key);
      if (!data) throw publicPartnerNotFound();
      return { data, contentType, filename: 'logo' };
    },
  };
}
