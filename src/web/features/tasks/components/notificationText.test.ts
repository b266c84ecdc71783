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

describe('notificationText for governance', () => {
  it('names the agreement and asks again with the text version', async () => {
    const t = await translator('id');
    expect(
      notificationText(t, {
        kind: 'agreement_review_requested',
        params: { title: 'MoU Desa Binaan', textVersion: 3 },
      }),
    ).toBe('Naskah kesepakatan "MoU Desa Binaan" menunggu tinjauan dan persetujuan Anda. Versi naskah: 3.');
    expect(notificationText(t, { kind: 'agreement_review_requested', params: {} })).toBe(
      'Sebuah naskah kesepakatan menunggu tinjauan dan persetujuan Anda.',
    );
  });

  it('says how many days are left and the expiry date dd/mm/yyyy', async () => {
    const id = await translator('id');
    expect(
      notificationText(id, {
        kind: 'agreement_expiring',
        params: { title: 'MoU Desa Binaan', days: 30, date: '2027-03-31' },
      }),
    ).toBe('Kesepakatan "MoU Desa Binaan" akan segera berakhir. Sisa 30 hari. Tanggal berakhir: 31/03/2027.');
    const en = await translator('en');
    expect(notificationText(en, { kind: 'agreement_expiring', params: { title: 'MoU', days: 1 } })).toBe(
      'The agreement "MoU" expires soon. 1 day left.',
    );
  });

  it('gives an action item its title and due date', async () => {
    const t = await translator('en');
    expect(
      notificationText(t, {
        kind: 'action_item_assigned',
        params: { title: 'Draft the MoU', date: '2026-05-11' },
      }),
    ).toBe('You have a follow-up action from a meeting: "Draft the MoU". Due: 11/05/2026.');
    expect(notificationText(t, { kind: 'agreement_signed', params: { title: 'PKS Batik' } })).toBe(
      'The agreement "PKS Batik" has been signed.',
    );
    expect(notificationText(t, { kind: 'agreement_agreed_all', params: {} })).toBe(
      'Every party has agreed the text of an agreement: it is ready to sign.',
    );
    const id = await translator('id');
    expect(
      notificationText(id, {
        kind: 'agreement_changes_requested',
        params: { title: 'MoU Desa Binaan', organizationName: 'Kecamatan Semarang Barat' },
      }),
    ).toBe('Salah satu pihak meminta perubahan naskah kesepakatan "MoU Desa Binaan".');
  });
});
