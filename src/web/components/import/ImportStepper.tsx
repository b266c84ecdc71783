import { Stepper } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ImportStepperProps {
  /** 0 upload, 1 map the columns, 2 check (the dry run), 3 saved. */
  step: number;
  onStepChange: (step: number) => void;
  upload: ReactNode;
  map: ReactNode;
  check: ReactNode;
  save: ReactNode;
}

/** The four steps of every import: upload, map the columns, check every row (dry run), save. */
export function ImportStepper({ step, onStepChange, upload, map, check, save }: ImportStepperProps) {
  const { t } = useTranslation();
  return (
    <Stepper
      active={step}
      size="sm"
      allowNextStepsSelect={false}
      onStepClick={(target) => target < 3 && onStepChange(target)}
    >
      <Stepper.Step label={t('peopleData.import.steps.upload')}>{upload}</Stepper.Step>
      <Stepper.Step label={t('peopleData.import.steps.map')}>{map}</Stepper.Step>
      <Stepper.Step label={t('peopleData.import.steps.check')}>{check}</Stepper.Step>
      <Stepper.Step label={t('peopleData.import.steps.save')}>{save}</Stepper.Step>
    </Stepper>
  );
}
