import type { CampaignStatus, Locale } from '@contracts/http';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as api from '../../../api/campaigns-api.ts';
import { retryUnlessClientError } from '../../partner/catalogue/catalogue-queries.ts';

export const adminCampaignKeys = {
  all: ['bundling', 'admin-campaigns'] as const,
  list: (status: CampaignStatus, lang: Locale) => ['bundling', 'admin-campaigns', status, lang] as const,
};

export function useCampaignQueue(status: CampaignStatus, lang: Locale) {
  return useQuery({
    queryKey: adminCampaignKeys.list(status, lang),
    queryFn: ({ signal }) => api.listCampaignsForReview(status, lang, signal),
    retry: retryUnlessClientError,
  });
}

/** Approve or reject; the queue reloads either way (a 409 means someone decided first). */
export function useReviewCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (decision: { id: string; approve: true } | { id: string; approve: false; reason: string }) =>
      decision.approve ? api.approveCampaign(decision.id) : api.rejectCampaign(decision.id, decision.reason),
    onSettled: () => client.invalidateQueries({ queryKey: adminCampaignKeys.all }),
  });
}
