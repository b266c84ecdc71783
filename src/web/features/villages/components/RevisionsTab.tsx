import { Badge, Card, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { useVillageRevisions } from '../api/villages.ts';
import { changeText, type Translate } from './revisionText.ts';
import { revisionTime } from './villageFormat.ts';

/** The Riwayat tab: each saved version, when, by whom, and its changes in words; newest first. */
export function RevisionsTab({
  villageId,
  page,
  onPageChange,
}: {
  villageId: string;
  page: number;
  onPageChange: (page: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const revisions = useVillageRevisions(villageId, page);
  const translate = t as unknown as Translate;
  const title = t('villages.revisions.title');

  return (
    <SectionCard title={title} id="village-revisions">
      {revisions.isPending ? (
        <PageLoader />
      ) : revisions.isError ? (
        <QueryError error={revisions.error} onRetry={() => void revisions.refetch()} />
      ) : revisions.data.items.length === 0 ? (
        <Text size="sm">{t('villages.revisions.empty')}</Text>
      ) : (
        <>
          <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={title}>
            {revisions.data.items.map((revision) => (
              <Card
                key={revision.id}
                component="li"
                withBorder
                padding="sm"
                data-testid="revision"
                data-version={revision.version}
              >
                <Group gap="xs" wrap="wrap">
                  <Badge color="blue.9" radius="sm" tt="none">
                    {t('villages.revisions.versionValue', { version: revision.version })}
                  </Badge>
                  <Text size="sm" fw={600}>
                    {revisionTime(revision.changedAt, i18n.language)}
                  </Text>
                  <Text size="sm">
                    {t('villages.revisions.by', {
                      who: revision.changedBy
                        ? `${revision.changedBy.name} (${revision.changedBy.organizationName})`
                        : t('villages.revisions.system'),
                    })}
                  </Text>
                </Group>
                {revision.changes.length === 0 ? (
                  <Text size="sm" mt={6}>
                    {t('villages.revisions.noChanges')}
                  </Text>
                ) : (
                  <List size="sm" spacing={2} mt={6} aria-label={t('villages.revisions.changes')}>
                    {revision.changes.map((change, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a revision's changes never reorder
                      <List.Item key={index} style={{ overflowWrap: 'anywhere' }}>
                        {changeText(change, translate, i18n.language, revisions.data.skills)}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Card>
            ))}
          </Stack>
          <PaginationBar
            page={revisions.data.page}
            pageSize={revisions.data.pageSize}
            total={revisions.data.total}
            onChange={onPageChange}
          />
        </>
      )}
    </SectionCard>
  );
}
