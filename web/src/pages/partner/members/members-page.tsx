import type { MembersView, MyPartner, PartnerMember } from '@contracts/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { makeOwner, removeMember, withdrawInvitation } from '../../../api/partners-api.ts';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMembers, usePartnerAction } from '../partner-queries.ts';
import { WithMyPartner } from '../with-my-partner.tsx';
import { InviteForm } from './invite-form.tsx';
import { RolesTable } from './roles-table.tsx';
import '../invitation-list.css';
import './members-page.css';

function MembersTables({ view, owner }: { view: MembersView; owner: boolean }) {
  const { t, i18n } = useTranslation('onboarding');
  const [removing, setRemoving] = useState<PartnerMember | null>(null);
  const [promoting, setPromoting] = useState<PartnerMember | null>(null);
  const remove = usePartnerAction(removeMember);
  const handOver = usePartnerAction(makeOwner);
  const withdraw = usePartnerAction(withdrawInvitation);

  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">{t('members.listTitle')}</h2>
      <div className="table-wrap">
        <table className="table members-table">
          <thead>
            <tr>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.role')}</th>
              <th scope="col">{t('members.joined')}</th>
              {owner && (
                <th scope="col">
                  <span className="visually-hidden">{t('members.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {view.members.map((member) => (
              <tr key={member.userId} data-testid="member-row" data-role={member.role}>
                <td className="member-email">{member.email}</td>
                <td data-label={t('members.role')}>{t(`roles.${member.role}.name`)}</td>
                <td data-label={t('members.joined')}>{formatDateTime(member.joinedAt, i18n.language)}</td>
                {owner && (
                  <td className="member-actions-cell">
                    {member.role !== 'owner' && (
                      <div className="row member-actions">
                        <button
                          type="button"
                          className="btn btn-secondary btn-sm"
                          data-testid="member-make-owner"
                          aria-label={t('members.makeOwnerLabel', { email: member.email })}
                          onClick={() => setPromoting(member)}
                        >
                          {t('members.makeOwner')}
                        </button>
                        <button
                          type="button"
                          className="btn btn-danger btn-sm"
                          data-testid="member-remove"
                          aria-label={t('members.removeLabel', { email: member.email })}
                          onClick={() => setRemoving(member)}
                        >
                          {t('members.remove')}
                        </button>
                      </div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="members-subtitle">{t('members.pendingTitle')}</h3>
      {view.invitations.length === 0 ? (
        <p className="muted">{t('members.noPending')}</p>
      ) : (
        <ul className="invitations">
          {view.invitations.map((invitation) => (
            <li key={invitation.id} className="invitation" data-testid="invitation-row">
              <div>
                <strong>{invitation.email}</strong>
                <p className="muted" style={{ margin: 0 }}>
                  {t(`roles.${invitation.role}.name`)} · {formatDateTime(invitation.invitedAt, i18n.language)}
                </p>
              </div>
              {owner && (
                <button
                  type="button"
                  className="btn btn-secondary btn-sm"
                  data-testid="invitation-withdraw"
                  disabled={withdraw.isPending}
                  aria-label={t('members.withdrawLabel', { email: invitation.email })}
                  onClick={() => withdraw.mutate(invitation.id)}
                >
                  {t('members.withdraw')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ProblemAlert error={remove.error ?? withdraw.error ?? handOver.error} />
      <ConfirmDialog
        open={!!removing}
        danger
        title={t('members.removeTitle')}
        confirmLabel={t('members.remove')}
        testId="member-remove-dialog"
        pending={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing.userId, { onSettled: () => setRemoving(null) })}
      >
        <p>{t('members.removeBody', { email: removing?.email ?? '' })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={!!promoting}
        title={t('members.makeOwnerTitle')}
        confirmLabel={t('members.makeOwnerConfirm')}
        testId="member-make-owner-dialog"
        pending={handOver.isPending}
        onCancel={() => setPromoting(null)}
        onConfirm={() => promoting && handOver.mutate(promoting.userId, { onSettled: () => setPromoting(null) })}
      >
        <p>{t('members.makeOwnerBody', { email: promoting?.email ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}

function Members({ my }: { my: MyPartner }) {
  const { t } = useTranslation('onboarding');
  const members = useMembers(true);
  const owner = my.role === 'owner';
  return (
    <div className="stack">
      {!owner && (
        <p className="alert" role="note" data-testid="members-read-only">
          {t('members.readOnly')}
        </p>
      )}
      {owner && <InviteForm />}
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <ProblemAlert error={members.error} />
      ) : (
        <MembersTables view={members.data} owner={owner} />
      )}
      <RolesTable />
    </div>
  );
}

export function MembersPage() {
  const { t } = useTranslation('onboarding');
  useDocumentTitle(t('members.title'));
  return <WithMyPartner>{(my) => <Members my={my} />}</WithMyPartner>;
}
