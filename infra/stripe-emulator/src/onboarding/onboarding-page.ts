// The hosted onboarding page an account link opens: a short form standing in for Stripe's
// Connect onboarding. Submitting it fulfils every requirement of the account.

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const BANK_CHOICES: Array<[string, string]> = [
  ['btok_us_verified', 'STRIPE TEST BANK ••••6789 (payouts succeed)'],
  ['btok_us_verified_noAccount', '••••1116 (payouts fail: no_account)'],
  ['btok_us_verified_accountClosed', '••••1113 (payouts fail: account_closed)'],
  ['btok_us_verified_insufficientFunds', '••••2227 (payouts fail: insufficient_funds)'],
];

const STYLE = `body{font-family:system-ui,sans-serif;background:#f6f9fc;margin:0;padding:40px}
main{max-width:440px;margin:auto;background:#fff;border-radius:8px;padding:32px;box-shadow:0 2px 8px #0002}
h1{font-size:20px;margin:0 0 4px}p{color:#555;font-size:14px}label{display:block;font-size:13px;margin:14px 0 4px;color:#333}
input,select{width:100%;box-sizing:border-box;padding:8px;border:1px solid #ccd;border-radius:4px;font-size:14px}
button{margin-top:22px;width:100%;padding:10px;background:#635bff;color:#fff;border:0;border-radius:4px;font-size:15px;cursor:pointer}
.badge{display:inline-block;background:#ffde92;color:#5c3b00;font-size:11px;padding:2px 6px;border-radius:3px}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export function onboardingForm(accountId: string, action: string): string {
  const options = BANK_CHOICES.map(([value, label]) => `<option value="${value}">${escape(label)}</option>`).join('');
  return layout(
    'Set up payouts',
    `<span class="badge">Stripe emulator · test mode</span>
<h1>Set up payouts for ${escape(accountId)}</h1>
<p>This page stands in for Stripe's hosted Connect onboarding. Submitting it completes every requirement of the account.</p>
<form method="post" action="${escape(action)}">
<label for="business_name">Business name</label><input id="business_name" name="business_name" value="Demo Tours" required>
<label for="url">Website</label><input id="url" name="url" value="https://demo-tours.invalid" required>
<label for="first_name">Representative first name</label><input id="first_name" name="first_name" value="Jenny" required>
<label for="last_name">Representative last name</label><input id="last_name" name="last_name" value="Rosen" required>
<label for="bank">Bank account for payouts</label><select id="bank" name="bank">${options}</select>
<button type="submit">Agree and submit</button>
</form>`,
  );
}

export function messagePage(title: string, message: string): string {
  return layout(
    title,
    `<span class="badge">Stripe emulator · test mode</span><h1>${escape(title)}</h1><p>${escape(message)}</p>`,
  );
}
