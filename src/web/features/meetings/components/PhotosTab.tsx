import {
  ActionIcon,
  Button,
  Card,
  FileInput,
  Group,
  Image,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_PHOTO_BYTES,
  MAX_PHOTO_MB,
  type MeetingPhoto,
  PHOTO_MEDIA_TYPES,
} from '../../../../shared/meetings.ts';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { focusFirstError } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { photoContentPath, useRemovePhoto, useUpdatePhoto, useUploadPhoto } from '../api/meetings.ts';
import { useMeetingPage } from './MeetingPageContext.tsx';

const ACCEPTED = `${PHOTO_MEDIA_TYPES.join(',')},.jpg,.jpeg,.png`;

/**
 * Dokumentasi: the meeting's photos with their captions (the caption is each image's text alternative). The
 * organizer's staff upload JPEG or PNG photos (the server judges the type by content), change a caption and
 * remove a photo.
 */
export function PhotosTab() {
  const { t } = useTranslation();
  const { meeting } = useMeetingPage();
  const [captioning, setCaptioning] = useState<MeetingPhoto | null>(null);
  const [removing, setRemoving] = useState<MeetingPhoto | null>(null);
  const remove = useRemovePhoto(meeting.id);
  const { onError } = useMeetingPage();

  return (
    <Stack gap="sm">
      <Title order={2} fz="h4">
        {t('meetings.photos.title')}
      </Title>
      {meeting.canEdit && <PhotoUploadForm />}
      {meeting.photos.length === 0 ? (
        <Text size="sm">{t('meetings.photos.empty')}</Text>
      ) : (
        <SimpleGrid
          cols={{ base: 1, xs: 2, md: 3 }}
          spacing="sm"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {meeting.photos.map((photo, index) => {
            const alt = photo.caption ?? t('meetings.photos.untitled', { number: index + 1 });
            return (
              <Card key={photo.id} component="li" withBorder padding="xs" data-photo-id={photo.id}>
                <Card.Section>
                  <Image
                    src={photoContentPath(meeting.id, photo.id)}
                    alt={alt}
                    h={200}
                    fit="cover"
                    loading="lazy"
                  />
                </Card.Section>
                <Group justify="space-between" align="flex-start" gap="xs" mt="xs" wrap="nowrap">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {photo.caption ?? t('meetings.photos.noCaption')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('meetings.photos.uploaded', {
                        name: photo.uploadedBy ?? '—',
                        date: formatDateTime(photo.uploadedAt),
                      })}
                    </Text>
                  </div>
                  {meeting.canEdit && (
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        color="dark"
                        size="lg"
                        aria-label={t('meetings.photos.editCaptionOf', { caption: alt })}
                        onClick={() => setCaptioning(photo)}
                      >
                        <IconPencil size={18} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red.9"
                        size="lg"
                        aria-label={t('meetings.photos.removeOf', { caption: alt })}
                        onClick={() => setRemoving(photo)}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Group>
                  )}
                </Group>
              </Card>
            );
          })}
        </SimpleGrid>
      )}

      <Modal
        opened={captioning !== null}
        onClose={() => setCaptioning(null)}
        title={t('meetings.photos.editCaption')}
        centered
      >
        {captioning && (
          <CaptionForm key={captioning.id} photo={captioning} onClose={() => setCaptioning(null)} />
        )}
      </Modal>
      <ConfirmModal
        opened={removing !== null}
        title={t('meetings.photos.removeTitle')}
        confirmLabel={t('meetings.photos.remove')}
        confirmColor="red.9"
        loading={remove.isPending}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              notifySuccess(t('meetings.photos.removed'));
              setRemoving(null);
            },
            onError: (error) => {
              onError(error);
              setRemoving(null);
            },
          })
        }
        onClose={() => setRemoving(null)}
      >
        {t('meetings.photos.removeText')}
      </ConfirmModal>
    </Stack>
  );
}

interface UploadValues {
  file: File | null;
  caption: string;
}

function PhotoUploadForm() {
  const { t } = useTranslation();
  const me = useSession();
  const { meeting, onError } = useMeetingPage();
  const upload = useUploadPhoto(meeting.id);
  const form = useForm<UploadValues>({
    initialValues: { file: null, caption: '' },
    validate: {
      file: (file) => {
        if (!file) return t('common.required');
        if (file.size > MAX_PHOTO_BYTES) return t('meetings.photos.tooLarge', { maxMb: MAX_PHOTO_MB });
        return null;
      },
    },
  });
  const submit = form.onSubmit((values) => {
    if (!values.file) return;
    upload.mutate(
      { file: values.file, caption: values.caption.trim(), csrfToken: me.csrfToken },
      {
        onSuccess: () => {
          notifySuccess(t('meetings.photos.uploadedDone'));
          form.reset();
        },
        onError: (error) =>
          onError(error, form, {
            codes: { MEETING_PHOTO_TOO_LARGE: 'file', MEETING_MULTIPART_REQUIRED: 'file' },
          }),
      },
    );
  }, focusFirstError);
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="photo-upload-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} fz="sm" id="photo-upload-title">
            {t('meetings.photos.uploadTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <FileInput
              label={t('meetings.photos.file')}
              description={t('meetings.photos.fileHint', { maxMb: MAX_PHOTO_MB })}
              placeholder={t('meetings.photos.filePlaceholder')}
              accept={ACCEPTED}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clearSelection') }}
              withAsterisk
              leftSection={<IconPhotoUp size={16} aria-hidden />}
              {...form.getInputProps('file')}
            />
            <TextInput
              label={t('meetings.photos.caption')}
              description={t('meetings.photos.captionHint')}
              maxLength={300}
              {...form.getInputProps('caption')}
            />
          </SimpleGrid>
          <div>
            <Button
              type="submit"
              loading={upload.isPending}
              leftSection={<IconPhotoUp size={16} aria-hidden />}
            >
              {t('meetings.photos.upload')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

function CaptionForm({ photo, onClose }: { photo: MeetingPhoto; onClose: () => void }) {
  const { t } = useTranslation();
  const { meeting, onError } = useMeetingPage();
  const update = useUpdatePhoto(meeting.id);
  const form = useForm({ initialValues: { caption: photo.caption ?? '' } });
  const submit = form.onSubmit(({ caption }) =>
    update.mutate(
      { fileId: photo.id, caption: caption.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('meetings.photos.captionSaved'));
          onClose();
        },
        onError: (error) => onError(error, form),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('meetings.photos.caption')}
          description={t('meetings.photos.captionHint')}
          maxLength={300}
          {...form.getInputProps('caption')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
