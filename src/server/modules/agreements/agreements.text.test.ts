import { describe, expect, it } from 'vitest';
import { effectiveAgreementStatus } from '../../../shared/agreements.ts';
import { AGREEMENT_TEMPLATE_KEYS, AGREEMENT_TEMPLATES } from '../../../shared/agreementTemplates.ts';
import {
  type AgreementSnapshot,
  DIFF_LIMITS,
  diffTexts,
  dmy,
  readSnapshot,
  sameText,
} from './agreements.text.ts';

const base: AgreementSnapshot = {
  title: 'Nota Kesepahaman Pembinaan Warga Binaan Perempuan',
  purpose: 'Kerja sama pelatihan keterampilan.',
  scope: null,
  considerations: 'a. bahwa pembinaan perlu kerja sama;',
  clauses: [
    { position: 1, heading: 'Maksud dan Tujuan', body: 'Maksud kesepakatan ini adalah pelatihan menjahit.' },
    { position: 2, heading: 'Jangka Waktu', body: 'Berlaku 3 (tiga) tahun.' },
  ],
  obligations: [
    {
      position: 1,
      organizationId: 'o1',
      organizationName: 'Lapas',
      description: 'Menyiapkan peserta',
      dueOn: null,
    },
  ],
};

describe('effectiveAgreementStatus', () => {
  const signed = { status: 'signed' as const, validFrom: '2026-01-01', validUntil: '2026-12-31' };
  it('reads a signed agreement by its dates, the others by their stored status', () => {
    expect(effectiveAgreementStatus(signed, '2025-12-31')).toBe('signed');
    expect(effectiveAgreementStatus(signed, '2026-01-01')).toBe('in_force');
    expect(effectiveAgreementStatus(signed, '2026-12-31')).toBe('in_force');
    expect(effectiveAgreementStatus(signed, '2027-01-01')).toBe('expired');
    expect(effectiveAgreementStatus({ ...signed, status: 'terminated' }, '2026-06-01')).toBe('terminated');
    expect(effectiveAgreementStatus({ ...signed, status: 'draft' }, '2027-06-01')).toBe('draft');
    expect(effectiveAgreementStatus({ ...signed, status: 'discarded' }, '2026-06-01')).toBe('discarded');
  });
});

describe('the text', () => {
  it('is the same text whatever the organization names and stored positions', () => {
    const renamed = {
      ...base,
      obligations: base.obligations.map((obligation) => ({ ...obligation, organizationName: 'Lapas Baru' })),
    };
    expect(sameText(base, renamed)).toBe(true);
    expect(sameText(base, { ...base, purpose: 'Kerja sama pelatihan.' })).toBe(false);
    expect(sameText(base, readSnapshot(JSON.parse(JSON.stringify(base))))).toBe(true);
  });

  it('diffs word by word per section: Judul, Maksud, each Pasal, each obligation', () => {
    const next: AgreementSnapshot = {
      ...base,
      title: 'Nota Kesepahaman Pembinaan dan Reintegrasi Warga Binaan Perempuan',
      clauses: [
        {
          position: 1,
          heading: 'Maksud dan Tujuan',
          body: 'Maksud kesepakatan ini adalah pelatihan menjahit dan tata boga.',
        },
        { position: 2, heading: 'Ruang Lingkup', body: 'Pelatihan dan penyaluran kerja.' },
        { position: 3, heading: 'Jangka Waktu', body: 'Berlaku 3 (tiga) tahun.' },
      ],
      obligations: [],
    };
    const sections = diffTexts(base, next);
    const title = sections.find((section) => section.kind === 'title');
    expect(title?.change).toBe('changed');
    expect(title?.parts.filter((part) => part.added).map((part) => part.value.trim())).toEqual([
      'dan Reintegrasi',
    ]);
    expect(sections.find((section) => section.kind === 'purpose')?.change).toBe('unchanged');
    const clauses = sections.filter((section) => section.kind === 'clause');
    expect(clauses.map((section) => [section.position, section.heading, section.change])).toEqual([
      [1, 'Maksud dan Tujuan', 'changed'],
      [2, 'Ruang Lingkup', 'added'],
      [3, 'Jangka Waktu', 'unchanged'],
    ]);
    expect(clauses[0]?.parts.find((part) => part.added)?.value).toContain('tata boga');
    const obligations = sections.filter((section) => section.kind === 'obligation');
    expect(obligations).toHaveLength(1);
    expect(obligations[0]).toMatchObject({ change: 'removed', heading: 'Lapas' });
    expect(obligations[0]?.parts.every((part) => part.removed)).toBe(true);
  });

  it('pairs a renamed Pasal as changed, not as removed and added', () => {
    const next = {
      ...base,
      clauses: [base.clauses[0], { position: 2, heading: 'Masa Berlaku', body: 'Berlaku 3 (tiga) tahun.' }],
    } as AgreementSnapshot;
    const clauses = diffTexts(base, next).filter((section) => section.kind === 'clause');
    expect(clauses.map((section) => section.change)).toEqual(['unchanged', 'changed']);
  });
});

