import { AppError, conflict } from '@tourconnect/service-kit';

/** Sponsored campaigns' refusals, one stable `code` each (translated in web/src/locales/<lang>/errors.json). */
export const campaignTargetNotFound = () =>
  new AppError(404, 'campaign_target_not_found', 'No package or item of yours has this id');
export const campaignTargetNotPublished = () =>
  conflict('campaign_target_not_published', 'Only a published package or item can be sponsored');
export const campaignBudgetBelowCpc = () =>
  new AppError(422, 'campaign_budget_below_cpc', 'The daily budget must pay for at least one click');
export const campaignDatesInvalid = () =>
  new AppError(422, 'campaign_dates_invalid', 'The campaign must end on or after its start, and not in the past');
export const campaignNotFound = () => new AppError(404, 'campaign_not_found', 'No such campaign');
export const campaignNotPending = () => conflict('campaign_not_pending', 'This campaign is not waiting for a review');
export const campaignNotPausable = () =>
  conflict('campaign_not_pausable', 'Only an approved campaign can be paused, and only a paused one resumed');
export const campaignEnded = () => conflict('campaign_ended', 'An ended campaign cannot be changed');
export const campaignTargetingRequired = () =>
  new AppError(422, 'campaign_targeting_required', 'Name at least one keyword or destination');
