import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PartnerDetail } from '../../../../shared/partners.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { InfoField } from '../../../components/InfoField.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { accessFor } from '../../../lib/access.ts';
import { isApiError } from '../../../lib/api.ts';
import { EMPTY, formatDate, formatDateTime, orDash } from '../../../lib/format.ts';
import { AgreementKindBadge, AgreementStatusBadge } from '../../agreements/components/AgreementBadges.tsx';
import { useSession } from '../../auth/api/session.ts';
import { OpportunityList } from '../../opportunities/components/OpportunityList.tsx';
import { PlacementPipeline } from '../../placements/components/PlacementPipeline.tsx';
import { usePartner } from '../api/partners.ts';
import { AgreementStatus, SectorBadges, WillingnessBadge } from '../components/badges.tsx';

/** /mitra/:partnerId: the partner's profile, its opportunities and its placements. */
export function PartnerPage() {
  const { partnerId = '' } = useParams();
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const query = usePartner(partnerId);
  const back = access.canReadAllPartners ? (
    <BackButton to="/mitra">{t('partners.page.back')}</BackButton>
  ) : null;
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.code === 'VALIDATION_FAILED')) {
      return <StatusPage kind="notFound" />;
    }
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  return <PartnerView partner={query.data} back={back} />;
}

