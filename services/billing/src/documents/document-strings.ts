import type { Locale } from '@tourconnect/contracts/http';
import { en } from './strings/en.ts';
import { it } from './strings/it.ts';
import { de } from './strings/de.ts';
import { fr } from './strings/fr.ts';
import { es } from './strings/es.ts';

/** Every word printed on a receipt, statement or invoice, in the five languages of the portal. */
export interface DocumentStrings {
  issuer: string;
  page: string;
  receipt: {
    title: string;
    number: string;
    issued: string;
    booking: string;
    package: string;
    paidOn: string;
    soldBy: string;
    item: string;
    supplier: string;
    quantity: string;
    unitPrice: string;
    discount: string;
    lineTotal: string;
    subtotal: string;
    bundleDiscount: string;
    coupon: string;
    total: string;
    vatNote: string;
    paymentMethod: string;
  };
  itemTypes: Record<string, string>;
  statement: {
    title: string;
    period: string;
    date: string;
    booking: string;
    package: string;
    earning: string;
    fee: string;
    share: string;
    reversals: string;
    net: string;
    transfer: string;
    transferStatus: string;
    payouts: string;
    payout: string;
    payoutStatus: string;
    arrival: string;
    amount: string;
    totals: string;
    totalTransfers: string;
    totalPayouts: string;
    noBookings: string;
    noPayouts: string;
  };
  invoice: {
    title: string;
    number: string;
    issued: string;
    period: string;
    billTo: string;
    address: string;
    vatId: string;
    country: string;
    description: string;
    amount: string;
    platformFees: string;
    feesRefunded: string;
    sponsored: string;
    net: string;
    vat: string;
    total: string;
    reverseCharge: string;
    outOfScope: string;
  };
}

export const documentStrings: Record<Locale, DocumentStrings> = { en, it, de, fr, es };
