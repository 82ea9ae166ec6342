import { CSRF_HEADER } from '@tourconnect/contracts/http';
import { demoUsers } from './settings.ts';

export interface SeedResult {
  created: string[];
  existing: string[];
}

/**
 * Demo data through the public API, exactly as a user would create it, so the seed exercises
 * the same validation, events and audit as real traffic. Safe to run on every start.
 */
export async function seedDemoData(baseUrl: string): Promise<SeedResult> {
  const result: SeedResult = { created: [], existing: [] };
  for (const user of demoUsers) {
    const res = await fetch(`${baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
      body: JSON.stringify(user),
    });
    if (res.status === 201) result.created.push(user.email);
    else if (res.status === 409) result.existing.push(user.email);
    else throw new Error(`seeding ${user.email} failed: ${res.status} ${await res.text()}`);
  }
  return result;
}
