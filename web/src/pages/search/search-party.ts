import type { Party } from '@contracts/http';
import { useTranslation } from 'react-i18next';

/** "2 adults, 1 child": the party picker's summary, in the booking screens' words. */
export function usePartySummary(party: Party): string {
  const { t } = useTranslation('booking');
  return (['adult', 'child', 'infant', 'senior'] as const)
    .filter((band) => party[band] > 0)
    .map((band) => t(`party.count.${band}`, { count: party[band] }))
    .join(', ');
}
