import type { MyPartner } from '@contracts/http';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Loading } from '../../components/ui/loading.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { useMyPartner } from './partner-queries.ts';

/** Shown on member-only pages to a user who has no partner yet. */
export function NoPartner() {
  const { t } = useTranslation('onboarding');
  return (
    <section className="empty-state" data-testid="no-partner">
      <h2>{t('noPartner.title')}</h2>
      <p className="muted">{t('noPartner.body')}</p>
      <Link to="/partner/onboarding" className="btn btn-primary">
        {t('become.cta')}
      </Link>
    </section>
  );
}

interface WithMyPartnerProps {
  children: (my: MyPartner) => ReactNode;
  /** What a user with no partner sees instead (default: the way to register one). */
  none?: ReactNode;
}

/** A partner screen: loading, a failure, or "no partner yet" until the user's partner is known. */
export function WithMyPartner({ children, none = <NoPartner /> }: WithMyPartnerProps) {
  const me = useMyPartner();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ProblemAlert error={me.error} />;
  return me.data ? children(me.data) : none;
}
