import { eq } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import { erasedPartners } from './schema.ts';

/** Whether identity already erased this partner's data (a late grant must not bring it back). */
export async function isErased(ex: Executor, partnerId: string): Promise<boolean> {
  const [row] = await ex
    .select({ id: erasedPartners.partnerId })
    .from(erasedPartners)
    .where(eq(erasedPartners.partnerId, partnerId));
  return !!row;
}

export async function markErased(ex: Executor, partnerId: string, requestId: string): Promise<void> {
  await ex.insert(erasedPartners).values({ partnerId, requestId }).onConflictDoNothing();
}
