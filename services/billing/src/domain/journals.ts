/**
 * Pure builders of balanced journal lines, one per money movement. Every builder returns lines
 * with Σ debit = Σ credit; a zero amount yields no line (a posting is never 0).
 *
 * Accounts and their natural side (balance = Σ debit − Σ credit):
 * - platform_cash (asset, debit): the platform's Stripe balance for the booking.
 * - partner_payable[p] (liability, credit): what the platform owes partner p. Negative
 *   (a debit balance) = p owes the platform a reversal not yet received.
 * - platform_revenue (revenue, credit): the platform fee it keeps.
 * - affiliate_payable (liability, credit): commissions owed to affiliates (paid from the fee).
 * - stripe_fees (expense, debit): Stripe's processing fees.
 * - refunds (clearing, debit): traveller money refunded, cleared in the same journal by what
 *   the partners and the platform give back, so it nets to 0 per booking.
 * - dispute_losses (expense, debit): what a lost dispute (a chargeback) cost the platform
 *   beyond the partners' shares it could still cancel: shares already transferred and its fee.
 *
 * Postings:
 *   payment captured   Dr cash C;  Cr payable[p] share_p;  Cr revenue fee
 *                      (+ affiliate: Dr revenue A; Cr affiliate_payable A)
 *   stripe fee         Dr stripe_fees F;  Cr cash F
 *   transfer sent      Dr payable[p] T;  Cr cash T
 *   refund issued      Dr refunds R;  Cr cash R
 *                      Dr payable[p] x_p;  Cr refunds x_p     (partner bears its part)
 *                      Dr revenue f;  Cr refunds f            (platform fee refunded)
 *                      with Σ x_p + f = R, so refunds nets to 0.
 *   reversal received  Dr cash x_p;  Cr payable[p] x_p
 *   (A share whose transfer has not gone yet is sent as share_p − x_p, no reversal.)
 *   dispute lost       Cr cash D;  Dr payable[p] c_p (each canceled transfer);  Dr dispute_losses D − Σ c_p
 *   dispute fee        Dr stripe_fees F_d;  Cr cash F_d
 *
 * Account equations for one booking after pay → transfers → refund → reversals:
 *   cash       = C − F − Σ T_p − R + Σ reversals
 *   payable[p] = share_p − T_p − x_p + reversal_p = 0   (T_p = share_p, reversal_p = x_p;
 *                or T_p = share_p − x_p and no reversal)
 *   refunds    = R − Σ x_p − f = 0
 *   revenue    = fee − A − f
 */

export type LedgerAccount =
  | 'platform_cash'
  | 'platform_revenue'
  | 'stripe_fees'
  | 'refunds'
  | 'affiliate_payable'
  | 'partner_payable'
  | 'dispute_losses';

export interface JournalLine {
  account: LedgerAccount;
  /** Set exactly on partner_payable lines. */
  partnerId?: string | undefined;
  debitMinor?: number | undefined;
  creditMinor?: number | undefined;
}

export type JournalKind =
  | 'payment_captured'
  | 'stripe_fee'
  | 'transfer_sent'
  | 'refund_issued'
  | 'reversal_received'
  | 'platform_fee_refunded'
  | 'dispute_lost'
  | 'dispute_fee';

export interface PartnerAmount {
  partnerId: string;
  amountMinor: number;
}

const dr = (account: LedgerAccount, amount: number, partnerId?: string): JournalLine[] =>
  amount === 0 ? [] : [{ account, debitMinor: amount, ...(partnerId ? { partnerId } : {}) }];
const cr = (account: LedgerAccount, amount: number, partnerId?: string): JournalLine[] =>
  amount === 0 ? [] : [{ account, creditMinor: amount, ...(partnerId ? { partnerId } : {}) }];

export function paymentCapturedLines(input: {
  chargeMinor: number;
  partners: readonly { partnerId: string; shareMinor: number }[];
  platformFeeMinor: number;
  affiliateCommissionMinor?: number | undefined;
}): JournalLine[] {
  const affiliate = input.affiliateCommissionMinor ?? 0;
  return balanced([
    ...dr('platform_cash', input.chargeMinor),
    ...input.partners.flatMap((p) => cr('partner_payable', p.shareMinor, p.partnerId)),
    ...cr('platform_revenue', input.platformFeeMinor),
    ...dr('platform_revenue', affiliate),
    ...cr('affiliate_payable', affiliate),
  ]);
}

export function stripeFeeLines(feeMinor: number): JournalLine[] {
  return balanced([...dr('stripe_fees', feeMinor), ...cr('platform_cash', feeMinor)]);
}

