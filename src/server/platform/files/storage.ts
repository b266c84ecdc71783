import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { chmod, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SIGNATURE_BYTES } from './media.ts';

/** An upload written to a temporary file in the documents folder, not yet kept. */
export interface ReceivedFile {
  tempPath: string;
  size: number;
  sha256: string;
  /** The first bytes, to read the type from. */
  head: Buffer;
  /** More than `maxBytes` arrived: the temporary file holds only the beginning. */
  tooLarge: boolean;
}

/**
 * Files of uploaded documents, under one folder, each named by a random key (never the sender's name), owner
 * readable only. Written to a temporary file first and renamed into place once the database row exists.
 */
export interface DocumentStore {
  receive(stream: NodeJS.ReadableStream, maxBytes: number): Promise<ReceivedFile>;
  /** Moves a received file to its key; returns the key. */
  keep(file: ReceivedFile): Promise<string>;
  discard(file: ReceivedFile): Promise<void>;
  remove(key: string): Promise<void>;
  /** The file of a key with its size, or null when it is not on disk. */
  open(key: string): Promise<{ stream: ReadStream; size: number } | null>;
}

const KEY = /^[0-9a-f]{32}$/;

export function createDocumentStore(dir: string): DocumentStore {
  const pathOf = (key: string) => {
    // Keys are ours, but a path is only ever built from a key of this shape.
    if (!KEY.test(key)) throw new Error('invalid document key');
    return path.join(dir, key);
  };
  const ensureDir = async () => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  };

  return {
    async receive(stream, maxBytes) {
      await ensureDir();
      const tempPath = path.join(dir, `.upload-${randomBytes(12).toString('hex')}.partial`);
      const hash = createHash('sha256');
      const head: Buffer[] = [];
      let headLength = 0;
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          // Past the limit nothing more is written; the rest is drained so the form's other parts still arrive.
          if (size > maxBytes) return done();
          hash.update(chunk);
          if (headLength < SIGNATURE_BYTES) {
            head.push(chunk);
            headLength += chunk.length;
          }
          done(null, chunk);
        },
      });
      try {
        await pipeline(stream, meter, createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
      } catch (error) {
        await rm(tempPath, { force: true });
        throw error;
      }
      const truncated = (stream as { truncated?: boolean }).truncated === true;
      return {
        tempPath,
        size,
        sha256: hash.digest('hex'),
        head: Buffer.concat(head).subarray(0, SIGNATURE_BYTES),
        tooLarge: truncated || size > maxBytes,
      };
    },

    async keep(file) {
      const key = randomBytes(16).toString('hex');
      const target = pathOf(key);
      await rename(file.tempPath, target);
      // The umask set by main.ts already gives 0600; say so explicitly for stores made elsewhere.
      await chmod(target, 0o600);
      return key;
    },

    async discard(file) {
      await rm(file.tempPath, { force: true });
    },

    async remove(key) {
      await rm(pathOf(key), { force: true });
    },

    async open(key) {
      const file = pathOf(key);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return null;
      return { stream: createReadStream(file), size: info.size };
    },
  };
}
