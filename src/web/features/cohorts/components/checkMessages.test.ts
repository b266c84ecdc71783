import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../shared/enrolments.ts';
import { cohortsEn } from '../../../lib/i18n/cohorts/en.ts';
import { cohortsId } from '../../../lib/i18n/cohorts/id.ts';
import { checkMessage } from './checkMessages.ts';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { id: { translation: { cohorts: cohortsId } }, en: { translation: { cohorts: cohortsEn } } },
  lng: 'id',
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** The sentence an officer reads, in the given language. */
function read(result: CheckResult, lng: 'id' | 'en' = 'id'): string {
  // The app's typed keys do not apply to this bare instance.
  const t = i18n.getFixedT(lng) as unknown as (key: string, values?: object) => string;
  const message = checkMessage(result, {
    weekdayName: (weekday) => t(`cohorts.weekdays.${weekday}`),
    statusName: (status) => t(`cohorts.enrolmentStatus.${status}`),
  });
  const translated = t(message.key, message.values);
  expect(translated).not.toBe(message.key);
  return translated;
}

describe('checkMessage', () => {
  it('says when she is expected out before the cohort ends, with dd/mm/yyyy dates', () => {
    const result: CheckResult = {
      check: 'release_before_end',
      status: 'warning',
      params: { releaseDate: '2027-01-12', endDate: '2027-02-20' },
    };
    expect(read(result)).toBe('Perkiraan bebas 12/01/2027, sebelum angkatan selesai 20/02/2027');
    expect(read(result, 'en')).toBe('Expected release 12/01/2027, before the cohort ends on 20/02/2027');
  });

  it('says an unknown release date is no obstacle', () => {
    expect(
      read({
        check: 'release_before_end',
        status: 'ok',
        params: { releaseDate: null, endDate: '2027-02-20' },
      }),
    ).toBe('Tanggal bebas belum diketahui');
  });

  it('says when a transfer is planned before the cohort ends, with the destination when known', () => {
    const result: CheckResult = {
      check: 'transfer_before_end',
      status: 'warning',
      params: { transferDate: '2027-02-01', endDate: '2027-02-20', destination: 'Lapas Perempuan Bandung' },
    };
    expect(read(result)).toBe(
      'Rencana pindah ke Lapas Perempuan Bandung pada 01/02/2027, sebelum angkatan selesai 20/02/2027',
    );
    expect(read(result, 'en')).toBe(
      'Transfer to Lapas Perempuan Bandung planned on 01/02/2027, before the cohort ends on 20/02/2027',
    );
    expect(read({ ...result, params: { ...result.params, destination: null } })).toBe(
      'Rencana pindah 01/02/2027, sebelum angkatan selesai 20/02/2027',
    );
    expect(
      read({
        check: 'transfer_before_end',
        status: 'ok',
        params: { transferDate: null, endDate: '2027-02-20', destination: null },
      }),
    ).toBe('Tidak ada rencana pemindahan');
    expect(read({ ...result, status: 'ok' })).toBe(
      'Rencana pindah 01/02/2027 sudah lewat; periksa data pidananya',
    );
  });

  it('gives the days left against the program minimum', () => {
    expect(
      read({
        check: 'time_left',
        status: 'warning',
        params: { releaseDate: '2027-01-12', daysLeft: 40, minDays: 60 },
      }),
    ).toBe('Sisa masa pidana 40 hari, kurang dari minimal 60 hari');
    expect(
      read({
        check: 'time_left',
        status: 'warning',
        params: { releaseDate: '2026-12-04', daysLeft: -10, minDays: 60 },
      }),
    ).toBe('Perkiraan bebas 04/12/2026, sebelum angkatan dimulai (minimal 60 hari tersisa)');
  });

  it('gives the last behaviour score with its month', () => {
    expect(
      read({ check: 'behaviour', status: 'warning', params: { score: 58, minScore: 65, month: '2026-10' } }),
    ).toBe('Nilai perilaku terakhir 58 (10/2026), di bawah minimal 65');
    expect(
      read({ check: 'behaviour', status: 'ok', params: { score: null, minScore: null, month: null } }),
    ).toBe('Program tidak menetapkan nilai perilaku minimal');
  });

  it('names the clashing cohort, day and times', () => {
    expect(
      read({
        check: 'schedule_clash',
        status: 'warning',
        params: { cohortId: 'x', cohortName: 'Batik Angkatan 2', weekday: 3, start: '08:00', end: '11:00' },
      }),
    ).toBe('Bentrok dengan Batik Angkatan 2: Rabu 08:00–11:00');
  });

  it('explains a full cohort and a request no longer on the waitlist', () => {
    expect(
      read({ check: 'capacity', status: 'blocked', params: { capacity: 20, allocated: 19, position: 2 } }),
    ).toBe('Kuota penuh: tempat ke-21 melebihi kuota 20 (19 sudah terisi)');
    expect(
      read({ check: 'capacity', status: 'ok', params: { capacity: 20, allocated: 3, position: 1 } }),
    ).toBe('Mendapat tempat ke-4 dari kuota 20');
    expect(
      read({ check: 'not_approved', status: 'blocked', params: { status: 'withdrawn', cause: 'status' } }),
    ).toBe('Permintaannya tidak lagi di antrean (status: Mengundurkan diri)');
    expect(
      read({ check: 'not_approved', status: 'blocked', params: { status: 'pending', cause: 'person' } }),
    ).toBe('Ia tidak lagi tercatat di lapas ini');
  });
});
