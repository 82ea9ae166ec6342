import type { Partner, VerifyPartnerBody } from '@contracts/http';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AnimatePresence, motion } from 'framer-motion';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/api-error.ts';
import { adminPartnersKey, reinstatePartner, suspendPartner, verifyPartner } from '../../api/verification-api.ts';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { popVariants } from '../../lib/motion.ts';
import { ApproveReject, Reinstate, Suspend, type Action, type OpenForm } from './decision-actions.tsx';

function run(partnerId: string, action: Action, reason: string): Promise<Partner> {
  if (action === 'suspend') return suspendPartner(partnerId, reason);
  if (action === 'reinstate') return reinstatePartner(partnerId);
  const body: VerifyPartnerBody = { partnerId, decision: action, ...(reason ? { reason } : {}) };
  return verifyPartner(body);
}

/**
 * Approve / reject a pending application, suspend / reinstate a live partner. Whatever the
 * outcome, the queue and this detail refetch, so a decision taken meanwhile by another admin
 * (`partner_not_pending`) shows up at once.
 */
export function DecisionPanel({ partner, backTo }: { partner: Partner; backTo: string }) {
  const { t } = useTranslation('verification');
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<OpenForm>(null);
  const mutation = useMutation({
    mutationFn: ({ action, reason }: { action: Action; reason: string }) => run(partner.id, action, reason),
    onSuccess: () => setOpen(null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminPartnersKey }),
  });
  const props = {
    partner,
    open,
    setOpen,
    busy: mutation.isPending ? mutation.variables.action : null,
    start: (action: Action, reason = '') => mutation.mutate({ action, reason }),
  };
  const { status } = partner;
  const conflict = isApiError(mutation.error) && mutation.error.code === 'partner_not_pending';
  const decidable = status === 'pending_review' || status === 'verified' || status === 'suspended';

  return (
    <section className="card decision-panel" aria-labelledby="decision-title" data-testid="admin-decision-panel">
      <h2 id="decision-title">{t('decision.title')}</h2>
      <AnimatePresence>
        {mutation.isSuccess && (
          <motion.div
            key={mutation.variables.action}
            className="alert alert-success"
            role="status"
            data-testid="admin-decision-result"
            variants={popVariants}
            initial="initial"
            animate="animate"
            exit="exit"
          >
            <p style={{ margin: 0 }}>
              {t(`decision.done.${mutation.variables.action}`)} <Link to={backTo}>{t('decision.backToQueue')}</Link>
            </p>
          </motion.div>
        )}
      </AnimatePresence>
      <ProblemAlert error={mutation.error} />
      {conflict && <p className="muted">{t('decision.conflict')}</p>}
      {status === 'pending_review' && <ApproveReject {...props} />}
      {(status === 'pending_review' || status === 'verified') && open !== 'reject' && (
        <div className={status === 'pending_review' ? 'decision-secondary' : undefined}>
          <Suspend {...props} />
        </div>
      )}
      {status === 'suspended' && <Reinstate {...props} />}
      {!decidable && <p className="muted">{t('decision.nothingToDecide', { status: t(`statuses.${status}`) })}</p>}
    </section>
  );
}
