import {
  Button,
  FileInput,
  Group,
  Modal,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFileUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_MB } from '../../../../shared/documents.ts';
import { SKILL_LEVELS } from '../../../../shared/people.ts';
import type { CohortResults } from '../../../../shared/results.ts';
import { DateField } from '../../../components/DateField.tsx';
import { ApiError, isApiError } from '../../../lib/api.ts';
import { showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { useUploadDocument } from '../../people/api/records.ts';
import { todayIso } from '../../people/components/dates.ts';
import { optionsOf } from '../../people/components/vocabulary.ts';
import { useCreateCertificate } from '../api/results.ts';
import { assessablePeople, defaultLevel } from './ResultsModel.ts';

type Level = (typeof SKILL_LEVELS)[number];

interface CertificateValues {
  enrolmentId: string | null;
  skillId: string | null;
  level: Level | null;
  number: string;
  issuer: string;
  issuedOn: string | null;
  validUntil: string | null;
  file: File | null;
}

interface CertificateFormModalProps {
  cohortId: string;
  data: CohortResults;
  /** The person it is for; null lets the officer choose. */
  enrolmentId: string | null;
  onClose: () => void;
}

const ACCEPTED = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

/**
 * "Tambah sertifikat": skill and level (from the program), number, issuer, dates, and an optional scanned
 * file. The file is uploaded first as her document (category certificate), then the certificate refers to it.
 */
export function CertificateFormModal({ cohortId, data, enrolmentId, onClose }: CertificateFormModalProps) {
  const { t } = useTranslation();
  const me = useSession();
  const firstSkill = data.programSkills[0]?.skillId ?? null;
  const form = useForm<CertificateValues>({
    initialValues: {
      enrolmentId,
      skillId: firstSkill,
      level: defaultLevel(data.programSkills, firstSkill),
      number: '',
      issuer: data.certificationBody ?? '',
      issuedOn: null,
      validUntil: null,
      file: null,
    },
    validate: {
      enrolmentId: (value) => (value ? null : t('common.required')),
      skillId: (value) => (value ? null : t('common.required')),
      level: (value) => (value ? null : t('common.required')),
      number: (value) => (value.trim() ? null : t('common.required')),
      issuer: (value) => (value.trim() ? null : t('common.required')),
      issuedOn: (value) => (value ? null : t('common.required')),
      file: (file) => (file && file.size > MAX_DOCUMENT_BYTES ? t('records.documents.tooLarge') : null),
    },
  });
  const person = data.people.find((item) => item.enrolmentId === form.values.enrolmentId);
  const personId = person?.personId ?? '';
  const upload = useUploadDocument(personId);
  const create = useCreateCertificate(cohortId);
  const [progress, setProgress] = useState(0);
  // A file uploaded before a refused certificate is reused on the next try instead of uploaded twice.
  const uploaded = useRef<{ file: File; personId: string; documentId: string } | null>(null);

  const showErrors = (error: unknown) => {
    // The form names her by enrolment and the file by its field; the server by personId / documentId.
    if (isApiError(error) && error.fields) {
      const { personId: personError, documentId: documentError, ...fields } = error.fields;
      if (personError) fields.enrolmentId = personError;
      if (documentError) fields.file = documentError;
      const renamed = new ApiError(error.status, {
        code: error.code,
        message: error.message,
        fields,
        correlationId: error.correlationId,
      });
      showServerErrors(form, renamed);
      return;
    }
    showServerErrors(form, error, { codes: { DOCUMENT_TOO_LARGE: 'file' } });
  };

  const submit = form.onSubmit(async (values) => {
    if (!person || !values.skillId || !values.level || !values.issuedOn) return;
    const number = values.number.trim();
    let documentId: string | null = null;
    try {
      if (values.file) {
        const previous = uploaded.current;
        if (previous && previous.file === values.file && previous.personId === person.personId) {
          documentId = previous.documentId;
        } else {
          setProgress(0);
          const document = await upload.mutateAsync({
            file: values.file,
            category: 'certificate',
            title: t('attendance.certificates.documentTitle', { number }),
            visibility: 'corrections',
            csrfToken: me.csrfToken,
            onProgress: setProgress,
          });
          documentId = document.id;
          uploaded.current = { file: values.file, personId: person.personId, documentId };
        }
      }
      await create.mutateAsync({
        personId: person.personId,
        enrolmentId: person.enrolmentId,
        skillId: values.skillId,
        level: values.level,
        number,
        issuer: values.issuer.trim(),
        issuedOn: values.issuedOn,
        validUntil: values.validUntil,
        documentId,
      });
      notifySuccess(t('attendance.certificates.saved', { number }));
      onClose();
    } catch (error) {
      showErrors(error);
    }
  });

  const busy = upload.isPending || create.isPending;
  const percent = Math.round(progress * 100);
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        enrolmentId && person
          ? t('attendance.certificates.addFor', { name: person.fullName })
          : t('attendance.certificates.add')
      }
      size="lg"
      closeOnClickOutside={false}
    >
      {data.programSkills.length === 0 ? (
        <Text size="sm">{t('attendance.certificates.noSkills')}</Text>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {enrolmentId === null && (
              <Select
                label={t('attendance.certificates.person')}
                data={assessablePeople(data.people).map((item) => ({
                  value: item.enrolmentId,
                  label: item.fullName,
                }))}
                searchable
                withAsterisk
                {...form.getInputProps('enrolmentId')}
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('attendance.certificates.skill')}
                data={data.programSkills.map((skill) => ({ value: skill.skillId, label: skill.name }))}
                allowDeselect={false}
                withAsterisk
                {...form.getInputProps('skillId')}
                onChange={(skillId) => {
                  form.setFieldValue('skillId', skillId);
                  form.setFieldValue('level', defaultLevel(data.programSkills, skillId));
                }}
              />
              <Select
                label={t('attendance.certificates.level')}
                data={optionsOf(SKILL_LEVELS, (level) => t(`people.vocab.skillLevel.${level}`))}
                allowDeselect={false}
                withAsterisk
                {...form.getInputProps('level')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('attendance.certificates.number')}
                maxLength={100}
                withAsterisk
                {...form.getInputProps('number')}
              />
              <TextInput
                label={t('attendance.certificates.issuer')}
                maxLength={200}
                withAsterisk
                {...form.getInputProps('issuer')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <DateField
                label={t('attendance.certificates.issuedOn')}
                maxDate={todayIso()}
                withAsterisk
                {...form.getInputProps('issuedOn')}
              />
              <DateField
                label={t('attendance.certificates.validUntil')}
                minDate={form.values.issuedOn ?? undefined}
                clearable
                {...form.getInputProps('validUntil')}
              />
            </SimpleGrid>
            <FileInput
              label={t('attendance.certificates.fileLabel')}
              placeholder={t('attendance.certificates.filePlaceholder')}
              description={t('attendance.certificates.fileHint', { maxMb: MAX_DOCUMENT_MB })}
              accept={ACCEPTED}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clearSelection') }}
              leftSection={<IconFileUpload size={16} aria-hidden />}
              {...form.getInputProps('file')}
            />
            {upload.isPending && (
              <Stack gap={4}>
                <Progress value={percent} aria-label={t('attendance.certificates.uploading', { percent })} />
                <Text size="xs" c="dimmed" aria-live="polite">
                  {t('attendance.certificates.uploading', { percent })}
                </Text>
              </Stack>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose} disabled={busy} mih={44}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} mih={44}>
                {t('attendance.certificates.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
