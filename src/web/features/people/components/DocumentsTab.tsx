import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDocument } from '../../../../shared/documents.ts';
import type { Person } from '../../../../shared/people.ts';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { accessFor } from '../../../lib/access.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { documentContentUrl, useDeleteDocument, useDocuments } from '../api/records.ts';
import { DocumentUploadForm } from './DocumentUploadForm.tsx';
import { NoteVisibilityBadge } from './NoteVisibilityBadge.tsx';

const sizeNumber = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** 2,4 MB or 830 KB. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${sizeNumber.format(bytes / (1024 * 1024))} MB`;
  return `${sizeNumber.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** Her documents: upload (corrections staff), list with download links, delete with a confirmation. */
export function DocumentsTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const me = useSession();
  const canManage = accessFor(me.permissions).canManageDocuments && person.corrections && !person.anonymized;
  const documents = useDocuments(person.id);
  const remove = useDeleteDocument(person.id);
  const [deleting, setDeleting] = useState<PersonDocument | null>(null);

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifySuccess(t('records.documents.deleted'));
        setDeleting(null);
      },
      onError: (error) => notifyError(error),
    });
  };

  return (
    <Stack gap="md">
      {canManage && <DocumentUploadForm personId={person.id} />}
      <Title order={3} size="h4">
        {t('records.documents.list')}
      </Title>
      {documents.isPending ? (
        <PageLoader />
      ) : documents.isError ? (
        <QueryError error={documents.error} onRetry={() => void documents.refetch()} />
      ) : documents.data.items.length === 0 ? (
        <Text size="sm">{t('records.documents.empty')}</Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {documents.data.items.map((document) => (
            <Paper withBorder p="md" key={document.id} component="li">
              <Stack gap={6}>
                <Group gap="xs" wrap="wrap">
                  <Badge color="blue.9" variant="filled">
                    {t(`records.documents.categories.${document.category}`)}
                  </Badge>
                  <NoteVisibilityBadge visibility={document.visibility} />
                </Group>
                <Anchor
                  href={documentContentUrl(person.id, document.id)}
                  download
                  fw={600}
                  style={{ overflowWrap: 'anywhere' }}
                  aria-label={t('records.documents.download', { title: document.title })}
                >
                  <IconDownload size={16} aria-hidden style={{ verticalAlign: 'text-bottom' }} />{' '}
                  {document.title}
                </Anchor>
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {t('records.documents.meta', {
                    fileName: document.fileName,
                    size: formatFileSize(document.sizeBytes),
                    author: document.uploadedByName,
                    organization: document.organizationName,
                    time: formatDateTime(document.createdAt),
                  })}
                </Text>
                {canManage && (
                  <Group justify="flex-end">
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      leftSection={<IconTrash size={14} aria-hidden />}
                      aria-label={t('records.documents.deleteLabel', { title: document.title })}
                      onClick={() => setDeleting(document)}
                    >
                      {t('records.documents.delete')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      <ConfirmModal
        opened={deleting !== null}
        title={t('records.documents.deleteTitle')}
        confirmLabel={t('records.documents.delete')}
        confirmColor="red"
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      >
        {t('records.documents.deleteText', { title: deleting?.title ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}
