import { z } from 'zod';
import { RECORD_VISIBILITIES } from './notes.ts';

export const DOCUMENT_CATEGORIES = [
  'identity',
  'court_decision',
  'certificate',
  'consent_evidence',
  'guarantee_letter',
  'photo',
  'other',
] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];
/** What may be uploaded: decided from the file's first bytes, never from its name or declared type. */
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];
export const MAX_DOCUMENT_MB = 10;
export const MAX_DOCUMENT_BYTES = MAX_DOCUMENT_MB * 1024 * 1024;

/** The text fields of the multipart upload; the file itself is the part named `file`. */
export const UploadDocumentFields = z.strictObject({
  category: z.enum(DOCUMENT_CATEGORIES),
  title: z.string().trim().min(1).max(200),
  visibility: z.enum(RECORD_VISIBILITIES).default('corrections'),
});
export type UploadDocumentFields = z.input<typeof UploadDocumentFields>;

export const DocumentParams = z.strictObject({ personId: z.uuid(), documentId: z.uuid() });

export const PersonDocument = z
  .object({
    id: z.uuid(),
    category: z.enum(DOCUMENT_CATEGORIES),
    title: z.string(),
    fileName: z.string(),
    mediaType: z.enum(DOCUMENT_MEDIA_TYPES),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    visibility: z.enum(RECORD_VISIBILITIES),
    uploadedByName: z.string(),
    organizationName: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'PersonDocument' });
export type PersonDocument = z.infer<typeof PersonDocument>;

export const DocumentList = z.object({ items: z.array(PersonDocument) });
export type DocumentList = z.infer<typeof DocumentList>;