function PartnerView({ partner, back }: { partner: PartnerDetail; back: ReactNode }) {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const ownOrganization = me.organization.id === partner.id;
  const canAddOpportunity =
    access.canManageOpportunities || (access.canDraftOpportunities && ownOrganization);

  return (
    <Stack gap="md">
      <div>
        {back}
        <PageHeader
          title={partner.name}
          actions={
            partner.canEdit && (
              <Button
                component={Link}
                to={`/mitra/${partner.id}/ubah`}
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {t('partners.page.edit')}
              </Button>
            )
          }
        />
        <Group gap="xs" mt="xs">
          {partner.shortName && (
            <Badge variant="default" radius="sm" tt="none">
              {partner.shortName}
            </Badge>
          )}
          <WillingnessBadge value={partner.willingToEmploy} />
        </Group>
      </div>

      <SectionCard title={t('partners.page.profile')} id="partner-profile">
        <Stack gap="md">
          {partner.description && (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {partner.description}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
            <InfoField label={t('partners.page.type')}>
              {partner.type ? t(`partners.type.${partner.type}`) : EMPTY}
            </InfoField>
            <InfoField label={t('partners.page.sectors')}>
              <SectorBadges sectors={partner.sectors} />
            </InfoField>
            <InfoField label={t('partners.page.village')}>
              {partner.villageId && partner.villageName ? (
                <Anchor component={Link} to={`/desa/${partner.villageId}`} c="blue.9" fw={500}>
                  {partner.villageName}
                </Anchor>
              ) : (
                t('partners.list.outsideProgram')
              )}
            </InfoField>
            <InfoField label={t('partners.page.address')}>{orDash(partner.address)}</InfoField>
            <InfoField label={t('partners.page.phone')}>{orDash(partner.phone)}</InfoField>
            <InfoField label={t('partners.page.email')}>{orDash(partner.email)}</InfoField>
          </SimpleGrid>
          {partner.updatedAt && (
            <Text size="xs" c="dimmed">
              {t('partners.page.updatedAt', { date: formatDateTime(partner.updatedAt) })}
            </Text>
          )}
        </Stack>
      </SectionCard>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <SectionCard title={t('partners.page.willingness')} id="partner-willingness">
          <Stack gap="xs">
            <div>
              <WillingnessBadge value={partner.willingToEmploy} />
            </div>
            {partner.willingnessNote && (
              <InfoField label={t('partners.page.willingnessNote')} size="sm">
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {partner.willingnessNote}
                </Text>
              </InfoField>
            )}
          </Stack>
        </SectionCard>
        <SectionCard title={t('partners.page.agreement')} id="partner-agreement">
          <Stack gap="sm">
            <AgreementStatus partner={partner} withDate={!partner.agreementNumber} />
            {partner.agreementNumber && (
              <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
                <InfoField label={t('partners.page.agreementNumber')} size="sm">
                  {partner.agreementNumber}
                </InfoField>
                <InfoField label={t('partners.page.agreementSignedOn')} size="sm">
                  {formatDate(partner.agreementSignedOn)}
                </InfoField>
                <InfoField label={t('partners.page.agreementExpiresOn')} size="sm">
                  {partner.agreementExpiresOn
                    ? formatDate(partner.agreementExpiresOn)
                    : t('partners.agreement.noEnd')}
                </InfoField>
              </SimpleGrid>
            )}
          </Stack>
        </SectionCard>
      </SimpleGrid>

      {access.canReadAgreements && (
        <SectionCard
          title={t('partners.page.sinergiAgreements')}
          id="partner-sinergi-agreements"
          hint={t('partners.page.sinergiAgreementsHint')}
        >
          <SharedAgreements partner={partner} />
        </SectionCard>
      )}

      <SectionCard title={t('partners.page.contacts')} id="partner-contacts">
        <Contacts partner={partner} />
      </SectionCard>

      <SectionCard
        title={t('partners.page.opportunities')}
        id="partner-opportunities"
        actions={
          canAddOpportunity && (
            <Button
              component={Link}
              to={`/peluang/baru?mitra=${partner.id}`}
              size="xs"
              variant="default"
              leftSection={<IconPlus size={14} aria-hidden />}
            >
              {access.canManageOpportunities ? t('opportunities.list.add') : t('opportunities.list.draft')}
            </Button>
          )
        }
      >
        <OpportunityList partnerId={partner.id} />
      </SectionCard>

      <SectionCard title={t('partners.page.pipeline')} id="partner-pipeline">
        <PlacementPipeline partnerId={partner.id} />
      </SectionCard>
    </Stack>
  );
}

/** The MoU and PKS in Tata kelola that the partner and the caller's organization are both party to. */
function SharedAgreements({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation();
  if (partner.agreements.length === 0) {
    return <Text size="sm">{t('partners.page.noSinergiAgreements')}</Text>;
  }
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {partner.agreements.map((agreement) => (
        <li key={agreement.id}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <AgreementKindBadge kind={agreement.kind} />
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Anchor
                component={Link}
                to={`/tata-kelola/kesepakatan/${agreement.id}`}
                c="blue.9"
                fw={500}
                size="sm"
                style={{ overflowWrap: 'anywhere' }}
              >
                {agreement.title}
              </Anchor>
              <Group gap="xs">
                <AgreementStatusBadge status={agreement.status} />
                {(agreement.validFrom || agreement.validUntil) && (
                  <Text size="xs" c="dimmed">
                    {t('partners.page.sinergiAgreementTerm', {
                      from: formatDate(agreement.validFrom),
                      until: formatDate(agreement.validUntil),
                    })}
                  </Text>
                )}
              </Group>
            </Stack>
          </Group>
        </li>
      ))}
    </Stack>
  );
}

function Contacts({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  if (partner.contacts.length === 0) return <Text size="sm">{t('partners.page.noContacts')}</Text>;
  if (!wide) {
    return (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {partner.contacts.map((contact, index) => (
          // Contacts have no id; their order is their identity on this page.
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in the server's order
          <li key={index}>
            <Text size="sm" fw={600}>
              {contact.name}
            </Text>
            {contact.position && <Text size="sm">{contact.position}</Text>}
            {contact.phone && <Text size="sm">{contact.phone}</Text>}
            {contact.email && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {contact.email}
              </Text>
            )}
          </li>
        ))}
      </Stack>
    );
  }
  return (
    <ScrollTable label={t('partners.page.contacts')} minWidth={560}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('partners.page.contactName')}</Table.Th>
          <Table.Th>{t('partners.page.contactPosition')}</Table.Th>
          <Table.Th>{t('partners.page.contactPhone')}</Table.Th>
          <Table.Th>{t('partners.page.contactEmail')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {partner.contacts.map((contact, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in the server's order
          <Table.Tr key={index}>
            <Table.Td>{contact.name}</Table.Td>
            <Table.Td>{orDash(contact.position)}</Table.Td>
            <Table.Td>{orDash(contact.phone)}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{orDash(contact.email)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
