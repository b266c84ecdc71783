import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupEmbedded, mirrorDocuments } from './backup.ts';
import { openDatabase } from './connect.ts';
import { prepareDatabase } from './setup.ts';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('embedded backups', () => {
  it('writes a backup that restores to the same data, keeping only the newest files', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-backup-'));
    folders.push(folder);
    for (const old of ['sinergi-20260101-000000.tar.gz', 'sinergi-20260102-000000.tar.gz', 'notes.txt']) {
      fs.writeFileSync(path.join(folder, old), 'old');
    }
    const source = await openDatabase({ kind: 'embedded', dataDir: null });
    await prepareDatabase(source.db, { demo: false });
    await source.db
      .updateTable('organization')
      .set({ phone: '024-7654321' })
      .where('code', '=', '33.74.13')
      .execute();
    const file = await backupEmbedded(source, folder, 2);
    await source.close();

    expect(path.basename(file)).toMatch(/^sinergi-\d{8}-\d{6}\.tar\.gz$/);
    expect(fs.readdirSync(folder).sort()).toEqual(
      ['notes.txt', 'sinergi-20260102-000000.tar.gz', path.basename(file)].sort(),
    );

    const restored = await openDatabase(
      { kind: 'embedded', dataDir: null },
      { restoreFrom: new Blob([fs.readFileSync(file)]) },
    );
    const kecamatan = await restored.db
      .selectFrom('organization')
      .select('phone')
      .where('code', '=', '33.74.13')
      .executeTakeFirstOrThrow();
    expect(kecamatan.phone).toBe('024-7654321');
    await restored.close();
  });

  it('mirrors the documents folder: new files copied, removed ones removed, other files left alone', () => {
    const source = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-docs-'));
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-mirror-'));
    folders.push(source, target);
    const key = (n: number) => n.toString(16).padStart(32, '0');
    fs.writeFileSync(path.join(source, key(1)), 'first');
    fs.writeFileSync(path.join(source, key(2)), 'second');
    fs.writeFileSync(path.join(source, '.upload-abc.partial'), 'half');
    expect(mirrorDocuments(source, target)).toEqual({ copied: 2, removed: 0 });
    expect(fs.readFileSync(path.join(target, key(2)), 'utf8')).toBe('second');

    // An anonymized person's document is deleted: the next backup must not keep it.
    fs.rmSync(path.join(source, key(1)));
    fs.writeFileSync(path.join(source, key(3)), 'third');
    expect(mirrorDocuments(source, target)).toEqual({ copied: 1, removed: 1 });
    expect(fs.readdirSync(target).sort()).toEqual([key(2), key(3)]);

    // A missing documents folder (an unmounted disk) must not empty the copy.
    expect(() => mirrorDocuments(path.join(source, 'not-mounted'), target)).toThrow(/missing/);
    expect(fs.readdirSync(target).sort()).toEqual([key(2), key(3)]);
  });
});
