import { useMutation, useQuery } from '@tanstack/react-query';
import * as api from '../../../api/billing-api.ts';
import { retryUnlessClientError } from '../catalogue/catalogue-queries.ts';

/** The partner's money at billing; keys start with 'billing', 'partner'. */
export const payoutKeys = {
  all: ['billing', 'partner'] as const,
  connect: ['billing', 'partner', 'connect'] as const,
  balance: ['billing', 'partner', 'balance'] as const,
  transfers: ['billing', 'partner', 'transfers'] as const,
  payouts: ['billing', 'partner', 'payouts'] as const,
  invoices: ['billing', 'partner', 'invoices'] as const,
};

/** Back from Stripe's onboarding the account may still be under review: look again now and then. */
export function useConnectStatus(returning: boolean) {
  return useQuery({
    queryKey: payoutKeys.connect,
    queryFn: ({ signal }) => api.getConnectStatus(signal),
    retry: retryUnlessClientError,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return returning && status !== 'enabled' ? 5_000 : status === 'pending' ? 30_000 : false;
    },
  });
}

export function useStartOnboarding() {
  return useMutation({
    // billing links back to the portal's own /partner/payouts?connect=return (or =refresh).
    mutationFn: () => api.startConnectOnboarding(),
    // Off to Stripe's (or the emulator's) hosted onboarding; it sends the partner back here.
    onSuccess: (onboarding) => window.location.assign(onboarding.url),
  });
}

export function usePartnerBalance() {
  return useQuery({
    queryKey: payoutKeys.balance,
    queryFn: ({ signal }) => api.getPartnerBalance(signal),
    retry: retryUnlessClientError,
  });
}

export function usePartnerTransfers() {
  return useQuery({
    queryKey: payoutKeys.transfers,
    queryFn: ({ signal }) => api.listPartnerTransfers(signal),
    retry: retryUnlessClientError,
  });
}

export function usePartnerPayouts() {
  return useQuery({
    queryKey: payoutKeys.payouts,
    queryFn: ({ signal }) => api.listPartnerPayouts(signal),
    retry: retryUnlessClientError,
  });
}

export function useInvoices() {
  return useQuery({
    queryKey: payoutKeys.invoices,
    queryFn: ({ signal }) => api.listInvoices(signal),
    retry: retryUnlessClientError,
  });
}
