import type { PartnerInvitation } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useAcceptInvitation, useDeclineInvitation, useMyInvitations } from './partner-queries.ts';
import './invitation-list.css';

function InvitationRow({ invitation }: { invitation: PartnerInvitation }) {
  const { t, i18n } = useTranslation('onboarding');
  const accept = useAcceptInvitation();
  const decline = useDeclineInvitation();
  const busy = accept.isPending || decline.isPending;
  return (
    <li className="invitation" data-testid="invitation-row">
      <div>
        <strong>{invitation.partnerName}</strong>
        <p className="muted" style={{ margin: 0 }}>
          {t('invitations.asRole', { role: t(`roles.${invitation.role}.name`) })} ·{' '}
          {formatDateTime(invitation.invitedAt, i18n.language)}
        </p>
      </div>
      <div className="row">
        <button
          type="button"
          className="btn btn-primary btn-sm"
          data-testid="invitation-accept"
          disabled={busy}
          onClick={() => accept.mutate(invitation.id)}
        >
          {t('invitations.accept')}
        </button>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          data-testid="invitation-decline"
          disabled={busy}
          onClick={() => decline.mutate(invitation.id)}
        >
          {t('invitations.decline')}
        </button>
      </div>
      <div className="invitation-error">
        <ProblemAlert error={accept.error ?? decline.error} />
      </div>
    </li>
  );
}

/** Invitations addressed to the signed-in user's e-mail; accepting makes them a member. */
export function InvitationsCard() {
  const { t } = useTranslation('onboarding');
  const invitations = useMyInvitations(true);
  if (invitations.isPending || (invitations.isSuccess && invitations.data.length === 0)) return null;
  return (
    <section className="card" aria-labelledby="invitations-title" aria-live="polite">
      <h2 id="invitations-title">{t('invitations.title')}</h2>
      {invitations.isError ? (
        <ProblemAlert error={invitations.error} />
      ) : (
        <>
          <p className="muted">{t('invitations.body')}</p>
          <ul className="invitations">
            {invitations.data.map((invitation) => (
              <InvitationRow key={invitation.id} invitation={invitation} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
