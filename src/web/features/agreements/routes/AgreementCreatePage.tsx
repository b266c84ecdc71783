import { Button, Group, Radio, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AgreementKind } from '../../../../shared/agreements.ts';
import { AGREEMENT_TEMPLATES } from '../../../../shared/agreementTemplates.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { accessFor } from '../../../lib/access.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { useOrganizations } from '../../organizations/api/organizations.ts';
import { useAgreements, useCreateAgreement } from '../api/agreements.ts';
import { type CreateFormValues, createFormValues, createRequest } from '../components/agreementForm.ts';
import { partiesRules, textRules } from '../components/formRules.ts';
import { PartyFields, ValidityFields } from '../components/PartyFields.tsx';
import { AGREEMENTS_PATH, agreementPagePath } from '../components/paths.ts';
import { ClauseFields, GeneralTextFields, ObligationFields } from '../components/TextFields.tsx';

/** `?induk=<MoU id>`: a PKS started from its MoU's page. */
const PARENT_KEY = 'induk';

/**
 * /tata-kelola/kesepakatan/baru: a new MoU or PKS as a draft: its kind (and the MoU a PKS hangs under), the
 * text, the parties (the drafter's organization first) and the planned term; the Pasal list starts from the
 * templates of the usual articles.
 */
export function AgreementCreatePage() {
  const me = useSession();
  if (!accessFor(me.permissions).canManageAgreements) return <StatusPage kind="forbidden" />;
  return <CreateForm />;
}

function CreateForm() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreateAgreement();
  const organizations = useOrganizations();
  const presetParent = params.get(PARENT_KEY);

  const form = useForm<CreateFormValues>({
    initialValues: {
      ...createFormValues(me.organization.id, AGREEMENT_TEMPLATES, i18n.language),
      ...(presetParent ? { kind: 'pks' as const, parentId: presetParent } : {}),
    },
    validate: {
      ...textRules(t),
      ...partiesRules(t),
      parentId: (value, values) =>
        values.kind === 'pks' && !value ? t('agreements.create.parentRequired') : null,
    },
  });
  const values = form.getValues();

  // The MoUs a PKS may hang under: those the caller's organization is party to, not terminated.
  const mous = useAgreements({ kind: 'mou', pageSize: 200 }, values.kind === 'pks');
  const mouOptions = (mous.data?.items ?? [])
    .filter(
      (item) => !['terminated', 'discarded'].includes(item.effectiveStatus) || item.id === values.parentId,
    )
    .map((item) => ({ value: item.id, label: item.title }));

  const names = new Map((organizations.data?.items ?? []).map((item) => [item.id, item.name]));
  const partyChoices = values.parties.flatMap((party) =>
    party.organizationId ? [{ id: party.organizationId, name: names.get(party.organizationId) ?? '…' }] : [],
  );

  const submit = form.onSubmit((formValues) => {
    create.mutate(createRequest(formValues), {
      onSuccess: (agreement) => {
        notifySuccess(t('agreements.create.saved'));
        void navigate(agreementPagePath(agreement.id));
      },
      onError: (error) => showServerErrors(form, error),
    });
  }, focusFirstError);

  return (
    <Stack gap="md" maw={1040}>
      <div>
        <BackButton to={AGREEMENTS_PATH}>{t('agreements.backToList')}</BackButton>
        <PageHeader title={t('agreements.create.title')} />
      </div>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SectionCard title={t('agreements.create.kindSection')} id="agreement-create-kind">
            <Radio.Group
              label={t('agreements.create.kind')}
              withAsterisk
              {...form.getInputProps('kind')}
              onChange={(value) => form.setFieldValue('kind', value as AgreementKind)}
            >
              <Stack gap="xs" mt={6}>
                <Radio value="mou" label={t('agreements.kind.mou')} />
                <Radio value="pks" label={t('agreements.kind.pks')} />
              </Stack>
            </Radio.Group>
            {values.kind === 'pks' && (
              <Select
                label={t('agreements.create.parent')}
                description={t('agreements.create.parentHint')}
                placeholder={t('agreements.choose')}
                data={mouOptions}
                searchable
                withAsterisk
                nothingFoundMessage={mous.isPending ? t('common.loading') : t('agreements.create.noMou')}
                {...form.getInputProps('parentId')}
              />
            )}
            {values.kind === 'pks' && mous.isSuccess && mouOptions.length === 0 && (
              <Text size="sm" c="red.9">
                {t('agreements.create.noMou')}
              </Text>
            )}
          </SectionCard>
          <GeneralTextFields form={form} idPrefix="agreement-create" />
          <PartyFields form={form} idPrefix="agreement-create" lockedId={me.organization.id} />
          <ValidityFields form={form} idPrefix="agreement-create" />
          <ClauseFields form={form} idPrefix="agreement-create" />
          <ObligationFields form={form} idPrefix="agreement-create" parties={partyChoices} />
          <Group justify="flex-end" gap="sm">
            <Button component={Link} to={AGREEMENTS_PATH} variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('agreements.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
