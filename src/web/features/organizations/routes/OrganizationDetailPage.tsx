import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BackButton } from '../../../components/BackButton.tsx';
import { InfoField } from '../../../components/InfoField.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { isApiError } from '../../../lib/api.ts';
import { EMPTY, orDash } from '../../../lib/format.ts';
import { useOrganization } from '../api/organizations.ts';
import { OrganizationKindBadge } from '../components/OrganizationKindBadge.tsx';

export function OrganizationDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const organization = useOrganization(id);

  const back = <BackButton to="/organisasi">{t('organizations.back')}</BackButton>;

  if (organization.isPending) return <PageLoader />;
  if (organization.isError) {
    // Out of reach (another partner, for a partner) or unknown: the same page as any unknown address.
    if (isApiError(organization.error) && organization.error.status === 404)
      return <StatusPage kind="notFound" />;
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <QueryError error={organization.error} onRetry={() => void organization.refetch()} />
      </Stack>
    );
  }

  const org = organization.data;
  return (
    <Stack gap="lg">
      <div>
        {back}
        <PageHeader title={org.name} actions={<OrganizationKindBadge kind={org.kind} />} />
      </div>

      <Paper withBorder p="md">
        <Title order={2} fz="h4" mb="sm">
          {t('organizations.details')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <InfoField label={t('organizations.kindLabel')}>{t(`orgKind.${org.kind}`)}</InfoField>
          <InfoField label={t('organizations.code')}>{orDash(org.code)}</InfoField>
          <InfoField label={t('organizations.parent')}>
            {org.parentId && org.parentName ? (
              <Anchor component={Link} to={`/organisasi/${org.parentId}`}>
                {org.parentName}
              </Anchor>
            ) : (
              EMPTY
            )}
          </InfoField>
          <InfoField label={t('organizations.address')}>{orDash(org.address)}</InfoField>
          <InfoField label={t('organizations.phone')}>
            {org.phone ? (
              <Anchor href={`tel:${org.phone.replace(/[^\d+]/g, '')}`}>{org.phone}</Anchor>
            ) : (
              EMPTY
            )}
          </InfoField>
          <InfoField label={t('organizations.email')}>
            {org.email ? <Anchor href={`mailto:${org.email}`}>{org.email}</Anchor> : EMPTY}
          </InfoField>
          <InfoField label={t('organizations.userCount')}>{org.userCount}</InfoField>
        </SimpleGrid>
      </Paper>

      <div>
        <Title order={2} fz="h4" mb="sm">
          {t('organizations.contacts')}
        </Title>
        {org.contacts.length === 0 ? (
          <Text size="sm">{t('organizations.noContacts')}</Text>
        ) : (
          <ScrollTable label={t('organizations.contacts')} minWidth={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organizations.contactName')}</Table.Th>
                <Table.Th>{t('organizations.contactPosition')}</Table.Th>
                <Table.Th>{t('organizations.phone')}</Table.Th>
                <Table.Th>{t('organizations.email')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {org.contacts.map((contact) => (
                <Table.Tr key={[contact.name, contact.position, contact.phone, contact.email].join('|')}>
                  <Table.Td>{contact.name}</Table.Td>
                  <Table.Td>{orDash(contact.position)}</Table.Td>
                  <Table.Td>{orDash(contact.phone)}</Table.Td>
                  <Table.Td>{orDash(contact.email)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </div>

      {org.children.length > 0 && (
        <div>
          <Group justify="space-between" mb="sm">
            <Title order={2} fz="h4">
              {t('organizations.children')}
            </Title>
            <Text size="sm">{t('common.total', { count: org.children.length })}</Text>
          </Group>
          <ScrollTable label={t('organizations.children')} minWidth={480}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organizations.code')}</Table.Th>
                <Table.Th>{t('organizations.childName')}</Table.Th>
                <Table.Th>{t('organizations.kindLabel')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {org.children.map((child) => (
                <Table.Tr key={child.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{orDash(child.code)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/organisasi/${child.id}`}>
                      {child.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`orgKind.${child.kind}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </div>
      )}
    </Stack>
  );
}
