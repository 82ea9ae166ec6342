import { platformApi } from './platform-api.ts';
import { seedDemoPartners } from './seed-partners.ts';
import { demoUsers } from './settings.ts';

export interface SeedResult {
  created: string[];
  existing: string[];
  /** Demo partners onboarded by this run (none when they already exist). */
  partners: string[];
}

/**
 * Demo data through the public API, exactly as a user would create it, so the seed exercises
 * the same validation, events and audit as real traffic: the demo users, then their partners
 * (which the admin approves). Safe to run on every start.
 */
export async function seedDemoData(baseUrl: string, admin: { email: string; password: string }): Promise<SeedResult> {
  const api = platformApi(baseUrl);
  const result: SeedResult = { created: [], existing: [], partners: [] };
  for (const user of demoUsers) {
    const res = await api('POST', '/api/auth/register', undefined, user);
    if (res.status === 201) result.created.push(user.email);
    else if (res.status === 409) result.existing.push(user.email);
    else throw new Error(`seeding ${user.email} failed: ${res.status} ${await res.text()}`);
  }
  result.partners = await seedDemoPartners(baseUrl, admin);
  return result;
}
