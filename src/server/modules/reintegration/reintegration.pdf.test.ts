import { describe, expect, it } from 'vitest';
import { PATHWAYS, type ReintegrationPlanView, SENSITIVE_PATHWAYS } from '../../../shared/reintegration.ts';
import { type PrintOptions, reintegrationPlanDocument } from './reintegration.pdf.ts';

// The PDF's texts, read from its document definition before rendering (rendered text is glyph ids): the
// language of the user, the signature block of the printing organization, only the pathways in the view.

const at = '2026-11-01T00:00:00.000Z';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function planView(pathways: readonly (typeof PATHWAYS)[number][] = PATHWAYS): ReintegrationPlanView {
  return {
    person: {
      id: uuid(1),
      displayName: 'Sri Rahayu',
      registrationNumber: 'BI-001/2025',
      releaseDate: '2026-12-31',
      releasedOn: null,
    },
    plan: {
      id: uuid(2),
      organization: { id: uuid(3), name: 'Lapas Perempuan Semarang' },
      intendedVillage: { id: uuid(4), name: 'Krobokan' },
      opportunity: null,
      placement: null,
      guarantor: null,
      guarantee: { letterNumber: null, acknowledgedOn: null, acknowledgedBy: null, document: null },
      summary: null,
      nextReviewOn: null,
      createdBy: 'Petugas',
      createdAt: at,
      updatedAt: at,
      version: 1,
      pathways: pathways.map((pathway) => ({
        pathway,
        status: 'in_progress' as const,
        note: null,
        updatedBy: null,
        updatedAt: at,
        version: 2,
        needs: [],
        goals: [],
        history: [],
      })),
      reviews: [],
    },
    completeness: {
      percent: 100,
      started: 8,
      total: 8,
      missing: [{ item: 'pathways_not_started', count: 2 }],
      handover: { state: 'none', organizationName: null },
    },
    canCreate: false,
    canManage: true,
    restricted: false,
  };
}

const prison: PrintOptions = {
  language: 'id',
  printedOn: '2026-11-29',
  organizationKind: 'prison',
  organizationName: 'Lapas Perempuan Semarang',
};
const text = (view: ReintegrationPlanView, options: PrintOptions) =>
  JSON.stringify(reintegrationPlanDocument(view, options).content);

describe('the reintegration plan PDF', () => {
  it('is in the language of the user who prints it', () => {
    const indonesian = text(planView(), prison);
    expect(indonesian).toContain('RENCANA REINTEGRASI');
    expect(indonesian).toContain('2 jalur belum dimulai');
    expect(indonesian).toContain('31/12/2026');
    const english = text(planView(), { ...prison, language: 'en' });
    expect(english).toContain('REINTEGRATION PLAN');
    expect(english).toContain('2 pathways not started');
    expect(english).not.toContain('RENCANA REINTEGRASI');
  });

  it('signs as the prison or the Bapas that prints it', () => {
    const lapas = text(planView(), prison);
    expect(lapas).toContain('LAPAS PEREMPUAN SEMARANG');
    expect(lapas).toContain('Petugas Lapas');
    expect(lapas).toContain('Kepala Lapas');
    const bapas = text(planView(), {
      ...prison,
      organizationKind: 'probation',
      organizationName: 'Bapas Semarang',
    });
    expect(bapas).toContain('BAPAS SEMARANG');
    expect(bapas).toContain('Pembimbing Kemasyarakatan');
    expect(bapas).toContain('Kepala Bapas');
    expect(bapas).not.toContain('Lapas');
  });

  it('prints only the pathways of the view', () => {
    expect(text(planView(), prison)).toContain('Kewajiban hukum');
    const shown = PATHWAYS.filter((pathway) => !(SENSITIVE_PATHWAYS as readonly string[]).includes(pathway));
    const restricted = text(planView(shown), prison);
    expect(restricted).not.toContain('Kewajiban hukum');
    expect(restricted).not.toContain('Sikap dan perilaku');
  });
});