describe('the bounds of the diff', () => {
  /** About `count` words, none shared between two seeds. */
  const words = (seed: string, count: number) =>
    Array.from({ length: count }, (_, index) => `${seed}${(index * 7919) % 5000}`).join(' ');
  const withClauses = (seed: string, count: number, length: number): AgreementSnapshot => ({
    ...base,
    clauses: Array.from({ length: count }, (_, index) => ({
      position: index + 1,
      heading: `Pasal ${index + 1}`,
      body: words(seed, length),
    })),
  });
  const rebuilt = (parts: { value: string; added: boolean; removed: boolean }[]) => ({
    from: parts
      .filter((part) => !part.added)
      .map((part) => part.value)
      .join(''),
    to: parts
      .filter((part) => !part.removed)
      .map((part) => part.value)
      .join(''),
  });

  it('gives up word diffing of one long unrelated section within its time and shows it whole', () => {
    const from = withClauses('a', 1, 4500);
    const to = withClauses('b', 1, 4500);
    const started = performance.now();
    const [clause] = diffTexts(from, to).filter((section) => section.kind === 'clause');
    expect(performance.now() - started).toBeLessThan(DIFF_LIMITS.sectionMs * 5);
    expect(clause?.change).toBe('changed');
    expect(clause?.parts.map((part) => [part.removed, part.added])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(rebuilt(clause?.parts ?? [])).toEqual({
      from: `Pasal 1\n${words('a', 4500)}`,
      to: `Pasal 1\n${words('b', 4500)}`,
    });
  });

  it('bounds the time of the whole diff, and the characters diffed word by word', () => {
    const from = withClauses('a', 40, 2000);
    const to = withClauses('b', 40, 2000);
    const started = performance.now();
    const timed = diffTexts(from, to, { sectionMs: 100, totalMs: 300, totalChars: Number.MAX_SAFE_INTEGER });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(timed.filter((section) => section.kind === 'clause')).toHaveLength(40);
    // Past the character budget, a changed section is shown whole even when it is small.
    const small = { ...base, title: 'Judul lama sekali', purpose: 'Maksud lama' };
    const sections = diffTexts(
      small,
      { ...small, title: 'Judul baru sekali', purpose: 'Maksud baru' },
      {
        ...DIFF_LIMITS,
        totalChars: 40,
      },
    );
    const title = sections.find((section) => section.kind === 'title');
    const purpose = sections.find((section) => section.kind === 'purpose');
    expect(title?.parts.some((part) => !part.added && !part.removed)).toBe(true);
    expect(purpose?.parts).toEqual([
      { value: 'Maksud lama', added: false, removed: true },
      { value: 'Maksud baru', added: true, removed: false },
    ]);
  });

  it('writes dates dd/mm/yyyy', () => {
    expect(dmy('2026-11-30')).toBe('30/11/2026');
  });
});

describe('templates', () => {
  it('has the eight usual articles in Indonesian and English, naming the parties', () => {
    expect(AGREEMENT_TEMPLATES.map((template) => template.key)).toEqual([...AGREEMENT_TEMPLATE_KEYS]);
    expect(AGREEMENT_TEMPLATES.map((template) => template.heading.id)).toEqual([
      'Maksud dan Tujuan',
      'Ruang Lingkup',
      'Pelaksanaan',
      'Hak dan Kewajiban Para Pihak',
      'Pembiayaan',
      'Jangka Waktu',
      'Penyelesaian Perselisihan',
      'Penutup',
    ]);
    for (const template of AGREEMENT_TEMPLATES) {
      expect(template.body.id).toContain('PARA PIHAK');
      expect(template.body.en.length).toBeGreaterThan(50);
    }
    const rights = AGREEMENT_TEMPLATES.find((template) => template.key === 'rights_obligations');
    expect(rights?.body.id).toContain('PIHAK PERTAMA');
    expect(rights?.body.id).toContain('PIHAK KEDUA');
  });
});
