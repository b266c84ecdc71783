import type { Content } from 'pdfmake/interfaces.d.ts';
import { describe, expect, it } from 'vitest';
import type { AgreementDetail, AgreementPartyView } from '../../../shared/agreements.ts';
import {
  agreementPdfDocument,
  clauseBody,
  considerationItems,
  emphasizeParties,
  renderAgreementPdf,
} from './agreements.pdf.ts';

// The agreement in the standard Indonesian layout: read through the pdfmake document's texts (what a reader
// sees, in order), and rendered once to check it is a PDF.

const now = '2026-04-20T03:00:00.000Z';

function party(
  position: number,
  name: string,
  signatory: string | null,
  number: string | null,
): AgreementPartyView {
  return {
    id: `00000000-0000-4000-8000-00000000000${position}`,
    organization: { id: `00000000-0000-4000-8000-10000000000${position}`, name, kind: 'prison' },
    position,
    signatoryName: signatory,
    signatoryPosition: signatory ? `Kepala ${name}` : null,
    documentNumber: number,
    agreedTextVersion: null,
    agreedAt: null,
    agreedByName: null,
    agreedCurrent: false,
    agreementOutdated: false,
    canAct: false,
  };
}

function detail(overrides: Partial<AgreementDetail> = {}): AgreementDetail {
  return {
    id: '00000000-0000-4000-8000-000000000100',
    kind: 'mou',
    parent: null,
    organization: { id: '00000000-0000-4000-8000-100000000001', name: 'Lapas Perempuan Kelas IIA Semarang' },
    title: 'Pembinaan Kemandirian Warga Binaan Perempuan',
    purpose: null,
    scope: null,
    considerations:
      'bahwa pembinaan kemandirian merupakan bagian dari sistem pemasyarakatan\nbahwa PARA PIHAK perlu bekerja sama;',
    status: 'in_review',
    effectiveStatus: 'in_review',
    textVersion: 3,
    validFrom: null,
    validUntil: null,
    signedOn: null,
    signedPlace: null,
    signedByName: null,
    signedScan: null,
    terminatedOn: null,
    terminationReason: null,
    renews: null,
    renewedBy: null,
    createdByName: null,
    createdAt: now,
    updatedAt: now,
    version: 4,
    parties: [
      party(1, 'Lapas Perempuan Kelas IIA Semarang', 'Dra. Sri Wahyuningsih', 'W13.PAS.PAS.11-HM.05.02-045'),
      party(2, 'Kecamatan Semarang Barat', 'Siti Rahayu, S.STP.', null),
    ],
    partiesMissing: [],
    clauses: [
      {
        id: '00000000-0000-4000-8000-000000000201',
        position: 1,
        heading: 'Maksud dan Tujuan',
        body: 'Maksud kerja sama ini adalah pelatihan.\n\nTujuannya kemandirian ekonomi PIHAK KEDUA.',
        template: 'purpose',
      },
      {
        id: '00000000-0000-4000-8000-000000000202',
        position: 2,
        heading: 'Ruang Lingkup',
        body: 'Ruang lingkup meliputi:\na. pelatihan;\nb. pendampingan.',
        template: 'scope',
      },
      {
        id: '00000000-0000-4000-8000-000000000203',
        position: 3,
        heading: 'Penutup',
        body: '(1) Hal yang belum diatur diatur dalam addendum.\n\n(2) Dibuat rangkap dua.',
        template: 'closing',
      },
    ],
    obligations: [],
    children: [],
    events: [],
    versions: [],
    actions: {
      editText: false,
      editParties: false,
      submit: false,
      agree: false,
      requestChanges: false,
      sign: false,
      terminate: false,
      renew: false,
      discard: false,
      print: true,
      downloadScan: false,
    },
    ...overrides,
  };
}

