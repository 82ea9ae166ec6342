import type { UpdatePartnerBody } from '@contracts/http';
import type { ReactNode, RefObject } from 'react';
import { updatePartner } from '../../../api/partners-api.ts';
import { usePartnerMutation } from '../partner-queries.ts';

interface StepFormProps {
  formRef?: RefObject<HTMLFormElement | null>;
  /** Next (or Enter) submits the step; what that does is the step's business. */
  onSubmit: () => void;
  children: ReactNode;
}

/** A wizard step's form; its WizardNav holds the submit button. */
export function StepForm({ formRef, onSubmit, children }: StepFormProps) {
  return (
    <form
      ref={formRef}
      className="form wizard-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** Saves what a step changed (see changedFields), then moves on; when nothing changed it just moves on. */
export function useStepSave(onDone: () => void) {
  const update = usePartnerMutation(updatePartner);
  const save = (patch: UpdatePartnerBody, onError: (error: unknown) => void) => {
    if (Object.keys(patch).length === 0) return onDone();
    update.mutate(patch, { onSuccess: onDone, onError });
  };
  return { update, save };
}
