import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconCertificate, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CohortResults } from '../../../../shared/results.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { formatDate } from '../../../lib/format.ts';
import { documentContentUrl } from '../../people/api/records.ts';
import { assessablePeople } from './ResultsModel.ts';

/** The certificates of the cohort's people (number, issuer, dates, skill and level, the scanned file). */
export function CertificateList({ data, onAdd }: { data: CohortResults; onAdd: () => void }) {
  const { t } = useTranslation();
  const names = new Map(data.people.map((person) => [person.personId, person.fullName]));
  const certificates = [...data.certificates].sort(
    (a, b) =>
      (names.get(a.personId) ?? '').localeCompare(names.get(b.personId) ?? '', 'id') ||
      b.issuedOn.localeCompare(a.issuedOn),
  );

  return (
    <Stack gap="sm" component="section" aria-labelledby="certificates-title">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Title order={3} size="h4" id="certificates-title">
          {t('attendance.certificates.title')}
        </Title>
        {assessablePeople(data.people).length > 0 && data.programSkills.length > 0 && (
          <Button
            variant="default"
            leftSection={<IconCertificate size={18} aria-hidden />}
            onClick={onAdd}
            mih={44}
          >
            {t('attendance.certificates.add')}
          </Button>
        )}
      </Group>
      {certificates.length === 0 ? (
        <Text size="sm">{t('attendance.certificates.empty')}</Text>
      ) : (
        <ScrollTable label={t('attendance.certificates.list')} minWidth={900}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('attendance.certificates.person')}</Table.Th>
              <Table.Th scope="col">{t('attendance.certificates.number')}</Table.Th>
              <Table.Th scope="col">{t('attendance.certificates.issuer')}</Table.Th>
              <Table.Th scope="col">{t('attendance.certificates.issuedOn')}</Table.Th>
              <Table.Th scope="col">{t('attendance.certificates.validUntil')}</Table.Th>
              <Table.Th scope="col">{t('attendance.certificates.skill')}</Table.Th>
              <Table.Th scope="col">{t('attendance.certificates.file')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {certificates.map((certificate) => (
              <Table.Tr key={certificate.id}>
                <Table.Td>{names.get(certificate.personId) ?? ''}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{certificate.number}</Table.Td>
                <Table.Td>{certificate.issuer}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(certificate.issuedOn)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(certificate.validUntil)}</Table.Td>
                <Table.Td>
                  {t('attendance.certificates.skillLevel', {
                    skill: certificate.skillName,
                    level: t(`people.vocab.skillLevel.${certificate.level}`),
                  })}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {certificate.documentId ? (
                    <Anchor
                      href={documentContentUrl(certificate.personId, certificate.documentId)}
                      download
                      aria-label={t('attendance.certificates.downloadLabel', { number: certificate.number })}
                    >
                      <IconDownload size={16} aria-hidden style={{ verticalAlign: 'text-bottom' }} />{' '}
                      {t('attendance.certificates.download')}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('attendance.certificates.noFile')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}
