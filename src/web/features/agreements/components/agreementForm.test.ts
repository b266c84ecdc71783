import { describe, expect, it } from 'vitest';
import type { AgreementDetail } from '../../../../shared/agreements.ts';
import { AGREEMENT_TEMPLATES } from '../../../../shared/agreementTemplates.ts';
import {
  clauseFromTemplate,
  createFormValues,
  createRequest,
  duplicatePartyIndexes,
  obligationsOutsideParties,
  partiesFormValues,
  partiesRequest,
  textChanged,
  textFormValues,
  textRequest,
  untilBeforeFrom,
} from './agreementForm.ts';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const CLAUSE = '33333333-3333-4333-8333-333333333333';
const OBLIGATION = '44444444-4444-4444-8444-444444444444';

const detail = {
  title: 'Nota Kesepahaman Desa Binaan',
  purpose: null,
  scope: 'Pelatihan',
  considerations: null,
  validFrom: '2026-12-01',
  validUntil: null,
  version: 3,
  parties: [
    {
      id: 'p1',
      organization: { id: OWN, name: 'Lapas', kind: 'prison' },
      position: 1,
      signatoryName: 'Sri',
      signatoryPosition: 'Kepala',
      documentNumber: null,
    },
  ],
  clauses: [{ id: CLAUSE, position: 1, heading: 'Maksud', body: 'Isi', template: 'purpose' }],
  obligations: [
    {
      id: OBLIGATION,
      organization: { id: OTHER, name: 'Kecamatan' },
      position: 1,
      description: 'Menyediakan tempat',
      dueOn: null,
    },
  ],
} as unknown as AgreementDetail;

describe('clauseFromTemplate', () => {
  const purpose = AGREEMENT_TEMPLATES[0];
  if (!purpose) throw new Error('no templates');

  it('starts a Pasal from the template in the page language, remembering the template', () => {
    const id = clauseFromTemplate(purpose, 'id');
    expect(id).toMatchObject({ heading: purpose.heading.id, body: purpose.body.id, template: purpose.key });
    expect(clauseFromTemplate(purpose, 'en')).toMatchObject({ heading: purpose.heading.en });
    expect(clauseFromTemplate(purpose, 'fr').heading).toBe(purpose.heading.id);
  });

  it('gives each row its own key', () => {
    expect(clauseFromTemplate(purpose, 'id').key).not.toBe(clauseFromTemplate(purpose, 'id').key);
  });
});

describe('text form', () => {
  it('round-trips the stored text, nulls as empty fields, keeping the obligation ids', () => {
    const values = textFormValues(detail);
    expect(values.purpose).toBe('');
    expect(textRequest(values, 3)).toEqual({
      title: 'Nota Kesepahaman Desa Binaan',
      purpose: null,
      scope: 'Pelatihan',
      considerations: null,
      clauses: [{ heading: 'Maksud', body: 'Isi', template: 'purpose' }],
      obligations: [
        { id: OBLIGATION, organizationId: OTHER, description: 'Menyediakan tempat', dueOn: null },
      ],
      version: 3,
    });
  });

  it('trims what was typed and knows whether anything changed', () => {
    const values = textFormValues(detail);
    expect(textChanged(values, detail)).toBe(false);
    expect(textChanged({ ...values, title: '  Nota Kesepahaman Desa Binaan ' }, detail)).toBe(false);
    expect(textChanged({ ...values, purpose: 'Baru' }, detail)).toBe(true);
    const moved = { ...values, clauses: [...values.clauses, { ...values.clauses[0], key: 'x' }] };
    expect(textChanged(moved as typeof values, detail)).toBe(true);
  });
});

describe('parties form', () => {
  it('sends empty signatory fields as null and keeps the planned term', () => {
    const values = partiesFormValues(detail);
    expect(partiesRequest(values, 3)).toEqual({
      parties: [
        { organizationId: OWN, signatoryName: 'Sri', signatoryPosition: 'Kepala', documentNumber: null },
      ],
      validFrom: '2026-12-01',
      validUntil: null,
      version: 3,
    });
  });
});

describe('create form', () => {
  it('starts with the own organization first, a second party to choose and every template', () => {
    const values = createFormValues(OWN, AGREEMENT_TEMPLATES, 'id');
    expect(values.parties.map((party) => party.organizationId)).toEqual([OWN, null]);
    expect(values.clauses.map((clause) => clause.template)).toEqual(
      AGREEMENT_TEMPLATES.map((item) => item.key),
    );
  });

  it('sends no parent for an MoU even when one was picked before switching kind', () => {
    const values = {
      ...createFormValues(OWN, [], 'id'),
      kind: 'mou' as const,
      parentId: OTHER,
      title: ' MoU ',
    };
    expect(createRequest(values)).toMatchObject({ kind: 'mou', parentId: null, title: 'MoU' });
    expect(createRequest({ ...values, kind: 'pks' })).toMatchObject({ kind: 'pks', parentId: OTHER });
  });

  it('finds obligations of an organization that is no longer a party', () => {
    const values = createFormValues(OWN, [], 'id');
    values.obligations = [
      { key: 'a', organizationId: OWN, description: 'x', dueOn: null },
      { key: 'b', organizationId: OTHER, description: 'y', dueOn: null },
      { key: 'c', organizationId: null, description: 'z', dueOn: null },
    ];
    expect(obligationsOutsideParties(values)).toEqual([1]);
  });
});

describe('party and term checks', () => {
  it('finds a party naming an organization already named above it', () => {
    expect(duplicatePartyIndexes([{ organizationId: OWN }, { organizationId: OTHER }])).toEqual([]);
    expect(
      duplicatePartyIndexes([{ organizationId: OWN }, { organizationId: null }, { organizationId: OWN }]),
    ).toEqual([2]);
  });

  it('refuses an end before the start, and only then', () => {
    expect(untilBeforeFrom('2027-01-01', '2026-12-31')).toBe(true);
    expect(untilBeforeFrom('2027-01-01', '2027-01-01')).toBe(false);
    expect(untilBeforeFrom(null, '2026-12-31')).toBe(false);
    expect(untilBeforeFrom('2027-01-01', null)).toBe(false);
  });
});
