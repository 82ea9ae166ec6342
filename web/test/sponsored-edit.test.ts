import { describe, expect, it } from 'vitest';
import {
  campaignEditBody,
  retargets,
  type CampaignEditDraft,
} from '../src/pages/partner/sponsored/sponsored-values.ts';

// Partner Portal → Sponsored, editing a campaign from its card: only what changed is sent,
// the service's refusals are caught before the request, and a new targeting is recognised
// (the form warns that it goes back to review).
describe('a campaign edit', () => {
  const campaign = {
    keywords: ['dolomiti'],
    destinations: ['IT-21'],
    startsOn: '2026-12-01',
    endsOn: '2026-12-20',
    cpcMinor: 50,
    dailyBudgetMinor: 1_000,
    currency: 'EUR',
  };
  const draft = (change: Partial<CampaignEditDraft> = {}): CampaignEditDraft => ({
    keywords: 'dolomiti',
    destinations: 'IT-21',
    endsOn: '2026-12-20',
    cpc: '0,50',
    dailyBudget: '10,00',
    ...change,
  });
  const today = '2026-12-02';

  it('sends only the budget, CPC and last day that changed (German decimal commas read)', () => {
    expect(campaignEditBody(draft(), campaign, today)).toEqual({ body: {} });
    expect(campaignEditBody(draft({ dailyBudget: '20', cpc: '0.75', endsOn: '2026-12-31' }), campaign, today)).toEqual({
      body: { dailyBudgetMinor: 2_000, cpcMinor: 75, endsOn: '2026-12-31' },
    });
  });

  it('sends the targeting only when it changed, and then it is a retargeting', () => {
    expect(retargets(draft({ keywords: ' Dolomiti ', destinations: 'it-21' }), campaign)).toBe(false);
    const changed = draft({ keywords: 'dolomiti, rifugi' });
    expect(retargets(changed, campaign)).toBe(true);
    expect(campaignEditBody(changed, campaign, today)).toEqual({
      body: { keywords: ['dolomiti', 'rifugi'], destinations: ['IT-21'] },
    });
  });

  it.each([
    ['a budget under one click', { dailyBudget: '0,20' }, { dailyBudget: ['campaign_budget_below_cpc'] }],
    ['no CPC', { cpc: '' }, { cpc: ['cpc_too_low'] }],
    ['a CPC above 1,000.00', { cpc: '1000,01', dailyBudget: '2000' }, { cpc: ['cpc_too_high'] }],
    ['a budget that is not an amount', { dailyBudget: 'tausend' }, { dailyBudget: ['invalid_amount'] }],
    ['a last day before the first', { endsOn: '2026-11-30' }, { endsOn: ['campaign_dates_invalid'] }],
    ['nothing to target', { keywords: ' , ', destinations: '' }, { keywords: ['targeting_required'] }],
  ])('refuses %s with the code the errors namespace translates', (_, change, errors) => {
    expect(campaignEditBody(draft(change), campaign, today)).toEqual({ errors });
  });

  it('keeps a last day already past when it is not changed (the budget may still change)', () => {
    expect(campaignEditBody(draft({ dailyBudget: '5' }), campaign, '2026-12-25')).toEqual({
      body: { dailyBudgetMinor: 500 },
    });
  });
});
