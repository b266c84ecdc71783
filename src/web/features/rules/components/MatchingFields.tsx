import { Progress, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MATCH_FACTORS, type MatchFactor, type MatchingRules } from '../../../../shared/matching.ts';
import type { RulesMessages } from '../../../lib/i18n/rules/id.ts';
import { type MatchingError, matchingErrors, weightShares } from './matchingForm.ts';
import { type InputPropsOf, NumberRule, RuleGroup } from './RuleFields.tsx';

type MatchingKey = Exclude<keyof RulesMessages['matching'], 'factor' | 'factorHint' | 'errors'>;

const FACTOR_COLORS: Record<MatchFactor, string> = {
  essentialSkills: 'blue.8',
  optionalSkills: 'cyan.8',
  location: 'teal.8',
  timing: 'grape.8',
  preferences: 'orange.8',
  villageDemand: 'indigo.8',
};

/** The form's checks in words, by path under `rules.` (RuleSetForm puts them on the fields). */
export function useMatchingValidation() {
  const { t } = useTranslation();
  const text = (error: MatchingError): string => {
    switch (error.kind) {
      case 'range':
        return t('rules.matching.errors.range', { min: error.min, max: error.max });
      default:
        return t(`rules.matching.errors.${error.kind}`);
    }
  };
  return (rules: MatchingRules) =>
    Object.fromEntries(Object.entries(matchingErrors(rules)).map(([path, error]) => [path, text(error)]));
}

/** The inputs of the matching weights (rule set kind `matching`); credits are edited as percentages. */
export function MatchingFields({ inputProps, rules }: { inputProps: InputPropsOf; rules: MatchingRules }) {
  const { t } = useTranslation();
  const m = (key: MatchingKey) => t(`rules.matching.${key}`);
  const shares = weightShares(rules.weights);
  const percent = t('rules.percent');
  const share = (path: string, key: MatchingKey, hintKey: MatchingKey) => (
    <NumberRule
      label={m(key)}
      description={m(hintKey)}
      path={`rules.${path}`}
      inputProps={inputProps}
      max={100}
      unit={percent}
      decimalScale={1}
    />
  );
  return (
    <Stack gap="lg">
      <RuleGroup title={m('weights')} hint={m('weightsHint')}>
        {MATCH_FACTORS.map((factor) => (
          <NumberRule
            key={factor}
            label={t(`rules.matching.factor.${factor}`)}
            description={`${t(`rules.matching.factorHint.${factor}`)}${
              shares ? ` ${t('rules.matching.share', { share: shares[factor] })}` : ''
            }`}
            path={`rules.weights.${factor}`}
            inputProps={inputProps}
            max={100}
            unit={t('rules.points')}
          />
        ))}
      </RuleGroup>
      {shares && (
        // The same shares as in the descriptions above, drawn: decoration for sighted readers.
        <Progress.Root size={14} aria-hidden>
          {MATCH_FACTORS.filter((factor) => shares[factor] > 0).map((factor) => (
            <Progress.Section key={factor} value={shares[factor]} color={FACTOR_COLORS[factor]} />
          ))}
        </Progress.Root>
      )}
      <RuleGroup title={m('evidence')} hint={m('evidenceHint')}>
        {share('evidence.certified', 'certified', 'certifiedHint')}
        {share('evidence.assessed', 'assessed', 'assessedHint')}
        {share('evidence.trained', 'trained', 'trainedHint')}
        {share('evidence.self_reported', 'self_reported', 'self_reportedHint')}
      </RuleGroup>
      <RuleGroup title={m('levelShortfall')}>
        {share('levelShortfall.oneLevel', 'oneLevel', 'oneLevelHint')}
        {share('levelShortfall.twoLevels', 'twoLevels', 'twoLevelsHint')}
      </RuleGroup>
      <RuleGroup title={m('location')} hint={m('locationHint')}>
        {share('location.sameVillage', 'sameVillage', 'sameVillageHint')}
        {share('location.sameKecamatan', 'sameKecamatan', 'sameKecamatanHint')}
        {share('location.sameCity', 'sameCity', 'sameCityHint')}
        {share('location.elsewhere', 'elsewhere', 'elsewhereHint')}
        <NumberRule
          label={m('maxDistanceKm')}
          description={m('maxDistanceKmHint')}
          path="rules.location.maxDistanceKm"
          inputProps={inputProps}
          min={1}
          max={200}
          unit={t('rules.km')}
          decimalScale={1}
        />
      </RuleGroup>
      <RuleGroup title={m('timing')}>
        <NumberRule
          label={m('fullDays')}
          description={m('fullDaysHint')}
          path="rules.timing.fullDays"
          inputProps={inputProps}
          max={365}
          unit={t('rules.days')}
        />
        <NumberRule
          label={m('zeroDays')}
          description={m('zeroDaysHint')}
          path="rules.timing.zeroDays"
          inputProps={inputProps}
          min={1}
          max={1095}
          unit={t('rules.days')}
        />
      </RuleGroup>
      <RuleGroup title={m('listing')}>
        <NumberRule
          label={m('minScore')}
          description={m('minScoreHint')}
          path="rules.minScore"
          inputProps={inputProps}
          max={100}
        />
        <NumberRule
          label={m('topN')}
          description={m('topNHint')}
          path="rules.topN"
          inputProps={inputProps}
          min={1}
          max={50}
        />
      </RuleGroup>
    </Stack>
  );
}