/** Every text of a pdfmake node, in reading order, each text node's pieces joined. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (!node || typeof node !== 'object') return [];
  const object = node as Record<string, unknown>;
  if ('text' in object) {
    const value = object.text;
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return [value.map((piece) => texts(piece).join('')).join('')];
  }
  return ['stack', 'columns', 'table', 'body', 'content'].flatMap((key) =>
    key in object ? texts(object[key]) : [],
  );
}

const plain = (value: string) => value.replaceAll('\u2011', '-');

function read(value: AgreementDetail, language: 'id' | 'en' = 'id') {
  const document = agreementPdfDocument(value, language);
  return { document, lines: texts(document.content).map(plain) };
}

describe('agreementPdfDocument', () => {
  it('opens with the title block: kind, ANTARA the parties (full names), TENTANG the title, each party’s number', () => {
    const { lines } = read(detail());
    expect(lines.slice(0, 9)).toEqual([
      'NOTA KESEPAHAMAN',
      'ANTARA',
      // The full name, as the letterheads of the notulen and daftar hadir print it.
      'LEMBAGA PEMASYARAKATAN PEREMPUAN KELAS IIA SEMARANG',
      'DAN',
      'KECAMATAN SEMARANG BARAT',
      'TENTANG',
      'PEMBINAAN KEMANDIRIAN WARGA BINAAN PEREMPUAN',
      'NOMOR: W13.PAS.PAS.11-HM.05.02-045',
      'NOMOR: ....................',
    ]);
    const pks = read(
      detail({ kind: 'pks', parent: { id: '00000000-0000-4000-8000-000000000009', title: 'Desa Binaan' } }),
    );
    expect(pks.lines[0]).toBe('PERJANJIAN KERJA SAMA');
    expect(pks.lines.join('\n')).toContain(
      'PARA PIHAK sepakat untuk mengadakan Perjanjian Kerja Sama tentang Pembinaan Kemandirian Warga Binaan Perempuan sebagai pelaksanaan Nota Kesepahaman tentang Desa Binaan, dengan ketentuan sebagai berikut:',
    );
  });

  it('names each signatory, her position and the organization she acts for, then PARA PIHAK', () => {
    const text = read(detail()).lines.join('\n');
    expect(text).toContain(
      'Pada hari ini .................... tanggal .................... bulan .................... tahun ...................., bertempat di ...................., yang bertanda tangan di bawah ini:',
    );
    expect(text).toContain(
      'Nama\n:\nDra. Sri Wahyuningsih\nJabatan\n:\nKepala Lapas Perempuan Kelas IIA Semarang',
    );
    expect(text).toContain(
      'dalam hal ini bertindak untuk dan atas nama Lapas Perempuan Kelas IIA Semarang, selanjutnya disebut PIHAK PERTAMA.',
    );
    expect(text).toContain('selanjutnya disebut PIHAK KEDUA.');
    expect(text).toContain(
      'PIHAK PERTAMA dan PIHAK KEDUA secara bersama-sama selanjutnya disebut PARA PIHAK.',
    );
  });

  it('spells out the signing day once signed, and drops the draft marks', () => {
    const signed = detail({ status: 'signed', signedOn: '2026-04-27', signedPlace: 'Semarang' });
    const { document, lines } = read(signed);
    expect(lines.join('\n')).toContain(
      'Pada hari ini Senin, tanggal dua puluh tujuh bulan April tahun dua ribu dua puluh enam (27-04-2026), bertempat di Semarang, yang bertanda tangan di bawah ini:',
    );
    expect(document.header).toBeUndefined();
    expect(document.watermark).toBeUndefined();
    const draft = read(detail()).document;
    expect(draft.header).toMatchObject({ text: 'DRAFT versi 3' });
    expect(draft.watermark).toMatchObject({ text: 'DRAFT' });
  });

  it('letters the considerations (Menimbang a., b.) and agrees on the terms', () => {
    const text = read(detail()).lines.join('\n');
    expect(text).toContain(
      'Menimbang\n:\na.\nbahwa pembinaan kemandirian merupakan bagian dari sistem pemasyarakatan;\nb.\nbahwa PARA PIHAK perlu bekerja sama;',
    );
    expect(text).toContain(
      'Berdasarkan pertimbangan tersebut di atas, PARA PIHAK sepakat untuk mengadakan Nota Kesepahaman tentang Pembinaan Kemandirian Warga Binaan Perempuan, dengan ketentuan sebagai berikut:',
    );
  });

  it('centres every Pasal with its heading and numbers the ayat (1), (2) without repeating typed numbers', () => {
    const { document, lines } = read(detail());
    const text = lines.join('\n');
    expect(text).toContain(
      'Pasal 1\nMaksud dan Tujuan\n(1)\nMaksud kerja sama ini adalah pelatihan.\n(2)\nTujuannya kemandirian ekonomi PIHAK KEDUA.',
    );
    expect(text).toContain(
      'Pasal 2\nRuang Lingkup\nRuang lingkup meliputi:\na.\npelatihan;\nb.\npendampingan.',
    );
    expect(text).toContain(
      'Pasal 3\nPenutup\n(1)\nHal yang belum diatur diatur dalam addendum.\n(2)\nDibuat rangkap dua.',
    );
    expect(text).not.toContain('(1) (1)');
    expect(document.styles?.pasal).toMatchObject({ alignment: 'center', bold: true });
    expect(document.styles?.pasalHeading).toMatchObject({ alignment: 'center', bold: true });
  });

  it('ends with a signature column per party: PIHAK, organization, name and position', () => {
    const text = read(detail()).lines.join('\n');
    expect(text).toContain(
      'PIHAK PERTAMA,\nLapas Perempuan Kelas IIA Semarang\n \nDra. Sri Wahyuningsih\nKepala Lapas Perempuan Kelas IIA Semarang\nPIHAK KEDUA,\nKecamatan Semarang Barat\n \nSiti Rahayu, S.STP.\nKepala Kecamatan Semarang Barat',
    );
  });

  it('keeps the signatures on the page of the closing ayat (one unbreakable block)', () => {
    const { document } = read(detail());
    const content = document.content as Content[];
    const block = content.find((node) => texts(node).includes('PIHAK PERTAMA,')) as {
      stack: Content[];
      unbreakable?: boolean;
    };
    expect(block.unbreakable).toBe(true);
    // The last ayat of the last Pasal, then the first row of signatures.
    expect(texts(block.stack[0])).toEqual(['(2)', 'Dibuat rangkap dua.']);
    expect(texts(block.stack[1])).toContain('PIHAK KEDUA,');
    expect(texts(block.stack[1]).join('\n')).not.toContain('Pasal');
    // A closing Pasal of one ayat comes along with its title; a third party's row follows on its own.
    const single = detail({
      clauses: [{ ...(detail().clauses[0] as AgreementDetail['clauses'][number]), body: 'Satu ayat.' }],
      parties: [...detail().parties, party(3, 'Balai Pemasyarakatan Kelas I Semarang', 'Budi Santoso', null)],
    });
    const nodes = read(single).document.content as Content[];
    const signing = nodes.find((node) => texts(node).includes('PIHAK PERTAMA,')) as { stack: Content[] };
    expect(texts(signing.stack[0])).toEqual(['Pasal 1', 'Maksud dan Tujuan', 'Satu ayat.']);
    expect(texts(signing)).not.toContain('PIHAK KETIGA,');
    expect(texts(nodes[nodes.indexOf(signing as Content) + 1])).toContain('PIHAK KETIGA,');
    // Without clauses, the signatures alone.
    expect(read(detail({ clauses: [] })).lines.join('\n')).toContain('PIHAK PERTAMA,');
  });

  it('letters considerations typed with numbers or letters, and joins a wrapped line to its item', () => {
    const typed = detail({
      considerations:
        '1. bahwa pembinaan kemandirian merupakan bagian dari\nsistem pemasyarakatan;\n2) bahwa PARA PIHAK perlu bekerja sama;\n\nkerja sama ini perlu dituangkan dalam Nota Kesepahaman',
    });
    expect(read(typed).lines.join('\n')).toContain(
      'Menimbang\n:\na.\nbahwa pembinaan kemandirian merupakan bagian dari sistem pemasyarakatan;\nb.\nbahwa PARA PIHAK perlu bekerja sama;\nc.\nkerja sama ini perlu dituangkan dalam Nota Kesepahaman;',
    );
    expect(considerationItems('a. bahwa satu;\nb. bahwa dua;')).toEqual(['bahwa satu;', 'bahwa dua;']);
    expect(considerationItems('bahwa satu\nlanjutan satu;\nbahwa dua;')).toEqual([
      'bahwa satu lanjutan satu;',
      'bahwa dua;',
    ]);
    expect(considerationItems(null)).toEqual([]);
  });

  it('prints every term as a Pasal: purpose and scope (the app’s summary) are left out; obligations as an annex', () => {
    const bare = detail({
      purpose: 'Kerja sama pelatihan keterampilan.',
      scope: 'Pelatihan dan pendampingan.',
      clauses: [],
      obligations: [
        {
          id: '00000000-0000-4000-8000-000000000301',
          organization: { id: '00000000-0000-4000-8000-100000000002', name: 'Kecamatan Semarang Barat' },
          position: 1,
          description: 'Memfasilitasi sosialisasi kepada PIHAK PERTAMA.',
          dueOn: '2026-12-31',
          status: 'open',
          statusNote: null,
          updatedByName: null,
          updatedAt: now,
          version: 1,
          canUpdate: false,
        },
      ],
    });
    const text = read(bare).lines.join('\n');
    expect(text).not.toContain('Kerja sama pelatihan keterampilan.');
    expect(text).not.toContain('Pelatihan dan pendampingan.');
    expect(text).not.toContain('Maksud dan tujuan');
    expect(text).toContain('dengan ketentuan sebagai berikut:\nPIHAK PERTAMA,');
    expect(text).toContain('LAMPIRAN');
    expect(text).toContain(
      '1.\nPIHAK KEDUA\nKecamatan Semarang Barat\nMemfasilitasi sosialisasi kepada PIHAK PERTAMA.\n31/12/2026',
    );
    expect(read(detail({ purpose: 'Tidak dicetak dua kali.' })).lines.join('\n')).not.toContain(
      'Tidak dicetak',
    );
  });

  it('labels in English when asked', () => {
    const { document, lines } = read(detail(), 'en');
    expect(lines.slice(0, 6)).toEqual([
      'MEMORANDUM OF UNDERSTANDING',
      'BETWEEN',
      'LEMBAGA PEMASYARAKATAN PEREMPUAN KELAS IIA SEMARANG',
      'AND',
      'KECAMATAN SEMARANG BARAT',
      'CONCERNING',
    ]);
    expect(lines.join('\n')).toContain('Article 1');
    expect(document.header).toMatchObject({ text: 'DRAFT version 3' });
  });

  it('renders a PDF', async () => {
    const buffer = await renderAgreementPdf(detail(), 'id');
    expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('helpers', () => {
  it('bolds the parties’ names with their punctuation', () => {
    expect(emphasizeParties('oleh PARA PIHAK, dan PIHAK KEDUA berhak')).toEqual([
      'oleh ',
      { text: 'PARA PIHAK, ', bold: true },
      'dan ',
      { text: 'PIHAK KEDUA ', bold: true },
      'berhak',
    ]);
    expect(emphasizeParties('masing-masing')).toBe('masing\u2011masing');
  });

  it('numbers ayat only when there are several', () => {
    expect(texts(clauseBody('Satu ayat saja.'))).toEqual(['Satu ayat saja.']);
    expect(texts(clauseBody('Pertama.\n\nKedua.'))).toEqual(['(1)', 'Pertama.', '(2)', 'Kedua.']);
  });
});
