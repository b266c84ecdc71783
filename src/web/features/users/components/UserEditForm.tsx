import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UpdateUserRequest, UserSummary } from '../../../../shared/users.ts';
import { isApiError } from '../../../lib/api.ts';
import { showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect.tsx';
import { useUpdateUser } from '../api/users.ts';
import { RoleMultiSelect } from './RoleMultiSelect.tsx';
import { useAllowedRoleFilter, useRoleChoices } from './useRoleChoices.ts';
import { emptyToNull, isEmailLike } from './validation.ts';

interface EditUserValues {
  fullName: string;
  email: string;
  position: string;
  organizationId: string | null;
  roles: string[];
}

/**
 * Edits the profile and roles of one user. Mounted with a key per version, so a newer version from the
 * server (after saving, or after a conflict) starts a fresh form.
 */
export function UserEditForm({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const updateUser = useUpdateUser(user.id);
  const allowedRoles = useAllowedRoleFilter();

  const form = useForm<EditUserValues>({
    initialValues: {
      fullName: user.fullName,
      email: user.email ?? '',
      position: user.position ?? '',
      organizationId: user.organizationId,
      roles: [...user.roles],
    },
    validate: {
      fullName: (value) => (value.trim().length >= 2 ? null : t('common.required')),
      email: (value) => (value.trim() === '' || isEmailLike(value) ? null : t('users.emailInvalid')),
      organizationId: (value) => (value ? null : t('users.organizationRequired')),
      roles: (value) => (value.length > 0 ? null : t('users.rolesRequired')),
    },
  });
  const roleChoices = useRoleChoices(form.values.organizationId);

  const submit = form.onSubmit((values) => {
    const body: UpdateUserRequest = {
      fullName: values.fullName.trim(),
      email: emptyToNull(values.email),
      position: emptyToNull(values.position),
      organizationId: values.organizationId ?? undefined,
      roles: values.roles as UpdateUserRequest['roles'],
      version: user.version,
    };
    updateUser.mutate(body, {
      onSuccess: () => notifySuccess(t('users.saved')),
      onError: (error) => {
        if (isApiError(error, 'VERSION_CONFLICT')) {
          // Someone else saved first: say so, and load their version (which remounts this form).
          notifyError(error);
          void queryClient
            .invalidateQueries({ queryKey: ['users', 'detail', user.id] })
            .then(() => notifySuccess(t('users.reloaded')));
          return;
        }
        showServerErrors(form, error);
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('users.fullName')} {...form.getInputProps('fullName')} />
          <TextInput label={t('users.email')} type="email" {...form.getInputProps('email')} />
          <TextInput label={t('users.position')} {...form.getInputProps('position')} />
          <OrganizationSelect
            label={t('users.organization')}
            {...form.getInputProps('organizationId')}
            onChange={(value) => {
              form.setFieldValue('organizationId', value);
              form.setFieldValue('roles', allowedRoles(value, form.getValues().roles));
            }}
          />
        </SimpleGrid>
        <RoleMultiSelect
          label={t('users.roles')}
          description={t('users.rolesHint')}
          roles={roleChoices}
          {...form.getInputProps('roles')}
        />
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            onClick={() => form.reset()}
            disabled={!form.isDirty() || updateUser.isPending}
          >
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={updateUser.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
