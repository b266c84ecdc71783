import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Custody,
  type CustodyView,
  OFFENCE_CATEGORIES,
  RELEASE_KINDS,
  type SaveCustodyRequest,
} from '../../../../shared/people.ts';
import { DateField } from '../../../components/DateField.tsx';
import { InfoField } from '../../../components/InfoField.tsx';
import { api, isApiError } from '../../../lib/api.ts';
import { EMPTY, formatDate, formatRupiah, orDash } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { peopleKeys, personPath, useSaveCustody } from '../api/people.ts';
import { LEGEND_STYLES, optionsOf } from './vocabulary.ts';

const SENTENCE_KINDS = ['fixed', 'life', 'death'] as const;

interface CustodyValues {
  offenceCategory: (typeof OFFENCE_CATEGORIES)[number] | null;
  courtDecisionNumber: string;
  courtDecisionDate: string | null;
  sentenceKind: (typeof SENTENCE_KINDS)[number];
  sentenceYears: number | string;
  sentenceMonths: number | string;
  sentenceDays: number | string;
  fineAmount: number | string;
  fineSubstituteMonths: number | string;
  fineSubstituteDays: number | string;
  finePaid: boolean;
  detentionStartDate: string | null;
  releaseKind: (typeof RELEASE_KINDS)[number] | null;
  releasedOn: string | null;
  supervisionEndDate: string | null;
  returnedOn: string | null;
  transferPlannedOn: string | null;
  transferDestination: string;
}

function valuesFrom(custody: Custody | null): CustodyValues {
  return {
    offenceCategory: custody?.offenceCategory ?? null,
    courtDecisionNumber: custody?.courtDecisionNumber ?? '',
    courtDecisionDate: custody?.courtDecisionDate ?? null,
    sentenceKind: custody?.sentenceKind ?? 'fixed',
    sentenceYears: custody?.sentenceYears ?? 0,
    sentenceMonths: custody?.sentenceMonths ?? 0,
    sentenceDays: custody?.sentenceDays ?? 0,
    fineAmount: custody?.fineAmount ?? '',
    fineSubstituteMonths: custody?.fineSubstituteMonths ?? 0,
    fineSubstituteDays: custody?.fineSubstituteDays ?? 0,
    finePaid: custody?.finePaid ?? false,
    detentionStartDate: custody?.detentionStartDate ?? null,
    releaseKind: custody?.releaseKind ?? null,
    releasedOn: custody?.releasedOn ?? null,
    supervisionEndDate: custody?.supervisionEndDate ?? null,
    returnedOn: custody?.returnedOn ?? null,
    transferPlannedOn: custody?.transferPlannedOn ?? null,
    transferDestination: custody?.transferDestination ?? '',
  };
}

const whole = (value: number | string) => (value === '' ? 0 : Number(value));

function request(values: CustodyValues, version: number): SaveCustodyRequest {
  return {
    offenceCategory: values.offenceCategory,
    courtDecisionNumber: values.courtDecisionNumber.trim() || null,
    courtDecisionDate: values.courtDecisionDate || null,
    sentenceKind: values.sentenceKind,
    sentenceYears: whole(values.sentenceYears),
    sentenceMonths: whole(values.sentenceMonths),
    sentenceDays: whole(values.sentenceDays),
    fineAmount: values.fineAmount === '' ? null : Number(values.fineAmount),
    fineSubstituteMonths: whole(values.fineSubstituteMonths),
    fineSubstituteDays: whole(values.fineSubstituteDays),
    finePaid: values.finePaid,
    detentionStartDate: values.detentionStartDate || null,
    releaseKind: values.releaseKind,
    releasedOn: values.releasedOn || null,
    supervisionEndDate: values.supervisionEndDate || null,
    returnedOn: values.returnedOn || null,
    transferPlannedOn: values.transferPlannedOn || null,
    transferDestination: values.transferDestination.trim() || null,
    version,
  };
}

/** Fields the officer left alone take the newer saved value; hers stay (see personForm's merge). */
function merge(oldBase: CustodyValues, mine: CustodyValues, newBase: CustodyValues): CustodyValues {
  const merged = { ...mine } as Record<keyof CustodyValues, unknown>;
  for (const key of Object.keys(mine) as (keyof CustodyValues)[]) {
    if (JSON.stringify(oldBase[key]) === JSON.stringify(mine[key])) merged[key] = newBase[key];
  }
  return merged as unknown as CustodyValues;
}

