// The issuer's 3-D Secure challenge a `requires_action` PaymentIntent sends the cardholder to,
// standing in for the bank's page Stripe shows in test mode: complete or fail the authentication.
import { messagePage } from '../onboarding/onboarding-page.ts';

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font-family:system-ui,sans-serif;background:#f6f9fc;margin:0;padding:40px}
main{max-width:440px;margin:auto;background:#fff;border-radius:8px;padding:32px;box-shadow:0 2px 8px #0002}
h1{font-size:20px;margin:0 0 4px}p{color:#555;font-size:14px}dl{font-size:14px;display:grid;grid-template-columns:auto 1fr;gap:4px 12px}
dt{color:#777}dd{margin:0}form{display:flex;gap:12px;margin-top:22px}
button{flex:1;padding:10px;border:0;border-radius:4px;font-size:15px;cursor:pointer}
.complete{background:#635bff;color:#fff}.fail{background:#e3e8ee;color:#1a1f36}
.badge{display:inline-block;background:#ffde92;color:#5c3b00;font-size:11px;padding:2px 6px;border-radius:3px}`;

export interface ChallengeView {
  action: string;
  amount: string;
  merchant: string;
  card: string;
}

export function challengePage(view: ChallengeView): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>3D Secure authentication</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body><main><span class="badge">Stripe emulator · test mode</span>
<h1>3D Secure 2 test page</h1>
<p>Your bank asks you to confirm this payment. This page stands in for the issuer's challenge: choose how the authentication ends.</p>
<dl><dt>Merchant</dt><dd>${escape(view.merchant)}</dd><dt>Amount</dt><dd data-testid="tds-amount">${escape(view.amount)}</dd>
<dt>Card</dt><dd>${escape(view.card)}</dd></dl>
<form method="post" action="${escape(view.action)}">
<button type="submit" class="fail" name="outcome" value="fail" data-testid="tds-fail">Fail authentication</button>
<button type="submit" class="complete" name="outcome" value="complete" data-testid="tds-complete">Complete authentication</button>
</form></main></body></html>`;
}

export { messagePage };
