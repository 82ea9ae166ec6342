import { documentSlots, requiredDocuments, type MyPartner } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { DocumentSlot } from '../../../components/partner/document-slot.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { canManage, useDocuments } from '../partner-queries.ts';
import { StepForm } from './step-form.tsx';
import { WizardNav } from './wizard-nav.tsx';
import './step-documents.css';

/**
 * KYC light: one slot per kind the service asks of this partner's type (`documentSlots`: no
 * insurance for a hotel), the required ones first.
 */
export function DocumentSlots({ my }: { my: MyPartner }) {
  const documents = useDocuments(true);
  const required = my.requiredDocuments.length ? my.requiredDocuments : requiredDocuments[my.partner.type];
  const slots = my.documentSlots.length ? my.documentSlots : documentSlots[my.partner.type];
  const kinds = [...slots].sort((a, b) => Number(!required.includes(a)) - Number(!required.includes(b)));
  const manage = canManage(my);
  const status = my.partner.status;
  if (documents.isPending) return <Loading />;
  if (documents.isError) return <ProblemAlert error={documents.error} />;
  return (
    <div className="doc-slots">
      {kinds.map((kind) => (
        <DocumentSlot
          key={kind}
          kind={kind}
          required={required.includes(kind)}
          documents={documents.data.filter((doc) => doc.kind === kind)}
          canUpload={manage && (status === 'draft' || status === 'rejected' || status === 'verified')}
          canDelete={manage && (status === 'draft' || status === 'rejected')}
        />
      ))}
    </div>
  );
}

export function StepDocuments({ my, onBack, onDone }: { my: MyPartner; onBack: () => void; onDone: () => void }) {
  const { t } = useTranslation('onboarding');
  return (
    <StepForm onSubmit={onDone}>
      <p className="muted">{t('documents.intro')}</p>
      <DocumentSlots my={my} />
      <WizardNav onBack={onBack} nextLabel={t('wizard.continue')} />
    </StepForm>
  );
}
