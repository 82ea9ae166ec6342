import type { MyPartner, PartnerType } from '@contracts/http';
import { AnimatePresence, motion, type Variants } from 'framer-motion';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBanner } from '../../../components/partner/status-banner.tsx';
import { pageTransition } from '../../../lib/motion.ts';
import { StepBusiness } from './step-business.tsx';
import { StepDocuments } from './step-documents.tsx';
import { StepProfile } from './step-profile.tsx';
import { StepRegions } from './step-regions.tsx';
import { StepReview } from './step-review.tsx';
import { StepType } from './step-type.tsx';
import { WizardProgress } from './wizard-progress.tsx';
import { firstIncompleteStep, wizardSteps } from './wizard-steps.ts';
import './wizard.css';

/** Slides in the direction of travel; MotionConfig reducedMotion="user" (app.tsx) keeps only the fade. */
const stepVariants: Variants = {
  initial: (direction: number) => ({ opacity: 0, x: 32 * direction }),
  animate: { opacity: 1, x: 0 },
  exit: (direction: number) => ({ opacity: 0, x: -32 * direction }),
};

function StepPanel({ step, focus, children }: { step: number; focus: boolean; children: ReactNode }) {
  const { t } = useTranslation('onboarding');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Screen-reader and keyboard users start at the new step's heading, not the old button.
    if (focus) heading.current?.focus({ preventScroll: false });
  }, [focus]);
  const name = wizardSteps[step - 1];
  return (
    <section
      className="card wizard-panel"
      data-testid={`wizard-step-${step}`}
      aria-labelledby={`wizard-step-title-${step}`}
    >
      <h2 id={`wizard-step-title-${step}`} ref={heading} tabIndex={-1}>
        {t(`wizard.titles.${name}`)}
      </h2>
      {children}
    </section>
  );
}

/** The onboarding steps (wizard-steps.ts); `my` is null until the partner is registered on leaving step 2. */
export function Wizard({ my }: { my: MyPartner | null }) {
  const [step, setStep] = useState(() => (my ? firstIncompleteStep(my) : 1));
  const [direction, setDirection] = useState(1);
  const [type, setType] = useState<PartnerType | null>(my?.partner.type ?? null);
  const moved = useRef(false);

  const go = (next: number) => {
    moved.current = true;
    setDirection(next >= step ? 1 : -1);
    setStep(next);
  };
  const reachable = (n: number) => n <= step || !!my;
  const back = () => go(step - 1);
  const next = () => go(step + 1);

  let content: ReactNode;
  if (step === 1 || !type) {
    content = <StepType value={type} locked={!!my} onChange={setType} onNext={() => go(2)} />;
  } else if (step === 2 || !my) {
    content = <StepBusiness my={my} type={type} onBack={back} onDone={next} />;
  } else if (step === 3) {
    content = <StepRegions my={my} onBack={back} onDone={next} />;
  } else if (step === 4) {
    content = <StepProfile my={my} onBack={back} onDone={next} />;
  } else if (step === 5) {
    content = <StepDocuments my={my} onBack={back} onDone={next} />;
  } else {
    content = <StepReview my={my} onBack={back} onGo={go} />;
  }
  const shown = step === 1 || !type ? 1 : step === 2 || !my ? 2 : step;

  return (
    <div className="wizard stack">
      <WizardProgress step={shown} reachable={reachable} onGo={go} />
      {my?.partner.status === 'rejected' && <StatusBanner partner={my.partner} />}
      <AnimatePresence mode="wait" initial={false} custom={direction}>
        <motion.div
          key={shown}
          custom={direction}
          variants={stepVariants}
          initial="initial"
          animate="animate"
          exit="exit"
          transition={pageTransition}
        >
          <StepPanel step={shown} focus={moved.current}>
            {content}
          </StepPanel>
        </motion.div>
      </AnimatePresence>
    </div>
  );
}
