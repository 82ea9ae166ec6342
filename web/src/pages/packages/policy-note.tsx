import type { CancellationPolicy } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { policySentence } from './traveller-format.ts';

/** The cancellation policy in plain words. */
export function PolicyNote({ policy }: { policy: CancellationPolicy }) {
  const { t, i18n } = useTranslation('booking');
  return (
    <p className="policy-note" data-testid="policy-text">
      {policySentence(policy, t, i18n.language)}
    </p>
  );
}
