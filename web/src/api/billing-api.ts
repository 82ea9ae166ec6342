import {
  bookingPaymentSchema,
  checkoutResponseSchema,
  confirmPaymentResponseSchema,
  connectOnboardResponseSchema,
  connectStatusSchema,
  invoiceListSchema,
  partnerBalanceSchema,
  partnerPayoutsSchema,
  partnerTransfersSchema,
  type BookingPayment,
  type CheckoutResponse,
  type ConfirmPaymentResponse,
  type ConnectOnboardResponse,
  type ConnectStatusValue,
  type ConnectStatusView,
  type documentFormats,
  type InvoiceSummary,
  type Locale,
  type PartnerBalance,
  type PartnerPayout,
  type PartnerTransfer,
} from '@contracts/http';
import { apiBlob, apiRequest } from './http-client.ts';

/**
 * The billing API (services/billing through the gateway, /api/billing): the traveller's checkout,
 * payment and receipt; the partner's Stripe Connect status, balance, transfers, payouts,
 * statements and invoices. Amounts are integer minor units of an ISO currency everywhere.
 * Every JSON answer is checked against its contract in libs/contracts/src/http/billing-*.ts.
 */

const id = (value: string) => encodeURIComponent(value);

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

// ─── Traveller: checkout, payment, receipt ──────────────────────────────────────────────

export type { BookingPayment, CheckoutResponse, ConfirmPaymentResponse };

/** Opens (or reopens) the booking's payment: the amount is always the booking's. */
export function startCheckout(packageId: string, bookingId: string): Promise<CheckoutResponse> {
  return apiRequest(`/api/billing/packages/${id(packageId)}/checkout`, {
    method: 'POST',
    body: { bookingId },
    schema: checkoutResponseSchema,
  });
}

/** Emulator mode only: the server confirms the PaymentIntent with a Stripe test payment method. */
export function confirmTestPayment(paymentId: string, paymentMethod: string): Promise<ConfirmPaymentResponse> {
  return apiRequest(`/api/billing/payments/${id(paymentId)}/confirm`, {
    method: 'POST',
    body: { paymentMethod },
    schema: confirmPaymentResponseSchema,
  });
}

/** What was paid for a booking and refunded since (404 payment_not_found before any payment). */
export function getBookingPayment(bookingId: string, signal?: AbortSignal): Promise<BookingPayment> {
  return apiRequest(`/api/billing/payments/booking/${id(bookingId)}`, { signal, schema: bookingPaymentSchema });
}

/** The receipt PDF in the traveller's language. */
export function downloadReceipt(bookingId: string, lang: Locale): Promise<Blob> {
  return apiBlob(withQuery(`/api/billing/receipts/${id(bookingId)}`, { lang }));
}

// ─── Partner: Connect, balance, transfers, payouts, statements, invoices ────────────────

export type ConnectStatus = ConnectStatusValue;
export type { ConnectOnboardResponse, ConnectStatusView, PartnerPayout, PartnerTransfer };
export type PartnerBalanceRow = PartnerBalance[number];
export type { InvoiceSummary };
export type DocumentFormat = (typeof documentFormats)[number];

export function getConnectStatus(signal?: AbortSignal): Promise<ConnectStatusView> {
  return apiRequest('/api/billing/connect/status', { signal, schema: connectStatusSchema });
}

/**
 * Creates the Connect account when there is none and answers the (single-use) onboarding link.
 * Without links billing sends the partner back to the portal's /partner/payouts?connect=return.
 */
export function startConnectOnboarding(
  links: { returnUrl?: string; refreshUrl?: string } = {},
): Promise<ConnectOnboardResponse> {
  return apiRequest('/api/billing/connect/onboard', {
    method: 'POST',
    body: links,
    schema: connectOnboardResponseSchema,
  });
}

/** Per currency: what can be paid out now and what is still settling. */
export function getPartnerBalance(signal?: AbortSignal): Promise<PartnerBalance> {
  return apiRequest('/api/billing/partner/balance', { signal, schema: partnerBalanceSchema });
}

export function listPartnerTransfers(signal?: AbortSignal): Promise<PartnerTransfer[]> {
  return apiRequest('/api/billing/partner/transfers', { signal, schema: partnerTransfersSchema });
}

export function listPartnerPayouts(signal?: AbortSignal): Promise<PartnerPayout[]> {
  return apiRequest('/api/billing/partner/payouts', { signal, schema: partnerPayoutsSchema });
}

/** The partner's statement for [from, to] (yyyy-mm-dd, both inclusive), in the portal's language. */
export function downloadStatement(from: string, to: string, format: DocumentFormat, lang: Locale): Promise<Blob> {
  return apiBlob(withQuery('/api/billing/reports', { from, to, format, lang }));
}

/** TourConnect's fee invoices to the caller's partner, newest first. */
export function listInvoices(signal?: AbortSignal): Promise<InvoiceSummary[]> {
  return apiRequest('/api/billing/invoices', { signal, schema: invoiceListSchema });
}

export function downloadInvoice(invoiceId: string, format: DocumentFormat, lang: Locale): Promise<Blob> {
  return apiBlob(withQuery(`/api/billing/invoices/${id(invoiceId)}`, { format, lang }));
}
