import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Cohort } from '../../../../shared/cohorts.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { api, isApiError } from '../../../lib/api.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import {
  cohortPath,
  cohortsKeys,
  useCohort,
  useCreateCohort,
  useProgram,
  useUpdateCohort,
} from '../api/cohorts.ts';
import { CohortFormFields, useCohortForm } from '../components/CohortFormFields.tsx';
import { cohortFormFrom, createRequest, emptyCohortForm, updateRequest } from '../components/cohortForm.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Conflicts that belong to one field. */
const FIELD_CONFLICTS = {};

/** /pelatihan/angkatan/baru?program=<id> (a new cohort) and /pelatihan/angkatan/:cohortId/ubah. */
export function CohortFormPage() {
  const { cohortId } = useParams();
  return cohortId ? <CohortEditPage cohortId={cohortId} /> : <CohortCreateForm />;
}

function CohortCreateForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const preselected = params.get('program');
  const form = useCohortForm(emptyCohortForm(preselected && UUID.test(preselected) ? preselected : null));
  const programId = form.getValues().programId;
  const program = useProgram(programId);
  const create = useCreateCohort();
  const capacityTouched = useRef(false);

  // The capacity follows the chosen program's default until the officer types her own.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when another program has loaded
  useEffect(() => {
    if (program.data && !capacityTouched.current)
      form.setFieldValue('capacity', program.data.defaultCapacity);
  }, [program.data?.id]);
  form.watch('capacity', ({ value, previousValue }) => {
    if (program.data && value !== program.data.defaultCapacity && previousValue !== value)
      capacityTouched.current = true;
  });

  const submit = form.onSubmit((values) => {
    create.mutate(createRequest(values), {
      onSuccess: (cohort) => {
        notifySuccess(t('cohorts.form.created'));
        void navigate(`/pelatihan/angkatan/${cohort.id}`);
      },
      onError: (error) => showServerErrors(form, error, { codes: FIELD_CONFLICTS }),
    });
  }, focusFirstError);

  const back =
    programId && preselected === programId ? `/pelatihan/program/${programId}` : '/pelatihan/angkatan';
  return (
    <Stack gap="md" maw={960}>
      <div>
        <BackButton to={back}>
          {program.data && preselected ? program.data.name : t('common.backToList')}
        </BackButton>
        <PageHeader title={t('cohorts.form.createTitle')} />
      </div>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <CohortFormFields form={form} program={program.data} editing={false} />
          <Group justify="flex-end" gap="sm">
            <Button component={Link} to={back} variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('cohorts.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function CohortEditPage({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const query = useCohort(cohortId);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isApiError(query.error, 'TRAINING_COHORT_NOT_FOUND') || isApiError(query.error, 'VALIDATION_FAILED'))
      return <StatusPage kind="notFound" />;
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const cohort = query.data;
  if (!cohort.access.canManage) return <StatusPage kind="forbidden" />;
  if (cohort.status === 'completed' || cohort.status === 'cancelled') {
    return (
      <Stack gap="sm" align="flex-start">
        <BackButton to={`/pelatihan/angkatan/${cohort.id}`}>{cohort.name}</BackButton>
        <PageHeader title={t('cohorts.form.editTitle', { name: cohort.name })} />
        <Text>{t('cohorts.form.notEditable')}</Text>
      </Stack>
    );
  }
  // Mounted once per cohort: a newer version after a conflict is taken as the base, the input is kept.
  return <CohortEditForm key={cohort.id} cohort={cohort} />;
}

function CohortEditForm({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const update = useUpdateCohort(cohort.id);
  const program = useProgram(cohort.program.id);
  const [base, setBase] = useState(cohort);
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const form = useCohortForm(cohortFormFrom(cohort));
  const back = `/pelatihan/angkatan/${cohort.id}`;

  const submit = form.onSubmit((values) => {
    const request = updateRequest(base, values);
    if (Object.keys(request).length === 1) {
      notifySuccess(t('cohorts.form.nothingChanged'));
      return;
    }
    update.mutate(request, {
      onSuccess: () => {
        notifySuccess(t('cohorts.form.saved'));
        void navigate(back);
      },
      onError: (error) => {
        if (isApiError(error, 'COHORT_CHANGED') || isApiError(error, 'VERSION_CONFLICT')) {
          setConflict(error.message);
          return;
        }
        showServerErrors(form, error, { codes: FIELD_CONFLICTS });
      },
    });
  }, focusFirstError);

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await api<Cohort>(cohortPath(cohort.id));
      setBase(fresh);
      queryClient.setQueryData(cohortsKeys.detail(fresh.id), fresh);
      setConflict(null);
    } catch (error) {
      notifyError(error);
    } finally {
      setReloading(false);
    }
  };

  return (
    <Stack gap="md" maw={960}>
      <div>
        <BackButton to={back}>{cohort.name}</BackButton>
        <PageHeader title={t('cohorts.form.editTitle', { name: cohort.name })} />
      </div>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <CohortFormFields
            form={form}
            program={program.data}
            editing
            currentInstructor={cohort.instructor}
          />
          {conflict && (
            <Alert
              color="red"
              title={t('cohorts.form.changedTitle')}
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
                {t('cohorts.form.reload')}
              </Button>
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button component={Link} to={back} variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('cohorts.form.submitEdit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
