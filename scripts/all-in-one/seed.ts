import { mailboxAt, type Mailbox } from './mailbox.ts';
import { expectStatus, platformApi, verifyEmail, type NewUser, type PlatformApi } from './platform-api.ts';
import { seedDemoCatalogue } from './seed-catalogue.ts';
import { seedDemoPartners } from './seed-partners.ts';
import { demoUsers } from './settings.ts';

export interface SeedResult {
  created: string[];
  existing: string[];
  /** Demo partners onboarded by this run (none when they already exist). */
  partners: string[];
  /** Demo packages published by this run (none when the catalogue exists). */
  packages: string[];
  /** Demo partners whose Stripe account this run onboarded (through the emulator; none with real Stripe). */
  payouts: string[];
  /** Why the demo partners' payout accounts could not be set up, when they could not. */
  payoutsSkipped?: string;
  /**
   * Why the demo catalogue could not be seeded, when it could not: e.g. a DATA_DIR whose
   * partners were created before bundling existed, so bundling never saw their events.
   */
  catalogueSkipped?: string;
}

/**
 * Demo data through the public API, exactly as a user would create it, so the seed exercises
 * the same validation, events and audit as real traffic: the demo users (each address verified
 * with the link identity e-mailed, read from the platform's outbox), then their partners (which
 * the admin approves), their Stripe payout accounts, and the demo catalogue. Safe to run on
 * every start.
 */
export async function seedDemoData(
  baseUrl: string,
  admin: { email: string; password: string },
  mailbox: Mailbox = mailboxAt(baseUrl),
): Promise<SeedResult> {
  const api = platformApi(baseUrl);
  const result: SeedResult = { created: [], existing: [], partners: [], packages: [], payouts: [] };
  for (const user of demoUsers) {
    const outcome = await ensureDemoUser(api, mailbox, user);
    result[outcome].push(user.email);
  }
  const partners = await seedDemoPartners(baseUrl, admin);
  result.partners = partners.created;
  result.payouts = partners.payouts;
  if (partners.payoutsSkipped) result.payoutsSkipped = partners.payoutsSkipped;
  try {
    result.packages = await seedDemoCatalogue(baseUrl);
  } catch (error) {
    result.catalogueSkipped = error instanceof Error ? error.message : String(error);
  }
  return result;
}

const VERIFICATION = 'identity.email_verification.requested.v1';

/**
 * A demo user with a verified address. Signing in first tells an existing account apart
 * without signing up again: sign-up answers 202 for a taken address too, and e-mails its owner
 * an "account exists" notice on every start.
 */
async function ensureDemoUser(api: PlatformApi, mailbox: Mailbox, user: NewUser): Promise<'created' | 'existing'> {
  const credentials = { email: user.email, password: user.password };
  const login = await api('POST', '/api/auth/login', undefined, credentials);
  if (login.status === 401) {
    // A new address gets a verification link; a taken one (its password changed since) gets none.
    const before = await mailbox.link(VERIFICATION, { email: user.email }).catch(() => undefined);
    await expectStatus(await api('POST', '/api/auth/register', undefined, user), 202, `sign-up ${user.email}`);
    const sent = await mailbox.link(VERIFICATION, { email: user.email }).catch(() => undefined);
    if (!sent || sent === before) return 'existing';
    await verifyEmail(api, mailbox, user.email);
    return 'created';
  }
  const session = (await expectStatus(login, 200, `sign-in ${user.email}`)) as {
    accessToken: string;
    user: { emailVerified: boolean };
  };
  if (!session.user.emailVerified) {
    // An account from before verification existed, or a start stopped between sign-up and link.
    const resent = await api('POST', '/api/auth/verify-email/resend', session.accessToken);
    // 429: a link went out within the cooldown (the sign-up's), and it is still the newest.
    if (resent.status !== 429) await expectStatus(resent, 202, `new verification link for ${user.email}`);
    await verifyEmail(api, mailbox, user.email);
  }
  return 'existing';
}
