import path from 'node:path';
import type { DocumentMediaType } from '../../../shared/documents.ts';

// The type of an upload is read from its first bytes: a name or a declared Content-Type is whatever the
// sender chose, the content is what a viewer will open.
const SIGNATURES: ReadonlyArray<readonly [DocumentMediaType, readonly number[]]> = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

/** The media type its first bytes prove, or null when they are none of PDF, PNG or JPEG. */
export function detectMediaType(head: Uint8Array): DocumentMediaType | null {
  for (const [type, signature] of SIGNATURES) {
    if (head.length >= signature.length && signature.every((byte, index) => head[index] === byte))
      return type;
  }
  return null;
}

/** How many leading bytes `detectMediaType` needs. */
export const SIGNATURE_BYTES = 8;

const EXTENSIONS: Record<DocumentMediaType, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
};

/** The name to keep for display and download: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string | undefined, type: DocumentMediaType): string {
  // Browsers send a quote in a form's file name as %22 (WHATWG multipart encoding): show it as it was.
  const base = path.posix.basename((name ?? '').replaceAll('%22', '"').replaceAll('\\', '/'));
  const cleaned = base
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? `dokumen${EXTENSIONS[type]}` : cleaned;
}

/**
 * Content-Disposition for a download: `attachment` (never rendered inline), an ASCII fallback name and the
 * exact name as RFC 8187 UTF-8 (`filename*`), so quotes, semicolons or non-Latin letters cannot break it.
 */
export function attachmentHeader(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
