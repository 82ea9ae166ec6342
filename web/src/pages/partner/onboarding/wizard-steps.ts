import type { AutomatedCheck, CheckCode, MyPartner } from '@contracts/http';

export const wizardSteps = ['type', 'business', 'regions', 'profile', 'documents', 'review'] as const;
export type WizardStep = (typeof wizardSteps)[number];
export const STEP_COUNT = wizardSteps.length;

/** The step (1-based) where a failing check is fixed. */
export function stepOf(step: WizardStep): number {
  return wizardSteps.indexOf(step) + 1;
}

export function failing(checks: readonly AutomatedCheck[], code: CheckCode): boolean {
  return checks.some((check) => check.code === code && check.status === 'fail');
}

/**
 * Where a returning partner resumes (1-based): the type is fixed once registered, so the
 * first step whose data is missing or fails an automated check, else the review.
 */
export function firstIncompleteStep(my: MyPartner): number {
  const { partner, checks } = my;
  if (!partner.name || !partner.country || failing(checks, 'vat_format')) return 2;
  if (partner.regions.length === 0 || partner.languages.length === 0) return 3;
  if (failing(checks, 'profile_complete')) return 4;
  if (failing(checks, 'required_documents')) return 5;
  return 6;
}
