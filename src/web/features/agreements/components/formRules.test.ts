import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { agreementsEn } from '../../../lib/i18n/agreements/en.ts';
import { agreementsId } from '../../../lib/i18n/agreements/id.ts';
import type { PartiesFormValues } from './agreementForm.ts';
import { partiesRules, textRules } from './formRules.ts';

const i18n = i18next.createInstance();
await i18n.init({
  resources: {
    id: { translation: { agreements: agreementsId, common: { required: 'Wajib diisi' } } },
    en: { translation: { agreements: agreementsEn, common: { required: 'Required' } } },
  },
  lng: 'id',
  interpolation: { escapeValue: false },
  initAsync: false,
});
const t = i18n.t;

const values: PartiesFormValues = {
  parties: [
    { key: 'a', organizationId: 'org-1', signatoryName: '', signatoryPosition: '', documentNumber: '' },
    { key: 'b', organizationId: 'org-1', signatoryName: '', signatoryPosition: '', documentNumber: '' },
  ],
  validFrom: '2027-01-01',
  validUntil: '2026-01-01',
};

describe('form rules', () => {
  it('names the duplicate party, not the first one', () => {
    const rules = partiesRules(t);
    expect(rules.parties.organizationId('org-1', values, 'parties.0.organizationId')).toBeNull();
    expect(rules.parties.organizationId('org-1', values, 'parties.1.organizationId')).toBe(
      'Instansi ini sudah menjadi pihak lain.',
    );
    expect(rules.parties.organizationId(null, values, 'parties.1.organizationId')).toBe('Wajib diisi');
  });

  it('says the end date may not come before the start, in Indonesian', () => {
    expect(partiesRules(t).validUntil('2026-01-01', values)).toBe(
      'Tanggal berakhir tidak boleh sebelum tanggal mulai.',
    );
    expect(partiesRules(t).validUntil('2027-06-30', values)).toBeNull();
  });

  it('requires a title and each Pasal heading and body', () => {
    const rules = textRules(t);
    expect(rules.title('  ')).toBe('Wajib diisi');
    expect(rules.clauses.heading('Ruang Lingkup')).toBeNull();
    expect(rules.clauses.body('')).toBe('Wajib diisi');
  });
});

describe('English messages', () => {
  it('has every key of the Indonesian reference, with words of its own', () => {
    const keys = (value: object, prefix = ''): string[] =>
      Object.entries(value).flatMap(([key, item]) =>
        typeof item === 'object' && item !== null ? keys(item, `${prefix}${key}.`) : [`${prefix}${key}`],
      );
    expect(keys(agreementsEn).sort()).toEqual(keys(agreementsId).sort());
    expect(agreementsEn.workflow.submit).not.toBe(agreementsId.workflow.submit);
  });
});
