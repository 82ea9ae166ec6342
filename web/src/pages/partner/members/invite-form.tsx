import { inviteMemberBodySchema } from '@contracts/http';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inviteMember } from '../../../api/partners-api.ts';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { TextField } from '../../../components/ui/form-fields.tsx';
import { formLevelError } from '../../../lib/form-errors.ts';
import { useSchemaForm } from '../../../lib/use-schema-form.ts';
import { usePartnerAction } from '../partner-queries.ts';
import './invite-form.css';

/** The owner invites by e-mail; the invitee sees it in their portal when signed in with that address. */
export function InviteForm() {
  const { t } = useTranslation('onboarding');
  const roleId = useId();
  const [sent, setSent] = useState<string | null>(null);
  const invite = usePartnerAction(inviteMember);
  const form = useSchemaForm({ email: '', role: 'manager' }, inviteMemberBodySchema);

  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('members.inviteTitle')}</h2>
      <form
        ref={form.formRef}
        className="form invite-form"
        noValidate
        onSubmit={(event) => {
          setSent(null);
          const body = form.validate(event);
          if (!body || invite.isPending) return;
          invite.mutate(body, {
            onSuccess: (invitation) => {
              setSent(invitation.email);
              form.setValues({ email: '', role: body.role });
            },
            onError: (error) =>
              form.applyServerError(error, { already_invited: 'email', already_partner_member: 'email' }),
          });
        }}
      >
        <div className="invite-fields">
          <TextField
            label={t('members.email')}
            type="email"
            autoComplete="off"
            {...form.field('email')}
            testId="invite-email"
          />
          <div className="field">
            <label htmlFor={roleId}>{t('members.role')}</label>
            <select
              id={roleId}
              className="select"
              data-testid="invite-role"
              value={form.values.role}
              onChange={(event) => form.setValues({ ...form.values, role: event.target.value })}
            >
              <option value="manager">{t('roles.manager.name')}</option>
              <option value="viewer">{t('roles.viewer.name')}</option>
            </select>
          </div>
          <button type="submit" className="btn btn-primary" data-testid="invite-submit" disabled={invite.isPending}>
            {invite.isPending ? t('members.inviting') : t('members.invite')}
          </button>
        </div>
        <ProblemAlert error={formLevelError(invite.error, ['already_invited', 'already_partner_member'])} />
        <p className="doc-notice doc-notice-success" role="status" aria-live="polite">
          {sent && t('members.invited', { email: sent })}
        </p>
      </form>
    </section>
  );
}
