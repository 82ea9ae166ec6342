import { zonedDate } from '../local-time.ts';

/**
 * A campaign's day (dates, daily budget, one click per visitor) is the platform's calendar day
 * where the catalogue lives, as Discover's "this month".
 */
export const CAMPAIGN_TIME_ZONE = 'Europe/Rome';

export const campaignDay = (now: Date): string => zonedDate(now, CAMPAIGN_TIME_ZONE);
