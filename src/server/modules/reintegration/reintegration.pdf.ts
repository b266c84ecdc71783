import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.d.ts';
import type { Language } from '../../../shared/common.ts';
import type {
  GoalStatus,
  NeedResponsibleKind,
  NeedStatus,
  Pathway,
  PathwayStatus,
  PlanMissingItem,
  ReintegrationPlanView,
} from '../../../shared/reintegration.ts';
import { message } from '../../platform/messages.ts';
import { renderPdf } from '../../platform/pdf.ts';
import { displayDate } from '../people/export/people-export.labels.ts';

// The printable reintegration plan (Rencana Reintegrasi): identity, completeness, one table per pathway
// (status, needs with who is responsible, goals with their steps), the guarantee and its acknowledgement by
// the Lurah, the reviews, and the signature block of the printing prison or Bapas. In the language of the
// user who prints it. Corrections staff only: the service refuses restricted readers.

type Labels = Record<Language, string>;

const PATHWAY_LABELS: Record<Pathway, Labels> = {
  identity_documents: { id: 'Dokumen identitas (KTP, KK, BPJS)', en: 'Identity documents (KTP, KK, BPJS)' },
  housing: { id: 'Tempat tinggal', en: 'Housing' },
  family_children: { id: 'Keluarga dan anak', en: 'Family and children' },
  health: { id: 'Kesehatan', en: 'Health' },
  skills_work: { id: 'Keterampilan dan pekerjaan', en: 'Skills and work' },
  finance: { id: 'Keuangan', en: 'Finance' },
  attitudes_behaviour: { id: 'Sikap dan perilaku', en: 'Attitudes and behaviour' },
  legal_obligations: { id: 'Kewajiban hukum', en: 'Legal obligations' },
};

const PATHWAY_STATUS_LABELS: Record<PathwayStatus, Labels> = {
  not_started: { id: 'Belum dimulai', en: 'Not started' },
  support_required: { id: 'Perlu dukungan', en: 'Support required' },
  in_progress: { id: 'Sedang berjalan', en: 'In progress' },
  support_declined: { id: 'Dukungan ditolak', en: 'Support declined' },
  done: { id: 'Selesai', en: 'Done' },
};

