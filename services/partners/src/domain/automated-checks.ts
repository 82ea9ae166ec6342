import {
  requiredDocuments,
  type AutomatedCheck,
  type DocumentKind,
  type DuplicateDocument,
  type RequiredProfileField,
} from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';
import { duplicateDocuments, uploadedKinds, type DuplicatePair } from '../db/documents.repository.ts';
import { partnersWithVat, type PartnerRow } from '../db/partners.repository.ts';
import { hasDescription } from './descriptions.ts';
import { checkTaxId } from './vat.ts';

type Audience = 'partner' | 'admin';

/**
 * The checks an admin would otherwise do by hand before reading the documents. `fail` blocks
 * submission and approval (the partner can fix it); `warn` is for the admin (possible
 * duplicate business).
 */
export async function runAutomatedChecks(
  executor: Executor,
  partner: PartnerRow,
  audience: Audience = 'partner',
): Promise<AutomatedCheck[]> {
  const have = new Set(await uploadedKinds(executor, partner.id));
  const missing = requiredDocuments[partner.type].filter((kind) => !have.has(kind));
  const checks: AutomatedCheck[] = [
    missing.length
      ? { code: 'required_documents', status: 'fail', missing }
      : { code: 'required_documents', status: 'pass' },
    profileCheck(partner),
    vatFormatCheck(partner),
  ];
  const sameVat = partner.vatId ? await partnersWithVat(executor, partner.vatId, partner.id) : [];
  // Who else uses the VAT id is for the admin's eyes: a partner typing someone else's number
  // learns only that it is already in use.
  const others = audience === 'admin' ? { partnerIds: sameVat.map((other) => other.id), partners: sameVat } : {};
  checks.push(
    sameVat.length ? { code: 'vat_duplicate', status: 'warn', ...others } : { code: 'vat_duplicate', status: 'pass' },
  );
  const duplicates = duplicatesBySlot(await duplicateDocuments(executor, partner.id), partner.id, audience);
  checks.push(
    duplicates.length
      ? {
          code: 'duplicate_files',
          status: 'warn',
          documentIds: duplicates.map((duplicate) => duplicate.documentId),
          duplicates,
        }
      : { code: 'duplicate_files', status: 'pass' },
  );
  return checks;
}

/**
 * Travellers read the description and recognise the logo: an empty profile is not submitted,
 * and not approved (issue 11: the admin could approve an empty profile).
 */
function profileCheck(partner: PartnerRow): AutomatedCheck {
  const missingFields: RequiredProfileField[] = [];
  if (!hasDescription(partner)) missingFields.push('description');
  if (!partner.logoKey) missingFields.push('logo');
  return missingFields.length
    ? { code: 'profile_complete', status: 'fail', missingFields }
    : { code: 'profile_complete', status: 'pass' };
}

function vatFormatCheck(partner: PartnerRow): AutomatedCheck {
  if (!partner.vatId) return { code: 'vat_format', status: 'fail' };
  return { code: 'vat_format', status: checkTaxId(partner.vatId, partner.country).ok ? 'pass' : 'fail' };
}

/**
 * The warning says which slot each duplicate fills and which slot it repeats (issue 11). The
 * partner sees its own documents' ids; another partner's document and id only an admin sees.
 */
function duplicatesBySlot(pairs: DuplicatePair[], partnerId: string, audience: Audience): DuplicateDocument[] {
  const byDocument = new Map<string, DuplicateDocument>();
  for (const pair of pairs) {
    let entry = byDocument.get(pair.id);
    if (!entry) {
      entry = { documentId: pair.id, kind: pair.kind, duplicateOf: [] };
      byDocument.set(pair.id, entry);
    }
    const samePartner = pair.otherPartnerId === partnerId;
    entry.duplicateOf.push({
      kind: pair.otherKind,
      samePartner,
      ...(samePartner || audience === 'admin' ? { documentId: pair.otherId } : {}),
      ...(!samePartner && audience === 'admin' ? { partnerId: pair.otherPartnerId } : {}),
    });
  }
  return [...byDocument.values()];
}

export function missingKinds(checks: AutomatedCheck[]): DocumentKind[] {
  return checks.find((check) => check.code === 'required_documents')?.missing ?? [];
}

export const hasFailure = (checks: AutomatedCheck[]) => checks.some((check) => check.status === 'fail');
