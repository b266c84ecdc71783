import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { tasksEn } from '../../../lib/i18n/tasks/en.ts';
import { tasksId } from '../../../lib/i18n/tasks/id.ts';
import { notificationText } from './notificationText.ts';

async function translator(language: 'id' | 'en'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { id: { translation: { tasks: tasksId } }, en: { translation: { tasks: tasksEn } } },
    interpolation: { escapeValue: false },
  });
  return instance.t as unknown as TFunction;
}

describe('notificationText', () => {
  it('tells a kelurahan a client is coming, with the date dd/mm/yyyy and no name', async () => {
    const t = await translator('id');
    expect(notificationText(t, { kind: 'client_coming', params: { date: '2027-01-15' } })).toBe(
      'Seorang klien akan kembali ke kelurahan Anda mulai 15/01/2027.',
    );
    expect(notificationText(t, { kind: 'client_coming', params: {} })).toBe(
      'Seorang klien akan kembali ke kelurahan Anda.',
    );
  });

  it('names the organization when sent, and adds the date', async () => {
    const t = await translator('en');
    expect(
      notificationText(t, {
        kind: 'handover_sent',
        params: { organizationName: 'Lapas Perempuan Semarang', date: '2027-02-01' },
      }),
    ).toBe(
      'A new handover package from Lapas Perempuan Semarang waits for your decision. Expected release: 01/02/2027.',
    );
    expect(notificationText(t, { kind: 'handover_sent', params: {} })).toBe(
      'A new handover package waits for your decision.',
    );
  });

  it('names an escalation level in words, and ignores an unknown one', async () => {
    const t = await translator('id');
    expect(notificationText(t, { kind: 'escalation_report', params: { level: 'report_to_head' } })).toBe(
      'Seorang klien berulang kali tidak hadir bimbingan: perlu tindakan Kepala Bapas. Tingkat eskalasi: lapor ke Kepala Bapas.',
    );
    expect(notificationText(t, { kind: 'escalation_report', params: { level: 'x' } })).toBe(
      'Seorang klien berulang kali tidak hadir bimbingan: perlu tindakan Kepala Bapas.',
    );
  });

  it('gives an unknown kind a generic sentence', async () => {
    const t = await translator('en');
    expect(notificationText(t, { kind: 'brand_new_kind', params: { date: '2027-01-01' } })).toBe(
      'There is a new notification.',
    );
  });
});
