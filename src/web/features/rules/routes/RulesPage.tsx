import { Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FRACTION_BASES } from '../../../../shared/sentence.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import type { RulesMessages } from '../../../lib/i18n/rules/id.ts';
import { useRuleSet } from '../api/rules.ts';
import { FractionRule, type InputPropsOf, NumberRule } from '../components/RuleFields.tsx';
import { RuleSetForm } from '../components/RuleSetForm.tsx';

function RuleGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} fz="h4">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
        {children}
      </SimpleGrid>
    </Stack>
  );
}

function SentenceFields({ inputProps }: { inputProps: InputPropsOf }) {
  const { t } = useTranslation();
  const s = (key: keyof RulesMessages['sentence']) => t(`rules.sentence.${key}`);
  const months = t('rules.months');
  const behaviour = (path: string) => (
    <NumberRule
      label={s('behaviourMonths')}
      description={s('behaviourMonthsHint')}
      path={path}
      inputProps={inputProps}
      max={120}
      unit={months}
    />
  );
  return (
    <Stack gap="lg">
      <Select
        label={s('fractionBase')}
        description={s('fractionBaseHint')}
        data={FRACTION_BASES.map((value) => ({
          value,
          label: value === 'original' ? s('original') : s('afterRemissions'),
        }))}
        allowDeselect={false}
        maw={480}
        {...inputProps('rules.fractionBase')}
      />
      <RuleGroup title={s('stages')}>
        <FractionRule
          label={s('lanjutan')}
          description={s('lanjutanHint')}
          path="rules.stages.lanjutan"
          inputProps={inputProps}
        />
        <FractionRule
          label={s('akhir')}
          description={s('akhirHint')}
          path="rules.stages.akhir"
          inputProps={inputProps}
        />
      </RuleGroup>
      <RuleGroup title={s('general')}>
        <NumberRule
          label={s('minimumBehaviourScore')}
          description={s('minimumBehaviourScoreHint')}
          path="rules.minimumBehaviourScore"
          inputProps={inputProps}
          max={100}
        />
        <NumberRule
          label={s('preReleaseWindowDays')}
          description={s('preReleaseWindowDaysHint')}
          path="rules.preReleaseWindowDays"
          inputProps={inputProps}
          max={730}
          unit={t('rules.days')}
        />
      </RuleGroup>
      <RuleGroup title={s('asimilasi')}>
        <FractionRule
          label={s('asimilasiFraction')}
          description={s('asimilasiFractionHint')}
          path="rules.asimilasi.fraction"
          inputProps={inputProps}
        />
        {behaviour('rules.asimilasi.behaviourMonths')}
      </RuleGroup>
      <RuleGroup title={s('parole')}>
        <FractionRule
          label={s('paroleFraction')}
          description={s('paroleFractionHint')}
          path="rules.parole.fraction"
          inputProps={inputProps}
        />
        <NumberRule
          label={s('paroleMinimumServedMonths')}
          description={s('paroleMinimumServedMonthsHint')}
          path="rules.parole.minimumServedMonths"
          inputProps={inputProps}
          max={120}
          unit={months}
        />
        {behaviour('rules.parole.behaviourMonths')}
      </RuleGroup>
      <RuleGroup title={s('cb')}>
        <FractionRule
          label={s('cbFraction')}
          description={s('cbFractionHint')}
          path="rules.cb.fraction"
          inputProps={inputProps}
        />
        <NumberRule
          label={s('cbMaxSentenceMonths')}
          description={s('cbMaxSentenceMonthsHint')}
          path="rules.cb.maxSentenceMonths"
          inputProps={inputProps}
          min={1}
          max={120}
          unit={months}
        />
        <NumberRule
          label={s('cbMaxLeaveMonths')}
          description={s('cbMaxLeaveMonthsHint')}
          path="rules.cb.maxLeaveMonths"
          inputProps={inputProps}
          max={120}
          unit={months}
        />
        {behaviour('rules.cb.behaviourMonths')}
      </RuleGroup>
      <RuleGroup title={s('cmb')}>
        <FractionRule
          label={s('cmbFraction')}
          description={s('cmbFractionHint')}
          path="rules.cmb.fraction"
          inputProps={inputProps}
        />
        <NumberRule
          label={s('cmbMaxLeaveMonths')}
          description={s('cmbMaxLeaveMonthsHint')}
          path="rules.cmb.maxLeaveMonths"
          inputProps={inputProps}
          max={120}
          unit={months}
        />
        {behaviour('rules.cmb.behaviourMonths')}
      </RuleGroup>
      <RuleGroup title={s('remission')}>
        <NumberRule
          label={s('remissionMinimumServedMonths')}
          description={s('remissionMinimumServedMonthsHint')}
          path="rules.remission.minimumServedMonths"
          inputProps={inputProps}
          max={120}
          unit={months}
        />
      </RuleGroup>
    </Stack>
  );
}

const RETENTION_KEYS = ['personYears', 'caseNoteYears', 'documentYears', 'importFileYears'] as const;

function RetentionFields({ inputProps }: { inputProps: InputPropsOf }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
      {RETENTION_KEYS.map((key) => (
        <NumberRule
          key={key}
          label={t(`rules.retention.${key}`)}
          description={t(`rules.retention.${key}Hint`)}
          path={`rules.${key}`}
          inputProps={inputProps}
          max={100}
          unit={t('rules.years')}
        />
      ))}
    </SimpleGrid>
  );
}

function SentenceSection() {
  const { t } = useTranslation();
  const ruleSet = useRuleSet('sentence');
  if (ruleSet.isPending) return <PageLoader />;
  if (ruleSet.isError) return <QueryError error={ruleSet.error} onRetry={() => void ruleSet.refetch()} />;
  return (
    <RuleSetForm
      key={ruleSet.data.version}
      kind="sentence"
      ruleSet={ruleSet.data}
      title={t('rules.sentence.title')}
      intro={t('rules.sentence.intro')}
    >
      {(inputProps) => <SentenceFields inputProps={inputProps} />}
    </RuleSetForm>
  );
}

function RetentionSection() {
  const { t } = useTranslation();
  const ruleSet = useRuleSet('retention');
  if (ruleSet.isPending) return <PageLoader />;
  if (ruleSet.isError) return <QueryError error={ruleSet.error} onRetry={() => void ruleSet.refetch()} />;
  return (
    <RuleSetForm
      key={ruleSet.data.version}
      kind="retention"
      ruleSet={ruleSet.data}
      title={t('rules.retention.title')}
      intro={t('rules.retention.intro')}
    >
      {(inputProps) => <RetentionFields inputProps={inputProps} />}
    </RuleSetForm>
  );
}

/** /admin/aturan: the sentence rules and the retention periods, each saved as a new version. */
export function RulesPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={960}>
      <div>
        <PageHeader title={t('rules.title')} />
        <Text size="sm" mt="xs">
          {t('rules.intro')}
        </Text>
      </div>
      <SentenceSection />
      <RetentionSection />
    </Stack>
  );
}
