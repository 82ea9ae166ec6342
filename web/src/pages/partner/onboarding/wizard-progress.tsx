import { motion } from 'framer-motion';
import { useTranslation } from 'react-i18next';
import { STEP_COUNT, wizardSteps } from './wizard-steps.ts';
import './wizard-progress.css';

interface WizardProgressProps {
  step: number;
  reachable: (step: number) => boolean;
  onGo: (step: number) => void;
}

/** "Step n of 5" with the labelled steps; steps already reachable can be revisited. */
export function WizardProgress({ step, reachable, onGo }: WizardProgressProps) {
  const { t } = useTranslation('onboarding');
  return (
    <nav className="wizard-progress" aria-label={t('wizard.progressLabel')}>
      <p className="wizard-count" aria-live="polite" data-testid="wizard-progress">
        {t('wizard.stepOf', { step, total: STEP_COUNT, name: t(`wizard.steps.${wizardSteps[step - 1]}`) })}
      </p>
      <div className="wizard-bar" aria-hidden="true">
        <motion.div
          className="wizard-bar-fill"
          initial={false}
          animate={{ width: `${((step - 1) / (STEP_COUNT - 1)) * 100}%` }}
          transition={{ duration: 0.3, ease: 'easeOut' }}
        />
      </div>
      <ol className="wizard-steps">
        {wizardSteps.map((name, index) => {
          const n = index + 1;
          const state = n < step ? 'done' : n === step ? 'current' : 'todo';
          return (
            <li key={name} data-state={state}>
              <button
                type="button"
                className="wizard-step-button"
                aria-current={n === step ? 'step' : undefined}
                disabled={n === step || !reachable(n)}
                data-testid={`wizard-progress-${n}`}
                onClick={() => onGo(n)}
              >
                <span className="wizard-dot" aria-hidden="true">
                  {state === 'done' ? '✓' : n}
                </span>
                <span className="wizard-step-label">{t(`wizard.steps.${name}`)}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