export function transferSentLines(transfer: PartnerAmount): JournalLine[] {
  return balanced([
    ...dr('partner_payable', transfer.amountMinor, transfer.partnerId),
    ...cr('platform_cash', transfer.amountMinor),
  ]);
}

/**
 * The refund paid to the traveller and who bears it: each partner's part (reversed later, or
 * withheld from a transfer not sent yet) and the platform's fee refunded.
 */
export function refundIssuedLines(input: {
  refundMinor: number;
  reversals: readonly PartnerAmount[];
  platformRefundMinor: number;
}): JournalLine[] {
  return balanced([
    ...dr('refunds', input.refundMinor),
    ...cr('platform_cash', input.refundMinor),
    ...input.reversals.flatMap((r) => [
      ...dr('partner_payable', r.amountMinor, r.partnerId),
      ...cr('refunds', r.amountMinor),
    ]),
    ...platformFeeRefundedLines(input.platformRefundMinor),
  ]);
}

export function reversalReceivedLines(reversal: PartnerAmount): JournalLine[] {
  return balanced([
    ...dr('platform_cash', reversal.amountMinor),
    ...cr('partner_payable', reversal.amountMinor, reversal.partnerId),
  ]);
}

export function platformFeeRefundedLines(amountMinor: number): JournalLine[] {
  return balanced([...dr('platform_revenue', amountMinor), ...cr('refunds', amountMinor)]);
}

/**
 * A chargeback: the disputed amount leaves the platform's balance for good; the partners whose
 * transfers were still held (and are now canceled) carry their shares, the platform the rest.
 * When the canceled shares exceed a partial dispute's amount, the difference is credited back
 * to dispute_losses (the platform keeps what it no longer owes).
 */
export function disputeLostLines(input: { disputedMinor: number; canceled: readonly PartnerAmount[] }): JournalLine[] {
  const canceledMinor = input.canceled.reduce((sum, c) => sum + c.amountMinor, 0);
  const loss = input.disputedMinor - canceledMinor;
  return balanced([
    ...cr('platform_cash', input.disputedMinor),
    ...input.canceled.flatMap((c) => dr('partner_payable', c.amountMinor, c.partnerId)),
    ...(loss >= 0 ? dr('dispute_losses', loss) : cr('dispute_losses', -loss)),
  ]);
}

/** Stripe's dispute fee, withdrawn from the platform's balance with the disputed amount. */
export function disputeFeeLines(feeMinor: number): JournalLine[] {
  return stripeFeeLines(feeMinor);
}

/** The postings that undo `lines` (a failed refund, a cancelled transfer): sides swapped. */
export function reversedLines(lines: readonly JournalLine[]): JournalLine[] {
  return lines.map((l) => ({
    account: l.account,
    ...(l.partnerId ? { partnerId: l.partnerId } : {}),
    ...(l.creditMinor ? { debitMinor: l.creditMinor } : {}),
    ...(l.debitMinor ? { creditMinor: l.debitMinor } : {}),
  }));
}

export class JournalError extends Error {
  override readonly name = 'JournalError';
  constructor(
    readonly code: 'unbalanced' | 'invalid_line',
    message: string,
  ) {
    super(message);
  }
}

/** Checks a journal's lines: one positive integer side each, partner set exactly on payables, balanced. */
export function assertBalanced(lines: readonly JournalLine[]): void {
  let debits = 0;
  let credits = 0;
  for (const line of lines) {
    const debit = line.debitMinor ?? 0;
    const credit = line.creditMinor ?? 0;
    const oneSide = (debit > 0 && credit === 0) || (credit > 0 && debit === 0);
    if (!Number.isSafeInteger(debit) || !Number.isSafeInteger(credit) || !oneSide) {
      throw new JournalError('invalid_line', `a ${line.account} line needs one positive integer side`);
    }
    if ((line.account === 'partner_payable') !== Boolean(line.partnerId)) {
      throw new JournalError('invalid_line', 'a partner is named on partner_payable lines and only there');
    }
    debits += debit;
    credits += credit;
  }
  if (debits !== credits) {
    throw new JournalError('unbalanced', `debits ${debits} ≠ credits ${credits}`);
  }
}

function balanced(lines: JournalLine[]): JournalLine[] {
  for (const l of lines) {
    const amount = l.debitMinor ?? l.creditMinor ?? 0;
    if (!Number.isSafeInteger(amount) || amount < 0) {
      throw new JournalError('invalid_line', `${l.account}: amount must be a non-negative integer, got ${amount}`);
    }
  }
  assertBalanced(lines);
  return lines;
}
