import { Select, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MatchingRules } from '../../../../shared/matching.ts';
import { FRACTION_BASES } from '../../../../shared/sentence.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import type { RulesMessages } from '../../../lib/i18n/rules/id.ts';
import { useTabParam } from '../../../lib/useTabParam.ts';
import { useRuleSet } from '../api/rules.ts';
import { MatchingFields, useMatchingValidation } from '../components/MatchingFields.tsx';
import { matchingFromForm, matchingToForm } from '../components/matchingForm.ts';
import { FractionRule, type InputPropsOf, NumberRule, RuleGroup } from '../components/RuleFields.tsx';
import { RuleSetForm } from '../components/RuleSetForm.tsx';

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

const MATCHING_CONVERT = {
  toForm: (rules: MatchingRules) => matchingToForm(rules),
  toRules: (values: MatchingRules) => matchingFromForm(values),
};

function MatchingSection() {
  const { t } = useTranslation();
  const ruleSet = useRuleSet('matching');
  const validate = useMatchingValidation();
  if (ruleSet.isPending) return <PageLoader />;
  if (ruleSet.isError) return <QueryError error={ruleSet.error} onRetry={() => void ruleSet.refetch()} />;
  return (
    <RuleSetForm
      key={ruleSet.data.version}
      kind="matching"
      ruleSet={ruleSet.data}
      title={t('rules.matching.title')}
      intro={t('rules.matching.intro')}
      convert={MATCHING_CONVERT}
      validateRules={validate}
    >
      {(inputProps, rules) => <MatchingFields inputProps={inputProps} rules={rules} />}
    </RuleSetForm>
  );
}

/** The tabs in the address (`?tab=`); the sentence rules first, so /admin/aturan opens them. */
const TABS = ['masa-pidana', 'retensi', 'pencocokan'] as const;
const TAB_LABELS = { 'masa-pidana': 'sentence', retensi: 'retention', pencocokan: 'matching' } as const;

/**
 * /admin/aturan: the sentence rules, the retention periods and the matching weights, one tab each; every
 * kind is saved as a new version with a reason.
 */
export function RulesPage() {
  const { t } = useTranslation();
  const { tab, selectTab } = useTabParam(TABS);
  return (
    <Stack gap="lg" maw={960}>
      <div>
        <PageHeader title={t('rules.title')} />
        <Text size="sm" mt="xs">
          {t('rules.intro')}
        </Text>
      </div>
      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List aria-label={t('rules.tabsLabel')}>
          {TABS.map((item) => (
            <Tabs.Tab key={item} value={item}>
              {t(`rules.tabs.${TAB_LABELS[item]}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="masa-pidana" pt="md">
          <SentenceSection />
        </Tabs.Panel>
        <Tabs.Panel value="retensi" pt="md">
          <RetentionSection />
        </Tabs.Panel>
        <Tabs.Panel value="pencocokan" pt="md">
          <MatchingSection />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