const NEED_STATUS_LABELS: Record<NeedStatus, Labels> = {
  open: { id: 'Terbuka', en: 'Open' },
  in_progress: { id: 'Sedang berjalan', en: 'In progress' },
  done: { id: 'Selesai', en: 'Done' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
};

const RESPONSIBLE_LABELS: Record<NeedResponsibleKind, Labels> = {
  prison: { id: 'Lapas', en: 'Prison' },
  probation: { id: 'Bapas', en: 'Probation office' },
  village: { id: 'Kelurahan', en: 'Kelurahan' },
  partner: { id: 'Mitra', en: 'Partner' },
};

const GOAL_STATUS_LABELS: Record<GoalStatus, Labels> = {
  open: { id: 'Berjalan', en: 'Open' },
  achieved: { id: 'Tercapai', en: 'Achieved' },
  not_achieved: { id: 'Tidak tercapai', en: 'Not achieved' },
  dropped: { id: 'Dihentikan', en: 'Dropped' },
};

const MISSING_LABELS: Record<Exclude<PlanMissingItem, 'pathways_not_started'>, Labels> = {
  no_plan: { id: 'Belum ada rencana', en: 'No plan' },
  no_intended_village: { id: 'Kelurahan tujuan belum ditentukan', en: 'No intended kelurahan' },
  guarantee_not_acknowledged: {
    id: 'Surat jaminan belum diketahui Lurah',
    en: 'Guarantee letter not acknowledged by the Lurah',
  },
  no_handover: { id: 'Belum diserahkan ke Bapas', en: 'Not handed over to Bapas' },
};

const TEXT = {
  title: { id: 'RENCANA REINTEGRASI', en: 'REINTEGRATION PLAN' },
  name: { id: 'Nama', en: 'Name' },
  registration: { id: 'No. registrasi', en: 'Registration no.' },
  release: { id: 'Perkiraan tanggal bebas', en: 'Expected release date' },
  released: { id: 'Tanggal bebas', en: 'Released on' },
  village: { id: 'Kelurahan tujuan', en: 'Intended kelurahan' },
  opportunity: { id: 'Peluang terpilih', en: 'Chosen opportunity' },
  completeness: { id: 'Kelengkapan', en: 'Completeness' },
  pathwaysStarted: { id: 'jalur sudah dimulai', en: 'pathways started' },
  missing: { id: 'Yang belum lengkap', en: 'Still missing' },
  status: { id: 'Status', en: 'Status' },
  note: { id: 'Catatan', en: 'Note' },
  needs: { id: 'Kebutuhan', en: 'Needs' },
  responsible: { id: 'Penanggung jawab', en: 'Responsible' },
  due: { id: 'Tenggat', en: 'Due' },
  goals: { id: 'Tujuan', en: 'Goals' },
  target: { id: 'Target', en: 'Target' },
  months: { id: 'bulan', en: 'months' },
  steps: { id: 'Langkah', en: 'Steps' },
  done: { id: 'selesai', en: 'done' },
  none: { id: 'Tidak ada.', en: 'None.' },
  guarantee: { id: 'Penjamin dan surat jaminan', en: 'Guarantor and guarantee letter' },
  guarantor: { id: 'Penjamin', en: 'Guarantor' },
  letter: { id: 'No. surat jaminan', en: 'Guarantee letter no.' },
  acknowledged: { id: 'Diketahui Lurah', en: 'Acknowledged by the Lurah' },
  reviews: { id: 'Tinjauan', en: 'Reviews' },
  reviewDate: { id: 'Tanggal', en: 'Date' },
  summary: { id: 'Ringkasan', en: 'Summary' },
  nextReview: { id: 'Tinjauan berikutnya', en: 'Next review' },
  reviewer: { id: 'Peninjau', en: 'Reviewer' },
  planSummary: { id: 'Ringkasan rencana', en: 'Plan summary' },
  knowing: { id: 'Mengetahui,', en: 'Acknowledged,' },
} satisfies Record<string, Labels>;

/** The signature block by who prints it: the prison before release, the Bapas after handover. */
const SIGNATURES: Record<PrintingKind, { officer: Labels; person: Labels; head: Labels }> = {
  prison: {
    officer: { id: 'Petugas Lapas', en: 'Prison officer' },
    person: { id: 'Warga binaan', en: 'Inmate' },
    head: { id: 'Kepala Lapas', en: 'Head of the prison' },
  },
  probation: {
    officer: { id: 'Pembimbing Kemasyarakatan', en: 'Probation officer' },
    person: { id: 'Klien', en: 'Client' },
    head: { id: 'Kepala Bapas', en: 'Head of the probation office' },
  },
};

export type PrintingKind = 'prison' | 'probation';

export interface PrintOptions {
  language: Language;
  /** 'yyyy-mm-dd'. */
  printedOn: string;
  /** The printing organization's kind and name: letterhead and signature block. */
  organizationKind: PrintingKind;
  organizationName: string;
}

/** dd/mm/yyyy, '-' when empty. */
const date = (value: string | null | undefined) => displayDate(value) || '-';

/** The plan as a PDF; `view.plan` must be present. */
export function reintegrationPlanPdf(view: ReintegrationPlanView, options: PrintOptions): Promise<Buffer> {
  return renderPdf(reintegrationPlanDocument(view, options));
}

/** The pdfmake document of the plan (exported for tests: its texts can be read before rendering). */
export function reintegrationPlanDocument(
  view: ReintegrationPlanView,
  { language, printedOn, organizationKind, organizationName }: PrintOptions,
): TDocumentDefinitions {
  const plan = view.plan;
  if (!plan) throw new Error('No plan to print');
  const t = (key: keyof typeof TEXT) => TEXT[key][language];
  const signatures = SIGNATURES[organizationKind];
  const { person, completeness } = view;
  const particulars: [string, string][] = [
    [t('name'), person.displayName],
    ...(person.registrationNumber
      ? [[t('registration'), person.registrationNumber] as [string, string]]
      : []),
    [t('release'), date(person.releaseDate)],
    ...(person.releasedOn ? [[t('released'), date(person.releasedOn)] as [string, string]] : []),
    [t('village'), plan.intendedVillage?.name ?? '-'],
    [
      t('opportunity'),
      plan.opportunity ? `${plan.opportunity.title} (${plan.opportunity.partnerName})` : '-',
    ],
    [
      t('completeness'),
      `${completeness.percent ?? '-'}% (${completeness.started ?? '-'}/${completeness.total} ${t('pathwaysStarted')})`,
    ],
  ];
  const content: Content[] = [
    { text: organizationName.toLocaleUpperCase('id-ID'), style: 'letterhead' },
    { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 523, y2: 4, lineWidth: 1.5 }], margin: [0, 2, 0, 10] },
    { text: t('title'), style: 'title' },
    {
      table: {
        widths: [130, 8, '*'],
        body: particulars.map(([label, value]) => [label, ':', { text: value, bold: true }]),
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 6],
    },
  ];
  if (completeness.missing.length)
    content.push({
      text: `${t('missing')}: ${completeness.missing
        .map((item) =>
          item.item === 'pathways_not_started'
            ? message('REINTEGRATION_PDF_PATHWAYS_NOT_STARTED', language, { count: item.count ?? 0 })
            : MISSING_LABELS[item.item][language],
        )
        .join('; ')}`,
      style: 'muted',
      margin: [0, 0, 0, 6],
    });
  if (plan.summary) content.push({ text: t('planSummary'), style: 'heading' }, { text: plan.summary });

  for (const pathway of plan.pathways) {
    const block: Content[] = [
      {
        text: `${PATHWAY_LABELS[pathway.pathway][language]} — ${PATHWAY_STATUS_LABELS[pathway.status][language]}`,
        style: 'heading',
      },
    ];
    if (pathway.note) block.push({ text: `${t('note')}: ${pathway.note}`, margin: [0, 0, 0, 4] });
    const rows: TableCell[][] = [];
    for (const need of pathway.needs)
      rows.push([
        t('needs'),
        need.description,
        `${RESPONSIBLE_LABELS[need.responsibleKind][language]}${
          need.responsibleOrganization ? `: ${need.responsibleOrganization.name}` : ''
        }`,
        NEED_STATUS_LABELS[need.status][language],
        date(need.dueOn),
      ]);
    for (const goal of pathway.goals) {
      const steps = goal.steps
        .map(
          (step, index) =>
            `${index + 1}. ${step.title}${step.dueOn ? ` (${t('due')} ${date(step.dueOn)})` : ''}${
              step.doneOn ? ` — ${t('done')} ${date(step.doneOn)}` : ''
            }`,
        )
        .join('\n');
      rows.push([
        t('goals'),
        { stack: [{ text: goal.title, bold: true }, ...(steps ? [{ text: steps, fontSize: 8 }] : [])] },
        `${goal.horizonMonths} ${t('months')}`,
        GOAL_STATUS_LABELS[goal.status][language],
        date(goal.targetDate),
      ]);
    }
    if (rows.length)
      block.push({
        table: {
          headerRows: 1,
          widths: [55, '*', 110, 65, 55],
          body: [
            ['', '', t('responsible'), t('status'), `${t('due')}/${t('target')}`].map((text) => ({
              text,
              style: 'th',
            })),
            ...rows,
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
      });
    else block.push({ text: t('none'), style: 'muted' });
    content.push({ stack: block });
  }

  content.push({ text: t('guarantee'), style: 'heading' });
  content.push({
    table: {
      widths: [130, 8, '*'],
      body: [
        [
          t('guarantor'),
          ':',
          plan.guarantor
            ? `${plan.guarantor.name}${plan.guarantor.relation ? ` (${plan.guarantor.relation})` : ''}`
            : '-',
        ],
        [t('letter'), ':', plan.guarantee.letterNumber ?? '-'],
        [
          t('acknowledged'),
          ':',
          plan.guarantee.acknowledgedOn
            ? `${date(plan.guarantee.acknowledgedOn)}${
                plan.guarantee.acknowledgedBy ? ` — ${plan.guarantee.acknowledgedBy}` : ''
              }`
            : '-',
        ],
      ],
    },
    layout: 'noBorders',
  });

  content.push({ text: t('reviews'), style: 'heading' });
  if (plan.reviews.length)
    content.push({
      table: {
        headerRows: 1,
        widths: [55, '*', 65, 110],
        body: [
          [t('reviewDate'), t('summary'), t('nextReview'), t('reviewer')].map((text) => ({
            text,
            style: 'th',
          })),
          ...plan.reviews.map((review) => [
            date(review.reviewedOn),
            review.summary ?? '-',
            date(review.nextReviewOn),
            `${review.reviewerName} (${review.organizationName})`,
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 9,
    });
  else content.push({ text: t('none'), style: 'muted' });

  const signature = (lines: string[], name: string) => ({
    width: '33%',
    alignment: 'center' as const,
    stack: [...lines, { text: ' ', margin: [0, 36, 0, 0] as [number, number, number, number] }, name],
  });
  content.push({
    columns: [
      signature(['', signatures.officer[language]], '(...................................)'),
      signature(['', signatures.person[language]], `( ${person.displayName} )`),
      signature([t('knowing'), signatures.head[language]], '(...................................)'),
    ],
    margin: [0, 24, 0, 0],
    unbreakable: true,
  });

  return {
    info: { title: `${TEXT.title[language]} ${person.displayName}`, creator: 'Sinergi' },
    pageSize: 'A4',
    pageMargins: [36, 36, 36, 40],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      letterhead: { fontSize: 13, bold: true, alignment: 'center' },
      title: { fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
      heading: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      muted: { color: '#555555', fontSize: 9 },
      th: { bold: true, fillColor: '#eeeeee' },
    },
    footer: (page, pages) => ({
      text: `${message('REINTEGRATION_PDF_PRINTED', language, { date: date(printedOn) })} · ${message(
        'REINTEGRATION_PDF_PAGE',
        language,
        { page, pages },
      )}`,
      alignment: 'center',
      fontSize: 8,
      color: '#555555',
    }),
    content,
  };
}
