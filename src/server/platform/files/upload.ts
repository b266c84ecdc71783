import type { FastifyRequest } from 'fastify';
import type { DocumentStore, ReceivedFile } from './storage.ts';

/** A multipart upload as read: its text fields and the part named `file`, already in a temporary file. */
export interface Upload {
  fields: Record<string, string>;
  file: (ReceivedFile & { fileName: string | undefined }) | null;
}

/** Reads the form of an upload request, streaming the file to disk (never whole into memory). */
export async function readUpload(
  request: FastifyRequest,
  store: DocumentStore,
  maxBytes: number,
): Promise<Upload> {
  const fields: Record<string, string> = {};
  let file: Upload['file'] = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          part.file.resume();
          continue;
        }
        file = { ...(await store.receive(part.file, maxBytes)), fileName: part.filename };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    if (file) await store.discard(file);
    throw error;
  }
  return { fields, file };
}
