import { afterEach, describe, expect, it, vi } from 'vitest';
import { csvDialect, csvField, csvFileName, downloadCsv, HIDDEN_COUNT, toCsv } from './csv.ts';

const BOM = '\uFEFF';

describe('toCsv', () => {
  const columns = [
    { key: 'village', label: 'Kelurahan' },
    { key: 'placed', label: 'Ditempatkan', numeric: true },
    { key: 'rate', label: 'Persentase (%)', numeric: true, percent: true },
  ] as const;

  it('writes a BOM, a header and one CRLF-ended line per row', () => {
    const csv = toCsv(columns, [
      { village: 'Gisikdrono', placed: 12, rate: 45.5 },
      { village: 'Kembangarum', placed: 0, rate: 0 },
    ]);
    expect(csv).toBe(
      `${BOM}Kelurahan,Ditempatkan,Persentase (%)\r\nGisikdrono,12,45.5\r\nKembangarum,0,0\r\n`,
    );
  });

  it('writes hidden counts as "< 5", unknown percentages and missing text as empty cells', () => {
    const csv = toCsv(columns, [{ village: null, placed: null, rate: null }, { placed: 7 }]);
    expect(csv.split('\r\n').slice(1, 3)).toEqual([`,${HIDDEN_COUNT},`, ',7,']);
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180), and only those', () => {
    const csv = toCsv(
      [{ key: 'a', label: 'Nama, lengkap' }],
      [{ a: 'Toko "Maju"' }, { a: 'baris\nkedua' }, { a: 'a\r\nb' }, { a: 'polos' }],
    );
    expect(csv).toBe(`${BOM}"Nama, lengkap"\r\n"Toko ""Maju"""\r\n"baris\nkedua"\r\n"a\r\nb"\r\npolos\r\n`);
  });

  it('keeps a spreadsheet from running text as a formula', () => {
    const rows = ['=SUM(A1:A9)', '+62 24', '-1+1', '@cmd', '\tx', '\rx', 'a=b'].map((a) => ({ a }));
    const lines = toCsv([{ key: 'a', label: '=header' }], rows)
      .slice(1)
      .split('\r\n');
    expect(lines).toEqual([
      "'=header",
      "'=SUM(A1:A9)",
      "'+62 24",
      "'-1+1",
      "'@cmd",
      "'\tx",
      // A carriage return inside a field: quoted, after the apostrophe.
      `"'\rx"`,
      'a=b',
      '',
    ]);
  });

  it('writes negative and fractional numbers as numbers, not as guarded text', () => {
    const csv = toCsv([{ key: 'n', label: 'n', numeric: true }], [{ n: -3 }, { n: 0.25 }, { n: Number.NaN }]);
    expect(csv).toBe(`${BOM}n\r\n-3\r\n0.25\r\n\r\n`);
  });

  it('says " (%)" in a percentage column header, once', () => {
    const csv = toCsv(
      [
        { key: 'a', label: 'Konversi dari tahap sebelumnya', numeric: true, percent: true },
        { key: 'b', label: 'Bekerja 12 bulan (%)', numeric: true, percent: true },
        { key: 'c', label: 'Kembali %', numeric: true, percent: true },
        { key: 'd', label: 'Jumlah', numeric: true },
      ],
      [],
    );
    expect(csv).toBe(`${BOM}Konversi dari tahap sebelumnya (%),Bekerja 12 bulan (%),Kembali %,Jumlah\r\n`);
  });
});

describe('toCsv in Indonesian (Excel with Indonesian settings)', () => {
  const columns = [
    { key: 'village', label: 'Kelurahan' },
    { key: 'placed', label: 'Ditempatkan', numeric: true },
    { key: 'rate', label: 'Bagian', numeric: true, percent: true },
  ] as const;

  it('separates with ";" and writes a decimal comma; integers stay ungrouped', () => {
    const csv = toCsv(
      columns,
      [
        { village: 'Gisikdrono', placed: 12345, rate: 45.5 },
        { village: 'Kembangarum', placed: null, rate: 100 },
        { village: 'Ngemplak', placed: -3, rate: null },
      ],
      'id',
    );
    expect(csv).toBe(
      `${BOM}Kelurahan;Ditempatkan;Bagian (%)\r\nGisikdrono;12345;45,5\r\nKembangarum;< 5;100\r\nNgemplak;-3;\r\n`,
    );
  });

  it('quotes text holding ";" (a comma alone needs no quotes), and still guards formulas', () => {
    const csv = toCsv([{ key: 'a', label: 'Nama; lengkap' }], [{ a: 'Toko, Maju' }, { a: '=1;2' }], 'id');
    expect(csv).toBe(`${BOM}"Nama; lengkap"\r\nToko, Maju\r\n"'=1;2"\r\n`);
  });

  it('keeps "," and "." for English and when no language is given', () => {
    expect(csvDialect('en')).toEqual({ separator: ',', decimal: '.' });
    expect(csvDialect(undefined)).toEqual({ separator: ',', decimal: '.' });
    expect(csvDialect('id-ID')).toEqual({ separator: ';', decimal: ',' });
    expect(toCsv([{ key: 'n', label: 'n', numeric: true }], [{ n: 2.5 }], 'en')).toBe(`${BOM}n\r\n2.5\r\n`);
    expect(csvField('a;b')).toBe('a;b');
    expect(csvField('a;b', ';')).toBe('"a;b"');
  });
});

describe('csvFileName', () => {
  it('keeps safe names and adds the extension once', () => {
    expect(csvFileName('corong-program')).toBe('corong-program.csv');
    expect(csvFileName('corong.CSV')).toBe('corong.csv');
  });

  it('replaces what a file system or a header would trip over', () => {
    expect(csvFileName(' Penempatan / kelurahan: Gisikdrono ')).toBe('Penempatan-kelurahan-Gisikdrono.csv');
    expect(csvFileName('Ñandú')).toBe('Nandu.csv');
    expect(csvFileName('///')).toBe('data.csv');
  });
});

describe('downloadCsv', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('saves the text as a UTF-8 CSV file through a temporary link, then frees it', async () => {
    vi.useFakeTimers();
    const link = { href: '', download: '', click: vi.fn(), remove: vi.fn() };
    const append = vi.fn();
    vi.stubGlobal('document', { createElement: vi.fn(() => link), body: { append } });
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);

    const csv = toCsv([{ key: 'a', label: 'Kelurahan' }], [{ a: 'Krobokan' }]);
    downloadCsv('penempatan per kelurahan', csv);

    expect(create).toHaveBeenCalledTimes(1);
    expect(link.download).toBe('penempatan-per-kelurahan.csv');
    expect(link.href).toBe('blob:test/1');
    expect(append).toHaveBeenCalledWith(link);
    expect(link.click).toHaveBeenCalledTimes(1);
    expect(link.remove).toHaveBeenCalledTimes(1);
    const blob = blobs[0] as Blob;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    // The byte order mark, encoded as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('Kelurahan\r\nKrobokan\r\n');
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(revoke).toHaveBeenCalledWith('blob:test/1');
  });
});
