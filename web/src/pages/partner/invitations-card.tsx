import type { PartnerInvitation } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/use-auth.ts';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useDeclineInvitation, useMyInvitations } from './partner-queries.ts';
import './invitation-list.css';

function InvitationRow({ invitation }: { invitation: PartnerInvitation }) {
  const { t, i18n } = useTranslation('onboarding');
  const decline = useDeclineInvitation();
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
          className="btn btn-secondary btn-sm"
          data-testid="invitation-decline"
          disabled={decline.isPending}
          onClick={() => decline.mutate(invitation.id)}
        >
          {t('invitations.decline')}
        </button>
      </div>
      <div className="invitation-error">
        <ProblemAlert error={decline.error} />
      </div>
    </li>
  );
}

/**
 * Invitations addressed to the signed-in user's verified e-mail. Accepting needs the link from
 * the invitation e-mail (it proves the mailbox), so the card points there; declining works here.
 */
export function InvitationsCard() {
  const { t } = useTranslation('onboarding');
  const { user } = useAuth();
  // Listing needs a verified address; the screen around this card explains how to get one.
  const invitations = useMyInvitations(!!user?.emailVerified);
  if (!user?.emailVerified) return null;
  if (invitations.isPending || (invitations.isSuccess && invitations.data.length === 0)) return null;
  return (
    <section className="card" aria-labelledby="invitations-title" aria-live="polite">
      <h2 id="invitations-title">{t('invitations.title')}</h2>
      {invitations.isError ? (
        <ProblemAlert error={invitations.error} />
      ) : (
        <>
          <p className="muted">{t('invitations.bodyByLink')}</p>
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
