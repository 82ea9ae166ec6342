import { requiredDocuments, type AutomatedCheck, type DocumentKind } from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';
import { duplicateDocumentIds, uploadedKinds } from '../db/documents.repository.ts';
import { partnersWithVat, type PartnerRow } from '../db/partners.repository.ts';
import { checkTaxId } from './vat.ts';

/**
 * The checks an admin would otherwise do by hand before reading the documents. `fail` blocks
 * submission (the partner can fix it); `warn` is for the admin (possible duplicate business).
 */
export async function runAutomatedChecks(
  executor: Executor,
  partner: PartnerRow,
  audience: 'partner' | 'admin' = 'partner',
): Promise<AutomatedCheck[]> {
  const have = new Set(await uploadedKinds(executor, partner.id));
  const missing = requiredDocuments[partner.type].filter((kind) => !have.has(kind));
  const checks: AutomatedCheck[] = [
    missing.length
      ? { code: 'required_documents', status: 'fail', missing }
      : { code: 'required_documents', status: 'pass' },
    vatFormatCheck(partner),
  ];
  const sameVat = partner.vatId ? await partnersWithVat(executor, partner.vatId, partner.id) : [];
  // Who else uses the VAT id is for the admin's eyes: a partner typing someone else's number
  // learns only that it is already in use.
  const others = audience === 'admin' ? { partnerIds: sameVat.map((other) => other.id), partners: sameVat } : {};
  checks.push(
    sameVat.length ? { code: 'vat_duplicate', status: 'warn', ...others } : { code: 'vat_duplicate', status: 'pass' },
  );
  const duplicates = await duplicateDocumentIds(executor, partner.id);
  checks.push(
    duplicates.length
      ? { code: 'duplicate_files', status: 'warn', documentIds: duplicates }
      : { code: 'duplicate_files', status: 'pass' },
  );
  return checks;
}

function vatFormatCheck(partner: PartnerRow): AutomatedCheck {
  if (!partner.vatId) return { code: 'vat_format', status: 'fail' };
  return { code: 'vat_format', status: checkTaxId(partner.vatId, partner.country).ok ? 'pass' : 'fail' };
}

export function missingKinds(checks: AutomatedCheck[]): DocumentKind[] {
  return checks.find((check) => check.code === 'required_documents')?.missing ?? [];
}

export const hasFailure = (checks: AutomatedCheck[]) => checks.some((check) => check.status === 'fail');
