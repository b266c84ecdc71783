import type { DocumentCategory, PersonDocument } from '../../../shared/documents.ts';
import type { DocumentRow } from './documents.repository.ts';

export function presentDocument(row: DocumentRow): PersonDocument {
  return {
    id: row.id,
    category: row.category as DocumentCategory,
    title: row.title,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    visibility: row.visibility,
    uploadedByName: row.uploaded_by_name,
    organizationName: row.organization_name,
    createdAt: row.created_at.toISOString(),
  };
}