/** `t` narrowed to plain keys: the fully typed one is too deep for the compiler as a parameter type. */
type Translate = (key: string) => string;

function sentenceText(t: Translate, custody: Custody): string {
  if (custody.sentenceKind !== 'fixed') return t(`people.vocab.sentenceKind.${custody.sentenceKind}`);
  return [
    `${custody.sentenceYears} ${t('people.custody.years').toLowerCase()}`,
    `${custody.sentenceMonths} ${t('people.custody.months').toLowerCase()}`,
    `${custody.sentenceDays} ${t('people.custody.days').toLowerCase()}`,
  ].join(' ');
}

/** Read-only: probation staff and prison staff without manage:custody. */
export function CustodySummary({ custody }: { custody: Custody | null }) {
  const { t } = useTranslation();
  if (!custody) return <Text size="sm">{t('people.custody.none')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
      <InfoField label={t('people.custody.offence')}>
        {custody.offenceCategory ? t(`people.vocab.offence.${custody.offenceCategory}`) : EMPTY}
      </InfoField>
      <InfoField label={t('people.custody.courtDecisionNumber')}>
        {orDash(custody.courtDecisionNumber)}
      </InfoField>
      <InfoField label={t('people.custody.courtDecisionDate')}>
        {formatDate(custody.courtDecisionDate)}
      </InfoField>
      <InfoField label={t('people.custody.sentence')}>{sentenceText(t as Translate, custody)}</InfoField>
      <InfoField label={t('people.custody.fine')}>
        {custody.fineAmount === null ? EMPTY : formatRupiah(custody.fineAmount)}
      </InfoField>
      <InfoField label={t('people.custody.detentionStart')}>
        {formatDate(custody.detentionStartDate)}
      </InfoField>
      {custody.releaseKind && (
        <InfoField label={t('people.custody.releaseKind')}>
          {t(`people.vocab.releaseKind.${custody.releaseKind}`)}
        </InfoField>
      )}
      {custody.releasedOn && (
        <InfoField label={t('people.custody.releasedOn')}>{formatDate(custody.releasedOn)}</InfoField>
      )}
      {custody.supervisionEndDate && (
        <InfoField label={t('people.custody.supervisionEnd')}>
          {formatDate(custody.supervisionEndDate)}
        </InfoField>
      )}
      {custody.returnedOn && (
        <InfoField label={t('people.custody.returnedOn')}>{formatDate(custody.returnedOn)}</InfoField>
      )}
      {custody.transferPlannedOn && (
        <InfoField label={t('people.custody.transferPlannedOn')}>
          {formatDate(custody.transferPlannedOn)}
        </InfoField>
      )}
      {custody.transferDestination && (
        <InfoField label={t('people.custody.transferDestination')}>{custody.transferDestination}</InfoField>
      )}
    </SimpleGrid>
  );
}

