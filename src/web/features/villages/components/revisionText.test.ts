import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { VillageChange } from '../../../../shared/villages.ts';
import { peopleEn } from '../../../lib/i18n/people/en.ts';
import { peopleId } from '../../../lib/i18n/people/id.ts';
import { villagesEn } from '../../../lib/i18n/villages/en.ts';
import { villagesId } from '../../../lib/i18n/villages/id.ts';
import { changeText, type Translate } from './revisionText.ts';

const i18n = i18next.createInstance();
await i18n.init({
  resources: {
    id: { translation: { villages: villagesId, people: peopleId } },
    en: { translation: { villages: villagesEn, people: peopleEn } },
  },
  lng: 'id',
  interpolation: { escapeValue: false },
  initAsync: false,
});

const SKILLS = [{ id: '6f0c1c52-3a0b-4f8e-9a55-0c3f3b7d2a11', name: 'Menjahit', nameEn: 'Sewing' }];

function read(change: Partial<VillageChange>, lng: 'id' | 'en' = 'id'): string {
  const t = i18n.getFixedT(lng) as unknown as Translate;
  const full: VillageChange = {
    section: 'profile',
    action: 'updated',
    item: null,
    field: null,
    from: null,
    to: null,
    ...change,
  };
  const text = changeText(full, t, lng, SKILLS);
  expect(text).not.toContain('villages.');
  return text;
}

describe('changeText', () => {
  it('says which potential changed and how its strength moved', () => {
    expect(read({ section: 'potential', item: 'Konveksi rumahan', field: 'strength', from: 3, to: 4 })).toBe(
      "Potensi 'Konveksi rumahan': kekuatan 3 → 4",
    );
    expect(
      read({ section: 'potential', item: 'Konveksi rumahan', field: 'strength', from: 3, to: 4 }, 'en'),
    ).toBe("Potential 'Konveksi rumahan': strength 3 → 4");
  });

  it('names added and removed rows', () => {
    expect(read({ section: 'facility', action: 'created', item: 'Balai RW 03' })).toBe(
      "Fasilitas 'Balai RW 03' ditambahkan",
    );
    expect(read({ section: 'need', action: 'deleted', item: 'Penjahit borongan' })).toBe(
      "Kebutuhan 'Penjahit borongan' dihapus",
    );
    expect(read({ section: 'contact', action: 'created', item: 'Sri Wahyuni' }, 'en')).toBe(
      "Contact person 'Sri Wahyuni' added",
    );
  });

  it('says the profile was created on its first save', () => {
    expect(read({ action: 'created' })).toBe('Profil dibuat');
  });

  it('formats profile values: numbers the Indonesian way, dates dd/mm/yyyy, empty as (kosong)', () => {
    expect(read({ field: 'population', from: 14_800, to: 15_210 })).toBe(
      'Profil: jumlah penduduk 14.800 → 15.210',
    );
    expect(read({ field: 'areaKm2', from: null, to: 1.25 })).toBe('Profil: luas wilayah (kosong) → 1,25');
    expect(read({ field: 'hostSince', from: null, to: '2026-05-04' })).toBe(
      'Profil: desa binaan sejak (kosong) → 04/05/2026',
    );
    expect(read({ field: 'lurahName', from: 'Budi', to: '' })).toBe('Profil: nama Lurah Budi → (kosong)');
  });

  it('does not repeat long texts: it says the field changed', () => {
    expect(read({ field: 'description', from: 'a long text', to: 'another long text' })).toBe(
      'Profil: uraian diubah',
    );
  });

  it('says where a row moved in its list (1-based, as the server counts)', () => {
    expect(read({ section: 'potential', item: 'Batik', field: 'order', from: 1, to: 3 })).toBe(
      "Potensi 'Batik': urutan 1 → 3",
    );
  });

  it('shows labels for sectors and kinds, names for skills', () => {
    expect(
      read({ section: 'need', item: 'Tenaga binatu', field: 'sector', from: 'garment', to: 'laundry' }),
    ).toBe("Kebutuhan 'Tenaga binatu': sektor Garmen & menjahit → Binatu (laundry)");
    expect(
      read({ section: 'need', item: 'Tenaga binatu', field: 'kind', from: 'market', to: 'labour_demand' }),
    ).toBe("Kebutuhan 'Tenaga binatu': jenis Peluang pasar → Kebutuhan tenaga kerja");
    expect(
      read({
        section: 'facility',
        item: 'Pasar Karangayu',
        field: 'kind',
        from: 'other',
        to: 'market_stall',
      }),
    ).toBe("Fasilitas 'Pasar Karangayu': jenis Lainnya → Lapak pasar");
    expect(
      read(
        {
          section: 'potential',
          item: 'Konveksi',
          field: 'skillId',
          from: null,
          to: '6f0c1c52-3a0b-4f8e-9a55-0c3f3b7d2a11',
        },
        'en',
      ),
    ).toBe("Potential 'Konveksi': skill (empty) → Sewing");
  });

  it('writes season months in words, and an empty season as all year', () => {
    expect(
      read({ section: 'need', item: 'Katering hajatan', field: 'seasonMonths', from: [], to: [6, 7, 8] }),
    ).toBe("Kebutuhan 'Katering hajatan': musim Sepanjang tahun → Juni–Agustus");
  });

  it("calls a contact's position her job title", () => {
    expect(
      read({
        section: 'contact',
        item: 'Sri Wahyuni',
        field: 'position',
        from: 'Sekretaris',
        to: 'Kasi Kesra',
      }),
    ).toBe("Narahubung 'Sri Wahyuni': jabatan Sekretaris → Kasi Kesra");
  });

  it('keeps an unknown field by its name rather than hiding the change', () => {
    expect(read({ field: 'newField', from: 'a', to: 'b' })).toBe('Profil: newField a → b');
  });
});
