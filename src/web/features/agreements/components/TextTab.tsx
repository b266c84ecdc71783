import { Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail } from '../../../../shared/agreements.ts';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { formatDate } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useReloadAgreement, useSaveAgreementText } from '../api/agreements.ts';
import { type TextFormValues, textFormValues, textRequest } from './agreementForm.ts';
import { textRules } from './formRules.ts';
import { StaleAlert } from './StaleAlert.tsx';
import { ClauseFields, GeneralTextFields, ObligationFields } from './TextFields.tsx';

/** Naskah: the structured editor while the text may change (`actions.editText`), else the text as read. */
export function TextTab({ agreement }: { agreement: AgreementDetail }) {
  return agreement.actions.editText ? (
    <TextEditor key={agreement.id} agreement={agreement} />
  ) : (
    <AgreementTextView agreement={agreement} />
  );
}

/** Ayat are separated by blank lines. */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);

/** The text as it reads: title, Menimbang, Maksud, Ruang lingkup, the Pasal, the obligations per party. */
export function AgreementTextView({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const considerations = (agreement.considerations ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const block = (text: string) =>
    paragraphs(text).map((part) => (
      <Text key={part} size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {part}
      </Text>
    ));
  return (
    <SectionCard
      title={t('agreements.text.title')}
      id="agreement-text"
      hint={t('agreements.text.version', { version: agreement.textVersion })}
    >
      <Title order={3} fz="h4" ta="center" style={{ overflowWrap: 'anywhere' }}>
        {agreement.title}
      </Title>
      {considerations.length > 0 && (
        <div>
          <Title order={3} fz="sm">
            {t('agreements.editor.considerationsHeading')}
          </Title>
          <List type="ordered" listStyleType="lower-alpha" size="sm" spacing={2} mt={4}>
            {considerations.map((line) => (
              <List.Item key={line} style={{ overflowWrap: 'anywhere' }}>
                {line}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {agreement.purpose && (
        <div>
          <Title order={3} fz="sm">
            {t('agreements.editor.purpose')}
          </Title>
          {block(agreement.purpose)}
        </div>
      )}
      {agreement.scope && (
        <div>
          <Title order={3} fz="sm">
            {t('agreements.editor.scope')}
          </Title>
          {block(agreement.scope)}
        </div>
      )}
      {agreement.clauses.length === 0 ? (
        <Text size="sm">{t('agreements.editor.noClauses')}</Text>
      ) : (
        agreement.clauses.map((clause) => (
          <Stack key={clause.id} gap={4} component="article" data-testid="clause">
            <Title order={3} fz="sm" ta="center">
              {t('agreements.editor.clauseNumber', { number: clause.position })}
              <br />
              {clause.heading}
            </Title>
            {block(clause.body)}
          </Stack>
        ))
      )}
      {agreement.obligations.length > 0 && (
        <div>
          <Title order={3} fz="sm">
            {t('agreements.editor.obligations')}
          </Title>
          <List size="sm" spacing={4} mt={4}>
            {agreement.obligations.map((obligation) => (
              <List.Item key={obligation.id} style={{ overflowWrap: 'anywhere' }}>
                <strong>{obligation.organization.name}</strong>: {obligation.description}
                {obligation.dueOn &&
                  ` (${t('agreements.obligations.dueOn', { date: formatDate(obligation.dueOn) })})`}
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </SectionCard>
  );
}

/**
 * The whole text in one form, saved once with the version it was loaded from. A different text becomes a
 * new version (the parties that agreed are asked again); someone else's change first gives a reload prompt.
 */
function TextEditor({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const save = useSaveAgreementText(agreement.id);
  const reloadAgreement = useReloadAgreement(agreement.id);
  const [base, setBase] = useState(agreement);
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  const form = useForm<TextFormValues>({ initialValues: textFormValues(agreement), validate: textRules(t) });

  const load = (next: AgreementDetail) => {
    const values = textFormValues(next);
    form.setInitialValues(values);
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
    setBase(next);
    setStale(false);
  };

  // A newer agreement (another step, or a reload): taken as it is while nothing is typed, else flagged.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the stored version only
  useEffect(() => {
    if (agreement.version === base.version) return;
    if (!form.isDirty() || reloading) load(agreement);
    else setStale(true);
  }, [agreement.version]);

  const reload = async () => {
    setReloading(true);
    try {
      await reloadAgreement();
    } finally {
      setReloading(false);
    }
    setStale(false);
  };
  // After a reload the fresh agreement replaces what was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a reload ends
  useEffect(() => {
    if (!reloading && !stale && agreement.version !== base.version) load(agreement);
  }, [reloading]);

  const submit = form.onSubmit((values) => {
    save.mutate(textRequest(values, base.version), {
      onSuccess: (saved) => {
        if (saved.textVersion > base.textVersion) {
          const askedAgain = saved.parties.some((party) => party.agreementOutdated);
          notifySuccess(
            askedAgain
              ? t('agreements.text.savedAskedAgain', { version: saved.textVersion })
              : t('agreements.text.saved', { version: saved.textVersion }),
          );
        } else notifySuccess(t('agreements.text.unchanged'));
        load(saved);
      },
      onError: (error) => {
        if (isApiError(error) && isStaleVersion(error)) {
          setStale(true);
          return;
        }
        if (isApiError(error) && error.code === 'AGREEMENT_LOCKED') {
          notifyError(error);
          void reloadAgreement();
          return;
        }
        showServerErrors(form, error);
      },
    });
  }, focusFirstError);

  const parties = agreement.parties.map((party) => ({
    id: party.organization.id,
    name: party.organization.name,
  }));
  return (
    <form onSubmit={submit} noValidate data-agreement-editor>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('agreements.text.editing', { version: base.textVersion })}
        </Text>
        <GeneralTextFields form={form} idPrefix="agreement-text" />
        <ClauseFields form={form} idPrefix="agreement-text" />
        <ObligationFields form={form} idPrefix="agreement-text" parties={parties} />
        {stale && <StaleAlert onReload={() => void reload()} reloading={reloading} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" disabled={!form.isDirty() || save.isPending} onClick={() => load(base)}>
            {t('agreements.text.discard')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={stale}>
            {t('agreements.text.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
