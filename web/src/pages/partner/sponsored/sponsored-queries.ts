import type { Locale, UpdateCampaignInput } from '@contracts/http';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as api from '../../../api/campaigns-api.ts';
import { listItems, listMyPackages } from '../../../api/bundling-api.ts';
import { retryUnlessClientError } from '../catalogue/catalogue-queries.ts';

/** The Sponsored tab's reads and writes; every key starts with 'bundling', 'campaigns'. */
export const campaignKeys = {
  all: ['bundling', 'campaigns'] as const,
  mine: (lang: Locale) => ['bundling', 'campaigns', 'mine', lang] as const,
  targets: (lang: Locale) => ['bundling', 'campaigns', 'targets', lang] as const,
};

export function useMyCampaigns(lang: Locale) {
  return useQuery({
    queryKey: campaignKeys.mine(lang),
    queryFn: ({ signal }) => api.listMyCampaigns(lang, signal),
    retry: retryUnlessClientError,
    // Spend and clicks move while the partner watches.
    refetchInterval: 30_000,
  });
}

export interface CampaignTargetOption {
  kind: 'package' | 'item';
  id: string;
  title: string;
  currency: string;
}

/** What a campaign may promote: the partner's published packages and items (up to 100 each). */
export function useCampaignTargets(lang: Locale) {
  return useQuery({
    queryKey: campaignKeys.targets(lang),
    queryFn: async ({ signal }): Promise<CampaignTargetOption[]> => {
      const [packages, items] = await Promise.all([
        listMyPackages({ lang, status: 'published', pageSize: 100 }, signal),
        listItems({ lang, status: 'published', pageSize: 100 }, signal),
      ]);
      return [
        ...packages.items.map((p) => ({ kind: 'package' as const, id: p.id, title: p.title, currency: p.currency })),
        ...items.items.map((i) => ({ kind: 'item' as const, id: i.id, title: i.title, currency: i.currency })),
      ];
    },
    retry: retryUnlessClientError,
  });
}

export function useCreateCampaign(lang: Locale) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: api.CreateCampaignBody) => api.createCampaign(body, lang),
    onSuccess: () => client.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}

export function useUpdateCampaign(lang: Locale) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateCampaignInput }) => api.updateCampaign(id, body, lang),
    onSuccess: () => client.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}
