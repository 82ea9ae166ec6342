import { suspendPartnerBodySchema, verifyPartnerBodySchema, type Partner } from '@contracts/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import type { Action } from './admin-queries.ts';
import { ReasonForm } from './reason-form.tsx';

export type OpenForm = 'reject' | 'suspend' | null;

interface ActionsProps {
  partner: Partner;
  open: OpenForm;
  setOpen: (open: OpenForm) => void;
  busy: Action | null;
  start: (action: Action, reason?: string) => void;
}

interface IssueList {
  success: boolean;
  error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
}

/** Codes of the issues a contract schema reports for one field. */
function issuesFor(result: IssueList, field: string): string[] {
  if (result.success) return [];
  const codes = (result.error?.issues ?? []).filter((i) => String(i.path[0] ?? '') === field).map((i) => i.message);
  return [...new Set(codes)];
}

/**
 * Approve after a confirmation (the badge and the public listing follow at once); reject only
 * with a reason (verifyPartnerBodySchema: at least 5 characters).
 */
export function ApproveReject({ partner, open, setOpen, busy, start }: ActionsProps) {
  const { t } = useTranslation('verification');
  const [confirming, setConfirming] = useState(false);
  if (open === 'reject') {
    return (
      <ReasonForm
        label={t('decision.rejectReason')}
        hint={t('decision.rejectHint')}
        confirmLabel={t('decision.rejectConfirm')}
        fieldTestId="admin-reject-reason"
        confirmTestId="admin-reject-confirm"
        pending={busy !== null}
        validate={(reason) =>
          issuesFor(verifyPartnerBodySchema.safeParse({ partnerId: partner.id, decision: 'reject', reason }), 'reason')
        }
        onConfirm={(reason) => start('reject', reason)}
        onCancel={() => setOpen(null)}
      />
    );
  }
  return (
    <div className="row">
      <button
        type="button"
        className="btn btn-primary"
        data-testid="admin-approve"
        disabled={busy !== null}
        onClick={() => setConfirming(true)}
      >
        {busy === 'approve' ? t('decision.working') : t('decision.approve')}
      </button>
      <button
        type="button"
        className="btn btn-danger"
        data-testid="admin-reject"
        disabled={busy !== null}
        onClick={() => setOpen('reject')}
      >
        {t('decision.reject')}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t('decision.approveTitle', { name: partner.name })}
        confirmLabel={t('decision.approveConfirm')}
        testId="admin-approve-dialog"
        pending={busy !== null}
        onConfirm={() => {
          setConfirming(false);
          start('approve');
        }}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('decision.approveBody', { name: partner.name })}</p>
      </ConfirmDialog>
    </div>
  );
}

/** Suspend a verified or pending partner with a reason. */
export function Suspend({ open, setOpen, busy, start }: ActionsProps) {
  const { t } = useTranslation('verification');
  if (open === 'suspend') {
    return (
      <ReasonForm
        label={t('decision.suspendReason')}
        hint={t('decision.suspendHint')}
        confirmLabel={t('decision.suspendConfirm')}
        fieldTestId="admin-suspend-reason"
        confirmTestId="admin-suspend-confirm"
        pending={busy !== null}
        validate={(reason) => issuesFor(suspendPartnerBodySchema.safeParse({ reason }), 'reason')}
        onConfirm={(reason) => start('suspend', reason)}
        onCancel={() => setOpen(null)}
      />
    );
  }
  return (
    <button
      type="button"
      className="btn btn-secondary"
      data-testid="admin-suspend"
      disabled={busy !== null}
      onClick={() => setOpen('suspend')}
    >
      {t('decision.suspend')}
    </button>
  );
}

export function Reinstate({ partner, busy, start }: ActionsProps) {
  const { t } = useTranslation('verification');
  return (
    <div className="stack">
      {partner.suspensionReason && (
        <p className="muted" style={{ margin: 0 }}>
          {t('decision.suspendedBecause', { reason: partner.suspensionReason })}
        </p>
      )}
      <div>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="admin-reinstate"
          disabled={busy !== null}
          onClick={() => start('reinstate')}
        >
          {busy === 'reinstate' ? t('decision.working') : t('decision.reinstate')}
        </button>
      </div>
    </div>
  );
}
