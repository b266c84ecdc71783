import { describe, expect, it } from 'vitest';
import { auditCsv } from './audit.presenter.ts';
import type { AuditRecord } from './audit.repository.ts';

const row = (overrides: Partial<AuditRecord>): AuditRecord => ({
  id: '1',
  at: new Date('2026-04-27T02:30:00Z'),
  actor_user_id: null,
  actor_username: 'admin',
  actor_organization_id: null,
  actor_organization_name: 'Lapas Perempuan Kelas IIA Semarang',
  action: 'user.created',
  subject_type: 'user',
  subject_id: 'abc',
  correlation_id: 'c1',
  ip: '127.0.0.1',
  details: {},
  ...overrides,
});

describe('auditCsv', () => {
  it('starts with a BOM and an Indonesian header, and writes times as dd/mm/yyyy in WIB', () => {
    const csv = auditCsv([row({})], 'id');
    expect(csv.startsWith('\uFEFFNo,Waktu (WIB),Pengguna,Organisasi,Tindakan')).toBe(true);
    expect(csv).toContain('27/04/2026 09:30:00');
  });

  it('quotes commas and quotes, and neutralises cells a spreadsheet would run as formulas', () => {
    const csv = auditCsv([row({ actor_username: '=HYPERLINK("x")', details: { note: 'a, "b"' } })], 'en');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"{""note"":""a, \\""b\\""""}"');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFNo,Time (WIB),User,Organization,Action,Subject type,Subject id,Correlation id,IP,Details',
    );
  });
});
