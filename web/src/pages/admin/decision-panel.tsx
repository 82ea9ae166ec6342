import type { Partner } from '@contracts/http';
import { AnimatePresence, motion } from 'framer-motion';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/api-error.ts';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { popVariants } from '../../lib/motion.ts';
import { useDecision, type Action } from './admin-queries.ts';
import { ApproveReject, Reinstate, Suspend, type OpenForm } from './decision-actions.tsx';
import './decision-panel.css';

/** Approve / reject a pending application, suspend / reinstate a live partner. */
export function DecisionPanel({ partner, backTo }: { partner: Partner; backTo: string }) {
  const { t } = useTranslation('verification');
  const [open, setOpen] = useState<OpenForm>(null);
  const mutation = useDecision(partner.id, () => setOpen(null));
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
