import { describe, expect, it, vi } from 'vitest';
import type { MyPartner, Partner } from '../../libs/contracts/src/http/index.ts';
import {
  deletePartnerBodySchema,
  inviteMemberBodySchema,
  registerPartnerBodySchema,
  updatePartnerBodySchema,
} from '../../libs/contracts/src/http/index.ts';
import { supportedLanguages } from '../src/i18n/languages.ts';
import { issuesToFieldErrors } from '../src/lib/form-errors.ts';
import type { FormSchema } from '../src/lib/use-schema-form.ts';
import { readCatalogue } from './locale-files.ts';

// The portal resolves '@contracts/http' through a Vite alias the repository-wide vitest config
// does not know; point it at the same source file here.
vi.mock('@contracts/http', () => import('../../libs/contracts/src/http/index.ts'));

const { firstIncompleteStep } = await import('../src/pages/partner/onboarding/wizard-steps.ts');
const { fileProblem } = await import('../src/lib/files.ts');
const { changedDescriptions, changedFields, descriptionValues, previewPartner, profileBody, profileValues } =
  await import('../src/pages/partner/partner-values.ts');

function partner(overrides: Partial<Partner> = {}): Partner {
  return {
    id: '0190a000-0000-7000-8000-000000000001',
    type: 'agency',
    name: 'Alpine Adventures',
    country: 'IT',
    description: null,
    descriptions: {},
    logoUrl: null,
    website: null,
    socialLinks: [],
    regions: ['IT'],
    languages: ['it'],
    verified: false,
    verifiedAt: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    status: 'draft',
    legalName: 'Alpine Adventures S.r.l.',
    vatId: 'IT01234567897',
    contactEmail: null,
    contactPhone: null,
    ownerUserId: '0190a000-0000-7000-8000-000000000002',
    verifiedBy: null,
    rejectionReason: null,
    suspensionReason: null,
    submittedAt: null,
    updatedAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

function my(p: Partner, checks: MyPartner['checks'] = []): MyPartner {
  return {
    partner: p,
    role: 'owner',
    soleOwner: true,
    requiredDocuments: ['business_registration'],
    documentSlots: ['business_registration'],
    checks,
  };
}

describe('onboarding wizard resumes at the first incomplete step', () => {
  it('goes back to the business details while the VAT id fails its check', () => {
    expect(firstIncompleteStep(my(partner(), [{ code: 'vat_format', status: 'fail' }]))).toBe(2);
  });

  it('asks for regions and languages when either list is empty', () => {
    expect(firstIncompleteStep(my(partner({ languages: [] })))).toBe(3);
    expect(firstIncompleteStep(my(partner({ regions: [] })))).toBe(3);
  });

  it('asks for the public profile while the description or the logo is missing', () => {
    const incomplete: MyPartner['checks'] = [{ code: 'profile_complete', status: 'fail', missingFields: ['logo'] }];
    expect(firstIncompleteStep(my(partner(), incomplete))).toBe(4);
  });

  it('stops at the documents while a required one is missing, else at the review', () => {
    const missing = [{ code: 'required_documents' as const, status: 'fail' as const, missing: ['licence' as const] }];
    expect(firstIncompleteStep(my(partner(), missing))).toBe(5);
    expect(firstIncompleteStep(my(partner(), [{ code: 'duplicate_files', status: 'warn' }]))).toBe(6);
  });
});

describe('client-side screening of uploads', () => {
  const allowed = ['application/pdf', 'image/jpeg', 'image/png'];
  const file = (name: string, type: string, size: number) => new File([new Uint8Array(size)], name, { type });

  it('refuses files over the limit and types the service would refuse', () => {
    expect(fileProblem(file('a.pdf', 'application/pdf', 11), 10, allowed)).toBe('file_too_large');
    expect(fileProblem(file('a.exe', 'application/x-msdownload', 5), 10, allowed)).toBe('unsupported_file_type');
    expect(fileProblem(file('a.pdf', 'application/pdf', 10), 10, allowed)).toBeNull();
  });

  it('falls back to the extension when the browser reports no type', () => {
    expect(fileProblem(file('scan.JPG', '', 5), 10, allowed)).toBeNull();
    expect(fileProblem(file('notes.txt', '', 5), 10, allowed)).toBe('unsupported_file_type');
  });
});

describe('profile editor', () => {
  it('patches only what changed, so an untouched VAT id does not send a verified partner back to review', () => {
    const saved = partner({ status: 'verified', verified: true });
    const values = { ...profileValues(saved), socialLinks: [' ', ''], website: 'https://alpine.example/' };
    const body = updatePartnerBodySchema.parse(profileBody(values));
    expect(changedFields(body, saved, Object.keys(body))).toEqual({ website: 'https://alpine.example/' });
  });

  it('sends only the description languages that changed; a cleared one is removed with null', () => {
    const saved = partner({ descriptions: { en: 'Small groups', it: 'Piccoli gruppi' } });
    const values = { ...descriptionValues(saved), en: 'Small groups in the Dolomites', it: '  ' };
    expect(changedDescriptions(values, saved.descriptions)).toEqual({ en: 'Small groups in the Dolomites', it: null });
    expect(changedDescriptions(descriptionValues(saved), saved.descriptions)).toBeUndefined();
  });

  it('previews what travellers would see with the values being typed', () => {
    const saved = partner({ logoUrl: '/api/partners/x/logo', verified: true });
    const values = {
      ...profileValues(saved),
      name: 'Alpine Adventures & Co',
      socialLinks: ['https://instagram.com/a', ''],
      descriptions: { ...descriptionValues(saved), de: ' Kleine Gruppen ' },
    };
    const preview = previewPartner(saved, values);
    expect(preview.name).toBe('Alpine Adventures & Co');
    expect(preview.socialLinks).toEqual(['https://instagram.com/a']);
    expect(preview.verified).toBe(true);
    expect(preview.descriptions).toEqual({ de: 'Kleine Gruppen' });
    expect(preview.description).toBe('Kleine Gruppen');
    expect(preview.logoUrl).toBe(`/api/partners/x/logo?v=${encodeURIComponent(saved.updatedAt)}`);
    expect(preview).not.toHaveProperty('vatId');
  });
});

/** Codes the partners forms can show: the README's problem codes plus those the schemas produce. */
function partnerCodes(): string[] {
  const bad: [FormSchema<unknown>, unknown][] = [
    [registerPartnerBodySchema, { type: 'castle', name: 'A', country: 'XX', vatId: '!', website: 'ftp://x' }],
    [registerPartnerBodySchema, { type: 'hotel', name: 'x'.repeat(121), country: 'IT', contactPhone: '123' }],
    [updatePartnerBodySchema, { regions: ['ZZ-1'], languages: ['xx'], description: 'x'.repeat(2001) }],
    [updatePartnerBodySchema, { socialLinks: Array.from({ length: 7 }, (_, i) => `https://a.example/${i}`) }],
    [updatePartnerBodySchema, {}],
    [inviteMemberBodySchema, { email: 'nope', role: 'owner' }],
    [deletePartnerBodySchema, { confirmName: ' ' }],
  ];
  const codes = new Set([
    'partner_not_found',
    'already_partner_member',
    'partner_locked',
    'partner_not_submittable',
    'submission_incomplete',
    'unsupported_file_type',
    'file_too_large',
    'file_missing',
    'document_not_found',
    'invitation_not_found',
    'already_invited',
    'cannot_remove_owner',
    'member_not_found',
    'confirm_name_mismatch',
    'deletion_in_progress',
    'invalid_vat',
    'profile_complete',
    'required_documents',
    'description_required',
    'document_kind_not_applicable',
    'locked_in_review',
    'already_owner',
    'email_unverified',
    'invitation_token_invalid',
    'invitation_expired',
    'invitation_email_mismatch',
  ]);
  for (const [schema, body] of bad) {
    const result = schema.safeParse(body);
    if (result.success) throw new Error(`expected ${JSON.stringify(body)} to be rejected`);
    for (const list of Object.values(issuesToFieldErrors(result.error.issues))) list?.forEach((c) => codes.add(c));
  }
  return [...codes].sort();
}

describe('partner error translations', () => {
  const codes = partnerCodes();

  it('the partner schemas yield their own codes', () => {
    for (const code of ['invalid_partner_type', 'invalid_country', 'invalid_url', 'invalid_phone', 'too_many_items'])
      expect(codes).toContain(code);
  });

  it.each([...supportedLanguages])('%s translates every partner problem and field code', (language) => {
    const errors = readCatalogue(language, 'errors');
    const english = readCatalogue('en', 'errors');
    const problems = codes.filter((code) => {
      const text = errors.get(code);
      return typeof text !== 'string' || !text.trim() || (language !== 'en' && text === english.get(code));
    });
    expect(problems).toEqual([]);
  });
});
