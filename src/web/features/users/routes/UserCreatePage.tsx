import { Button, Group, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CreateUserRequest } from '../../../../shared/users.ts';
import { PASSWORD_MIN_LENGTH, USERNAME_PATTERN } from '../../../../shared/vocabulary.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PasswordField } from '../../../components/PasswordField.tsx';
import { showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect.tsx';
import { useCreateUser } from '../api/users.ts';
import { RoleMultiSelect } from '../components/RoleMultiSelect.tsx';
import { useAllowedRoleFilter, useRoleChoices } from '../components/useRoleChoices.ts';
import { emptyToNull, isEmailLike } from '../components/validation.ts';

interface CreateUserValues {
  username: string;
  fullName: string;
  email: string;
  position: string;
  organizationId: string | null;
  roles: string[];
  password: string;
}

export function UserCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createUser = useCreateUser();
  const allowedRoles = useAllowedRoleFilter();

  const form = useForm<CreateUserValues>({
    initialValues: {
      username: '',
      fullName: '',
      email: '',
      position: '',
      organizationId: null,
      roles: [],
      password: '',
    },
    validate: {
      username: (value) =>
        USERNAME_PATTERN.test(value.trim().toLowerCase()) ? null : t('users.usernameInvalid'),
      fullName: (value) => (value.trim().length >= 2 ? null : t('common.required')),
      email: (value) => (value.trim() === '' || isEmailLike(value) ? null : t('users.emailInvalid')),
      organizationId: (value) => (value ? null : t('users.organizationRequired')),
      roles: (value) => (value.length > 0 ? null : t('users.rolesRequired')),
      password: (value) =>
        value.length >= PASSWORD_MIN_LENGTH ? null : t('password.tooShort', { min: PASSWORD_MIN_LENGTH }),
    },
  });

  const organizationId = form.values.organizationId;
  const roleChoices = useRoleChoices(organizationId);

  const submit = form.onSubmit((values) => {
    if (!values.organizationId) return;
    const body = {
      username: values.username.trim().toLowerCase(),
      fullName: values.fullName.trim(),
      email: emptyToNull(values.email),
      position: emptyToNull(values.position),
      organizationId: values.organizationId,
      roles: values.roles as CreateUserRequest['roles'],
      password: values.password,
    } satisfies CreateUserRequest;
    createUser.mutate(body, {
      onSuccess: (user) => {
        notifySuccess(t('users.created', { username: user.username }));
        void navigate(`/admin/pengguna/${user.id}`, { replace: true });
      },
      onError: (error) => showServerErrors(form, error),
    });
  });

  return (
    <Stack gap="md" maw={760}>
      <div>
        <BackButton to="/admin/pengguna">{t('common.backToList')}</BackButton>
        <PageHeader title={t('users.createTitle')} />
      </div>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('users.username')}
                description={t('users.usernameHint')}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                {...form.getInputProps('username')}
              />
              <TextInput label={t('users.fullName')} {...form.getInputProps('fullName')} />
              <TextInput label={t('users.email')} type="email" {...form.getInputProps('email')} />
              <TextInput label={t('users.position')} {...form.getInputProps('position')} />
            </SimpleGrid>
            <OrganizationSelect
              label={t('users.organization')}
              {...form.getInputProps('organizationId')}
              onChange={(value) => {
                form.setFieldValue('organizationId', value);
                form.setFieldValue('roles', allowedRoles(value, form.getValues().roles));
              }}
            />
            <RoleMultiSelect
              label={t('users.roles')}
              description={t('users.rolesHint')}
              placeholder={organizationId ? undefined : t('users.chooseOrganizationFirst')}
              roles={roleChoices}
              disabled={!organizationId}
              {...form.getInputProps('roles')}
            />
            <PasswordField
              label={t('users.initialPassword')}
              description={t('users.initialPasswordHint')}
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
            <Group justify="flex-end" gap="sm" mt="xs">
              <Button component={Link} to="/admin/pengguna" variant="default">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={createUser.isPending}>
                {t('users.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
