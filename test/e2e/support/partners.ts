import { requiredDocuments, type PartnerType } from '@tourconnect/contracts/http';
import { waitFor } from '@tourconnect/service-kit/testing';
import { pdf, png, upload } from '@tourconnect/partners/demo-files';
import { as, call, signUp, type TestUser } from './api-client.ts';

/**
 * A verified partner as it becomes one in the product: its owner signs up, registers it with a
 * description, uploads a logo and every required document, submits, and the admin approves.
 */
export async function verifiedPartner(
  base: string,
  admin: TestUser,
  type: PartnerType,
  name: string,
): Promise<{ owner: TestUser; partnerId: string }> {
  const owner = await signUp(base, type);
  const body = {
    type,
    name,
    country: 'IT',
    legalName: `${name} S.r.l.`,
    vatId: italianVatId(),
    description: `${name}: a partner of the test suite.`,
  };
  const registered = await call(base, 'POST', '/api/partners/register', { ...as(owner), body });
  if (registered.status !== 201) throw new Error(`register failed: ${JSON.stringify(registered.body)}`);
  const partnerId: string = registered.body.partner.id;
  for (const kind of requiredDocuments[type]) {
    const res = await call(base, 'POST', '/api/partners/me/documents', {
      ...as(owner),
      form: upload({ kind }, pdf(`${name}: ${kind}`), `${kind}.pdf`),
    });
    if (res.status !== 201) throw new Error(`upload failed: ${JSON.stringify(res.body)}`);
  }
  const logo = await call(base, 'POST', '/api/partners/me/logo', {
    ...as(owner),
    form: upload({}, png([255, 102, 0]), 'logo.png', 'image/png'),
  });
  if (logo.status !== 200) throw new Error(`logo failed: ${JSON.stringify(logo.body)}`);
  const submitted = await call(base, 'POST', '/api/partners/me/submit', as(owner));
  if (submitted.status !== 200) throw new Error(`submit failed: ${JSON.stringify(submitted.body)}`);
  const approved = await call(base, 'POST', '/api/partners/verify', {
    ...as(admin),
    body: { partnerId, decision: 'approve' },
  });
  if (approved.body?.status !== 'verified') throw new Error(`approve failed: ${JSON.stringify(approved.body)}`);
  return { owner, partnerId };
}

let vatCounter = 0;
/** A fresh Italian partita IVA with a valid check digit (Luhn over the first ten digits). */
function italianVatId(): string {
  vatCounter += 1;
  const body = `${String(Date.now() % 1e7).padStart(7, '0')}${String(vatCounter % 1000).padStart(3, '0')}`;
  const sum = [...body].reduce((acc, ch, i) => {
    const digit = Number(ch);
    if (i % 2 === 0) return acc + digit;
    const doubled = digit * 2;
    return acc + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return `IT${body}${(10 - (sum % 10)) % 10}`;
}

/**
 * The partner's payout account as its owner sets it up: billing creates the Stripe Connect
 * account and an onboarding link; the emulator's control route completes the onboarding the
 * owner would finish in the browser; billing hears account.updated and reports it enabled.
 */
export async function payoutReady(base: string, owner: TestUser, emulatorUrl: string): Promise<string> {
  const onboard = await call(base, 'POST', '/api/billing/connect/onboard', { ...as(owner), body: {} });
  if (onboard.status !== 200 && onboard.status !== 201)
    throw new Error(`connect onboarding failed: ${JSON.stringify(onboard.body)}`);
  const accountId: string = onboard.body.accountId;
  const done = await fetch(`${emulatorUrl}/_emulator/accounts/${accountId}/onboard`, { method: 'POST' });
  if (!done.ok) throw new Error(`emulator onboarding failed: ${done.status} ${await done.text()}`);
  const status = await waitFor(
    () => call(base, 'GET', '/api/billing/connect/status', as(owner)),
    (res) => res.body?.status === 'enabled',
    20_000,
  );
  if (status.body?.status !== 'enabled') throw new Error(`account not enabled: ${JSON.stringify(status.body)}`);
  return accountId;
}