/** The sentence as decided by the court, and the release events once they happen. */
export function CustodyForm({ personId, view }: { personId: string; view: CustodyView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useSaveCustody(personId);
  const [base, setBase] = useState<Custody | null>(view.custody);
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const form = useForm<CustodyValues>({ initialValues: valuesFrom(view.custody) });
  const fixed = form.values.sentenceKind === 'fixed';

  const submit = form.onSubmit((values) => {
    save.mutate(request(values, base?.version ?? 0), {
      onSuccess: (saved) => {
        setBase(saved.custody);
        form.setValues(valuesFrom(saved.custody));
        form.resetDirty(valuesFrom(saved.custody));
        notifySuccess(t('people.custody.saved'));
      },
      onError: (error) => {
        if (isApiError(error, 'CUSTODY_CHANGED')) {
          setConflict(error.message);
          return;
        }
        showServerErrors(form, error);
      },
    });
  }, focusFirstError);

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await api<CustodyView>(`${personPath(personId)}/custody`);
      form.setValues(merge(valuesFrom(base), form.getValues(), valuesFrom(fresh.custody)));
      setBase(fresh.custody);
      queryClient.setQueryData(peopleKeys.custody(personId), fresh);
      setConflict(null);
      notifySuccess(t('people.form.reloaded'));
    } catch (error) {
      notifyError(error);
    } finally {
      setReloading(false);
    }
  };

  const numberProps = { allowDecimal: false, allowNegative: false, min: 0 } as const;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <Select
            label={t('people.custody.offence')}
            placeholder={t('people.form.choose')}
            data={optionsOf(OFFENCE_CATEGORIES, (code) => t(`people.vocab.offence.${code}`))}
            clearable
            {...form.getInputProps('offenceCategory')}
          />
          <TextInput
            label={t('people.custody.courtDecisionNumber')}
            {...form.getInputProps('courtDecisionNumber')}
          />
          <DateField
            label={t('people.custody.courtDecisionDate')}
            clearable
            {...form.getInputProps('courtDecisionDate')}
          />
          <Select
            label={t('people.custody.sentenceKind')}
            data={optionsOf(SENTENCE_KINDS, (code) => t(`people.vocab.sentenceKind.${code}`))}
            allowDeselect={false}
            {...form.getInputProps('sentenceKind')}
          />
          <DateField
            label={t('people.custody.detentionStart')}
            description={t('people.custody.detentionStartHint')}
            clearable
            {...form.getInputProps('detentionStartDate')}
          />
        </SimpleGrid>
        {fixed && (
          <Fieldset legend={t('people.custody.sentence')} variant="unstyled" styles={LEGEND_STYLES}>
            <SimpleGrid cols={3} spacing="sm">
              <NumberInput
                label={t('people.custody.years')}
                max={100}
                {...numberProps}
                {...form.getInputProps('sentenceYears')}
              />
              <NumberInput
                label={t('people.custody.months')}
                max={11}
                {...numberProps}
                {...form.getInputProps('sentenceMonths')}
              />
              <NumberInput
                label={t('people.custody.days')}
                max={30}
                {...numberProps}
                {...form.getInputProps('sentenceDays')}
              />
            </SimpleGrid>
          </Fieldset>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <NumberInput
            label={t('people.custody.fine')}
            thousandSeparator="."
            decimalSeparator=","
            {...numberProps}
            {...form.getInputProps('fineAmount')}
          />
          <Fieldset legend={t('people.custody.fineSubstitute')} variant="unstyled" styles={LEGEND_STYLES}>
            <SimpleGrid cols={2} spacing="sm">
              <NumberInput
                label={t('people.custody.months')}
                max={12}
                {...numberProps}
                {...form.getInputProps('fineSubstituteMonths')}
              />
              <NumberInput
                label={t('people.custody.days')}
                max={30}
                {...numberProps}
                {...form.getInputProps('fineSubstituteDays')}
              />
            </SimpleGrid>
          </Fieldset>
          <Checkbox
            label={t('people.custody.finePaid')}
            mt={{ base: 0, sm: 'xl' }}
            {...form.getInputProps('finePaid', { type: 'checkbox' })}
          />
        </SimpleGrid>
        <Fieldset legend={t('people.custody.transfer')} variant="unstyled" styles={LEGEND_STYLES}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            <DateField
              label={t('people.custody.transferPlannedOn')}
              description={t('people.custody.transferHint')}
              clearable
              {...form.getInputProps('transferPlannedOn')}
            />
            <TextInput
              label={t('people.custody.transferDestination')}
              maxLength={150}
              {...form.getInputProps('transferDestination')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('people.custody.release')} variant="unstyled" styles={LEGEND_STYLES}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <Select
              label={t('people.custody.releaseKind')}
              placeholder={t('people.form.choose')}
              data={optionsOf(RELEASE_KINDS, (code) => t(`people.vocab.releaseKind.${code}`))}
              clearable
              {...form.getInputProps('releaseKind')}
            />
            <DateField
              label={t('people.custody.releasedOn')}
              clearable
              {...form.getInputProps('releasedOn')}
            />
            <DateField
              label={t('people.custody.supervisionEnd')}
              clearable
              {...form.getInputProps('supervisionEndDate')}
            />
            <DateField
              label={t('people.custody.returnedOn')}
              clearable
              {...form.getInputProps('returnedOn')}
            />
          </SimpleGrid>
        </Fieldset>
        {conflict && (
          <Alert
            color="red"
            title={t('people.custody.changedTitle')}
            icon={<IconAlertTriangle aria-hidden />}
            role="alert"
          >
            <Text size="sm">{conflict}</Text>
            <Button
              mt="sm"
              size="xs"
              variant="default"
              leftSection={<IconRefresh size={14} aria-hidden />}
              loading={reloading}
              onClick={() => void reload()}
            >
              {t('people.form.reload')}
            </Button>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={conflict !== null}>
            {t('people.custody.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
