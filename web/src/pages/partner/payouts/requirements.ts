/**
 * Stripe's requirement names (`external_account`, `individual.dob.day`, `tos_acceptance.date`…)
 * grouped into the few things a partner recognises, each translated as
 * `billing:payouts.connect.requirement.<group>`; several fields of one group read once.
 */
export const requirementGroups = [
  'bankAccount',
  'identityDocument',
  'person',
  'company',
  'businessProfile',
  'terms',
  'owners',
  'other',
] as const;
export type RequirementGroup = (typeof requirementGroups)[number];

function groupOf(requirement: string): RequirementGroup {
  if (requirement.startsWith('external_account')) return 'bankAccount';
  if (requirement.includes('verification.document') || requirement.includes('verification.additional_document')) {
    return 'identityDocument';
  }
  if (requirement.startsWith('individual') || requirement.startsWith('representative')) return 'person';
  if (/^(owners|directors|executives|person_)/.test(requirement) || requirement.includes('owners_provided')) {
    return 'owners';
  }
  if (requirement.startsWith('company')) return 'company';
  if (requirement.startsWith('business_profile') || requirement.startsWith('business_type')) return 'businessProfile';
  if (requirement.startsWith('tos_acceptance')) return 'terms';
  return 'other';
}

export function requirementGroupsOf(requirements: readonly string[]): RequirementGroup[] {
  const found = new Set(requirements.map(groupOf));
  return requirementGroups.filter((group) => found.has(group));
}
