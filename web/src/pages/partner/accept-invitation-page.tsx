import type { PartnerInvitation } from '@contracts/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../../api/api-error.ts';
import { useSignOut } from '../../auth/auth-mutations.ts';
import { useAuth } from '../../auth/use-auth.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { readLinkToken } from '../../lib/link-token.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { EmailUnverifiedNotice } from '../account/resend-verification.tsx';
import { LinkCard } from '../auth/link-card.tsx';
import { useAcceptInvitation, useDeclineInvitation, useMyInvitations } from './partner-queries.ts';

const PAGE = '/invitations/accept';
/**
 * The link's secret survives the detour through sign-in or sign-up in this tab only
 * (sessionStorage), never in a URL a server could log.
 */
const STORAGE_KEY = 'tourconnect.invitation-token';

function takeToken(): string | null {
  const fromLink = readLinkToken(window.location.hash);
  try {
    if (fromLink) {
      sessionStorage.setItem(STORAGE_KEY, fromLink);
      window.history.replaceState(window.history.state, '', PAGE);
      return fromLink;
    }
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return fromLink;
  }
}

function forgetToken(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode): nothing was kept.
  }
}

function InvitationFacts({ invitations }: { invitations: PartnerInvitation[] }) {
  const { t } = useTranslation('onboarding');
  if (invitations.length === 0) return null;
  return (
    <ul className="plain-list stack" data-testid="invitation-facts">
      {invitations.map((invitation) => (
        <li key={invitation.id}>
          {t('acceptInvitation.invitedBy', {
            partner: invitation.partnerName,
            role: t(`roles.${invitation.role}.name`),
          })}
        </li>
      ))}
    </ul>
  );
}

/**
 * `/invitations/accept#token=…`, opened from the invitation e-mail. Needs a session with the
 * invited address, verified: each refusal (`email_unverified`, `invitation_email_mismatch`,
 * `invitation_expired`…) is explained with what to do next.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation('onboarding');
  const { status, user } = useAuth();
  const [token] = useState(takeToken);
  const navigate = useNavigate();
  const verified = !!user?.emailVerified;
  const invitations = useMyInvitations(status === 'authenticated' && verified);
  const accept = useAcceptInvitation();
  const decline = useDeclineInvitation();
  const signOut = useSignOut();
  useDocumentTitle(t('acceptInvitation.title'));

  const title = t('acceptInvitation.title');
  if (!token) {
    return (
      <LinkCard titleId="invite-title" title={title} testId="invite-no-token">
        <div className="alert alert-warning" role="alert">
          {t('acceptInvitation.noToken')}
        </div>
      </LinkCard>
    );
  }
  if (status === 'loading') return <Loading />;

  if (status === 'anonymous' || !user) {
    const next = `?next=${encodeURIComponent(PAGE)}`;
    return (
      <LinkCard
        titleId="invite-title"
        title={title}
        subtitle={t('acceptInvitation.signInFirst')}
        testId="invite-signin"
      >
        <div className="row">
          <Link to={`/signin${next}`} className="btn btn-primary" data-testid="invite-signin-link">
            {t('acceptInvitation.signIn')}
          </Link>
          <Link to={`/signup${next}`} className="btn btn-secondary">
            {t('acceptInvitation.signUp')}
          </Link>
        </div>
      </LinkCard>
    );
  }

  if (accept.isSuccess) {
    return (
      <LinkCard titleId="invite-title" title={t('acceptInvitation.joinedTitle')} testId="invite-joined">
        <div className="alert alert-success" role="status">
          {t('acceptInvitation.joinedBody', { partner: accept.data.partner.name })}
        </div>
        <div className="row">
          <Link to="/partner" className="btn btn-primary">
            {t('acceptInvitation.openPortal')}
          </Link>
        </div>
      </LinkCard>
    );
  }

  if (decline.isSuccess) {
    return (
      <LinkCard titleId="invite-title" title={t('acceptInvitation.declinedTitle')} testId="invite-declined">
        <p className="muted">{t('acceptInvitation.declinedBody')}</p>
      </LinkCard>
    );
  }

  if (!verified) {
    return (
      <LinkCard titleId="invite-title" title={title} testId="invite-unverified">
        <EmailUnverifiedNotice email={user.email} reason="invitation" />
      </LinkCard>
    );
  }

  const code = isApiError(accept.error) ? accept.error.code : null;
  const listed = invitations.data ?? [];
  const busy = accept.isPending || decline.isPending;
  const explained: Record<string, string> = {
    email_unverified: 'acceptInvitation.errors.unverified',
    invitation_email_mismatch: 'acceptInvitation.errors.mismatch',
    invitation_expired: 'acceptInvitation.errors.expired',
    invitation_token_invalid: 'acceptInvitation.errors.invalid',
    already_partner_member: 'acceptInvitation.errors.alreadyMember',
  };

  return (
    <LinkCard titleId="invite-title" title={title} subtitle={t('acceptInvitation.subtitle')} testId="invite-ready">
      {invitations.isPending ? <Loading /> : <InvitationFacts invitations={listed} />}
      <p className="muted">{t('acceptInvitation.signedInAs', { email: user.email })}</p>
      {code && explained[code] ? (
        <div className="alert alert-warning" role="alert" data-testid="invite-error">
          <p style={{ margin: 0 }}>{t(explained[code], { email: user.email })}</p>
        </div>
      ) : (
        <ProblemAlert error={accept.error ?? decline.error} />
      )}
      {code === 'invitation_email_mismatch' ? (
        <button
          type="button"
          className="btn btn-secondary"
          disabled={signOut.isPending}
          onClick={() =>
            // Signed out on purpose, the route guard would go to Discover: come back here to sign in.
            signOut.mutate(undefined, { onSettled: () => navigate(`/signin?next=${encodeURIComponent(PAGE)}`) })
          }
        >
          {t('acceptInvitation.switchAccount')}
        </button>
      ) : code === 'already_partner_member' ? (
        <Link to="/partner" className="btn btn-secondary">
          {t('acceptInvitation.openPortal')}
        </Link>
      ) : code === 'invitation_expired' || code === 'invitation_token_invalid' ? null : (
        <div className="row">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="invite-accept"
            disabled={busy}
            onClick={() => accept.mutate(token, { onSuccess: forgetToken })}
          >
            {accept.isPending ? t('acceptInvitation.accepting') : t('invitations.accept')}
          </button>
          {listed.length === 1 && listed[0] && (
            // Declining goes by the invitation's id, which the listing gives for the caller's address.
            <button
              type="button"
              className="btn btn-secondary"
              data-testid="invite-decline"
              disabled={busy}
              onClick={() => decline.mutate(listed[0]!.id, { onSuccess: forgetToken })}
            >
              {t('invitations.decline')}
            </button>
          )}
        </div>
      )}
    </LinkCard>
  );
}
