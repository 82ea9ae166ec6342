import { randomUUID } from 'node:crypto';
import type { PartnerType } from '@tourconnect/contracts/http';
import type { Mailbox } from '../scripts/all-in-one/mailbox.ts';
import {
  approvePartner,
  onboardPartner,
  platformApi,
  signIn,
  signUpVerified,
} from '../scripts/all-in-one/platform-api.ts';

export interface SeededDirectory {
  verified: number;
  pendingReview: number;
  /** Owners of draft partners (drafts accept any number of documents): the upload run's callers. */
  draftOwnerTokens: string[];
  firstVerifiedId: string;
  seconds: number;
}

type Outcome = 'verified' | 'pending_review' | 'draft';

const TYPES: PartnerType[] = ['agency', 'hotel', 'dmo', 'ota', 'transport'];
const REGIONS = ['IT', 'IT-21', 'IT-34', 'DE', 'FR', 'ES', 'ES-IB', 'AT', 'PT', 'GR'];
const LANGUAGES = ['it', 'en', 'de', 'fr', 'es', 'pt', 'el'];
// Valid VAT ids (format and checksum are checked before a partner can be submitted); the
// repeats only raise a "possible duplicate" warning for the admin.
const HOMES = [
  { country: 'IT', vatId: 'IT01234567897' },
  { country: 'IT', vatId: 'IT00743110157' },
  { country: 'DE', vatId: 'DE136695976' },
  { country: 'FR', vatId: 'FR40303265045' },
  { country: 'ES', vatId: 'ESA28015865' },
  { country: 'AT', vatId: 'ATU13585627' },
  { country: 'PT', vatId: 'PT501964843' },
  { country: 'GR', vatId: 'EL094259216' },
];

// Two in three approved, one in six waiting for review, one in six still a draft.
const outcomeOf = (i: number): Outcome => (i % 6 === 0 ? 'draft' : i % 6 === 1 ? 'pending_review' : 'verified');

/**
 * The directory onboarded through the public API, as owners and the admin would do it
 * (sign up, follow the verification link read from `mailbox`, sign in, partner, required
 * documents, submit; the admin approves), `concurrency` owners at a time. Each owner calls from
 * its own address, as real owners would: the per-IP limits on registration and uploads stay at
 * their defaults.
 */
export async function seedDirectoryThroughApi(
  base: string,
  admin: { email: string; password: string },
  mailbox: Mailbox,
  count: number,
  concurrency = 8,
): Promise<SeededDirectory> {
  const started = Date.now();
  const owners = await pool(count, concurrency, (i) => onboard(base, mailbox, i));
  const adminApi = platformApi(base, '10.255.255.254');
  const adminToken = await signIn(adminApi, admin);
  const toApprove = owners.filter((o) => o.outcome === 'verified');
  await pool(toApprove.length, concurrency, (i) => approvePartner(adminApi, adminToken, toApprove[i]!.partnerId));
  return {
    verified: toApprove.length,
    pendingReview: owners.filter((o) => o.outcome === 'pending_review').length,
    draftOwnerTokens: owners.filter((o) => o.outcome === 'draft').map((o) => o.token),
    firstVerifiedId: toApprove[0]!.partnerId,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

async function onboard(
  base: string,
  mailbox: Mailbox,
  i: number,
): Promise<{ outcome: Outcome; token: string; partnerId: string }> {
  const api = platformApi(base, `10.254.${i >> 8}.${i & 255}`);
  const outcome = outcomeOf(i);
  const type = TYPES[i % TYPES.length]!;
  const user = { email: `bench-owner-${i}-${randomUUID().slice(0, 8)}@example.com`, password: 'Bench-owner-2026' };
  // Registering a partner needs a verified address.
  const token = await signUpVerified(api, mailbox, { ...user, displayName: `Owner ${i}` });
  const name = `Bench partner ${String(i).padStart(3, '0')}`;
  const partnerId = await onboardPartner(api, token, {
    body: {
      type,
      name,
      ...HOMES[i % HOMES.length]!,
      legalName: `${name} S.p.A.`,
      description: `Benchmark partner ${i}: tours, transfers and stays.`,
      regions: [REGIONS[i % REGIONS.length]!, REGIONS[(i + 3) % REGIONS.length]!],
      languages: [LANGUAGES[i % LANGUAGES.length]!, 'en'],
    },
    // A description (above) and a logo are required to submit.
    logoColour: [(i * 37) % 256, (i * 91) % 256, (i * 53) % 256],
    submit: outcome !== 'draft',
  });
  return { outcome, token, partnerId };
}

/** Runs fn(0..count-1), at most `concurrency` at a time, results in index order. */
async function pool<T>(count: number, concurrency: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await fn(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}
