import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Person } from '../../../../shared/people.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { api, isApiError } from '../../../lib/api.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { peopleKeys, personPath, usePerson, useUpdatePerson } from '../api/people.ts';
import { PersonFormFields, usePersonForm } from '../components/PersonFormFields.tsx';
import {
  changedFields,
  mergeAfterConflict,
  personFormFrom,
  updateRequest,
} from '../components/personForm.ts';

const FIELD_CONFLICTS = { PERSON_NIK_TAKEN: 'nik', PERSON_REGISTRATION_TAKEN: 'registrationNumber' };

export function PersonEditPage() {
  const { personId = '' } = useParams();
  const query = usePerson(personId);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isApiError(query.error, 'PERSON_NOT_FOUND')) return <StatusPage kind="notFound" />;
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!query.data.canEdit) return <StatusPage kind="forbidden" />;
  // Mounted once per person: a newer version after a conflict is merged into the form, not remounted.
  return <PersonEditForm key={query.data.id} person={query.data} />;
}

function PersonEditForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const updatePerson = useUpdatePerson(person.id);
  // The version the officer is editing: replaced, with her input kept, when she reloads after a conflict.
  const [base, setBase] = useState(person);
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);

  const form = usePersonForm(personFormFrom(person));
  const back = `/warga/${person.id}`;

  const submit = form.onSubmit((values) => {
    const baseValues = personFormFrom(base);
    if (Object.keys(changedFields(baseValues, values)).length === 0) {
      notifySuccess(t('people.form.nothingChanged'));
      return;
    }
    updatePerson.mutate(updateRequest(baseValues, values, base.version), {
      onSuccess: () => {
        notifySuccess(t('people.form.saved'));
        void navigate(back);
      },
      onError: (error) => {
        if (isApiError(error, 'PERSON_CHANGED')) {
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
      const fresh = await api<Person>(personPath(person.id));
      form.setValues(mergeAfterConflict(personFormFrom(base), form.getValues(), personFormFrom(fresh)));
      setBase(fresh);
      queryClient.setQueryData(peopleKeys.detail(fresh.id), fresh);
      setConflict(null);
      notifySuccess(t('people.form.reloaded'));
    } catch (error) {
      notifyError(error);
    } finally {
      setReloading(false);
    }
  };

  return (
    <Stack gap="md" maw={960}>
      <div>
        <BackButton to={back}>{person.displayName}</BackButton>
        <PageHeader title={t('people.form.editTitle', { name: person.displayName })} />
      </div>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PersonFormFields
            form={form}
            personId={person.id}
            domicileLabel={person.domicileVillage?.name ?? null}
          />
          {conflict && (
            <Alert
              color="red"
              title={t('people.form.changedTitle')}
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
          <Group justify="flex-end" gap="sm">
            <Button component={Link} to={back} variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={updatePerson.isPending} disabled={conflict !== null}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
