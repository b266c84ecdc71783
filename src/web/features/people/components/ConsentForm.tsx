import { Button, Checkbox, Group, MultiSelect, Paper, Select, Stack, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { RECIPIENT_KINDS, type RecipientKind } from '../../../../shared/consents.ts';
import { FIELD_GROUPS, type FieldGroup } from '../../../../shared/people.ts';
import { DateField } from '../../../components/DateField.tsx';
import { showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useOrganizations } from '../../organizations/api/organizations.ts';
import { useCreateConsent, useDocuments } from '../api/records.ts';
import { todayIso } from './dates.ts';

interface ConsentValues {
  purpose: string;
  recipientOrganizationIds: string[];
  recipientKinds: RecipientKind[];
  fieldGroups: FieldGroup[];
  givenOn: string | null;
  evidenceDocumentId: string | null;
}

const RECIPIENT_ORGANIZATION_KINDS = ['village', 'district', 'partner'] as const;

/** Records a consent: purpose, recipients (organizations or whole kinds), field groups, date, evidence. */
export function ConsentForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateConsent(personId);
  const organizations = useOrganizations();
  const documents = useDocuments(personId);
  const form = useForm<ConsentValues>({
    initialValues: {
      purpose: '',
      recipientOrganizationIds: [],
      recipientKinds: [],
      fieldGroups: [],
      givenOn: todayIso(),
      evidenceDocumentId: null,
    },
    validate: {
      purpose: (value) => (value.trim().length >= 3 ? null : t('common.required')),
      recipientOrganizationIds: (value, values) =>
        value.length === 0 && values.recipientKinds.length === 0 ? t('common.required') : null,
      fieldGroups: (value) => (value.length > 0 ? null : t('common.required')),
      givenOn: (value) => (value ? null : t('common.required')),
    },
  });

  const organizationOptions = RECIPIENT_ORGANIZATION_KINDS.map((kind) => ({
    group: t(`orgKind.${kind}`),
    items: (organizations.data?.items ?? [])
      .filter((organization) => organization.kind === kind)
      .map((organization) => ({ value: organization.id, label: organization.name })),
  })).filter((group) => group.items.length > 0);
  const documentOptions = (documents.data?.items ?? []).map((document) => ({
    value: document.id,
    label: `${document.title} (${t(`records.documents.categories.${document.category}`)})`,
  }));

  const submit = form.onSubmit((values) => {
    if (!values.givenOn) return;
    create.mutate(
      {
        purpose: values.purpose.trim(),
        recipientOrganizationIds: values.recipientOrganizationIds,
        recipientKinds: values.recipientKinds,
        fieldGroups: values.fieldGroups,
        givenOn: values.givenOn,
        evidenceDocumentId: values.evidenceDocumentId,
      },
      {
        onSuccess: () => {
          notifySuccess(t('records.consents.saved'));
          form.reset();
          onDone();
        },
        onError: (error) => showServerErrors(form, error),
      },
    );
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consent-form-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="consent-form-title">
            {t('records.consents.formTitle')}
          </Title>
          <Textarea
            label={t('records.consents.purpose')}
            placeholder={t('records.consents.purposePlaceholder')}
            autosize
            minRows={2}
            maxLength={500}
            withAsterisk
            {...form.getInputProps('purpose')}
          />
          <MultiSelect
            label={t('records.consents.organizations')}
            placeholder={t('records.consents.organizationsPlaceholder')}
            data={organizationOptions}
            searchable
            clearable
            nothingFoundMessage="—"
            {...form.getInputProps('recipientOrganizationIds')}
          />
          <Checkbox.Group label={t('records.consents.kinds')} {...form.getInputProps('recipientKinds')}>
            <Group gap="md" mt={4} wrap="wrap">
              {RECIPIENT_KINDS.map((kind) => (
                <Checkbox key={kind} value={kind} label={t(`records.consents.kindsAll.${kind}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('records.consents.fieldGroups')}
            withAsterisk
            {...form.getInputProps('fieldGroups')}
          >
            <Stack gap={6} mt={4}>
              {FIELD_GROUPS.map((group) => (
                <Checkbox key={group} value={group} label={t(`people.groups.${group}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group grow align="flex-start" wrap="wrap" gap="sm">
            <DateField
              label={t('records.consents.givenOn')}
              maxDate={todayIso()}
              withAsterisk
              miw={180}
              {...form.getInputProps('givenOn')}
            />
            <Select
              label={t('records.consents.evidence')}
              placeholder={t('records.consents.evidencePlaceholder')}
              description={documentOptions.length === 0 ? t('records.consents.evidenceHint') : undefined}
              data={documentOptions}
              clearable
              miw={180}
              {...form.getInputProps('evidenceDocumentId')}
            />
          </Group>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onDone} disabled={create.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('records.consents.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
