import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { WorkPlan } from '../../../../shared/workplans.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { accessFor } from '../../../lib/access.ts';
import { EMPTY } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { useCreateWorkPlan, useWorkPlanOptions } from '../api/workplans.ts';
import { PlanFields, type PlanFieldValues, planValidation } from '../components/PlanFields.tsx';
import { workPlanPath } from './WorkPlanListPage.tsx';

const LIST_PATH = '/tata-kelola/program-teknis';

/**
 * /tata-kelola/program-teknis/baru: a new plan under an agreement the caller's organization is a party of
 * (`?kesepakatan=<id>` chooses it, from the agreement's page). Activities and targets come after, on the plan.
 */
export function WorkPlanCreatePage() {
  const { t } = useTranslation();
  const me = useSession();
  const options = useWorkPlanOptions(undefined, accessFor(me.permissions).canManageWorkPlans);
  if (!accessFor(me.permissions).canManageWorkPlans) return <StatusPage kind="forbidden" />;

  return (
    <Stack gap="md" maw={820}>
      <div>
        <BackButton to={LIST_PATH}>{t('workplans.create.back')}</BackButton>
        <PageHeader title={t('workplans.create.title')} />
        <Text size="sm" mt={4}>
          {t('workplans.create.intro')}
        </Text>
      </div>
      {options.isPending ? (
        <PageLoader />
      ) : options.isError ? (
        <QueryError error={options.error} onRetry={() => void options.refetch()} />
      ) : options.data.agreements.length === 0 ? (
        <Alert color="blue.9" variant="filled" icon={<IconInfoCircle aria-hidden />}>
          <Text size="sm">{t('workplans.create.noAgreements')}</Text>
          <Button
            mt="xs"
            size="xs"
            variant="white"
            color="dark"
            component={Link}
            to="/tata-kelola/kesepakatan"
          >
            {t('workplans.create.toAgreements')}
          </Button>
        </Alert>
      ) : (
        <CreateForm agreements={options.data.agreements} />
      )}
    </Stack>
  );
}

function CreateForm({ agreements }: { agreements: { id: string; kind: 'mou' | 'pks'; title: string }[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreateWorkPlan();
  const asked = params.get('kesepakatan');
  const [initial] = useState<PlanFieldValues>(() => ({
    agreementId: agreements.some((agreement) => agreement.id === asked) ? asked : null,
    title: '',
    objectives: '',
    periodStart: null,
    periodEnd: null,
  }));
  const form = useForm<PlanFieldValues>({
    initialValues: initial,
    validate: planValidation(t('common.required'), t('workplans.create.endBeforeStart')),
  });

  const submit = form.onSubmit((values) => {
    create.mutate(
      {
        agreementId: values.agreementId ?? '',
        title: values.title.trim(),
        objectives: values.objectives.trim() || null,
        periodStart: values.periodStart ?? '',
        periodEnd: values.periodEnd ?? '',
      },
      {
        onSuccess: (plan: WorkPlan) => {
          notifySuccess(t('workplans.create.created', { title: plan.title }));
          navigate(workPlanPath(plan.id));
        },
        onError: (error) => showServerErrors(form, error),
      },
    );
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SectionCard title={t('workplans.title')} id="work-plan-new">
          <Select
            label={t('workplans.create.agreement')}
            description={t('workplans.create.agreementHint')}
            placeholder={t('workplans.choose')}
            data={agreements.map((agreement) => ({
              value: agreement.id,
              label: `${t(`workplans.agreementKind.${agreement.kind}`)} · ${agreement.title}`,
            }))}
            searchable
            withAsterisk
            nothingFoundMessage={EMPTY}
            {...form.getInputProps('agreementId')}
          />
          <PlanFields form={form} />
        </SectionCard>
        <Group justify="flex-end" gap="sm">
          <Button component={Link} to={LIST_PATH} variant="default">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('workplans.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
