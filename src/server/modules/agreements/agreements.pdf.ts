import type { Column, Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces.d.ts';
import type { AgreementDetail, AgreementPartyView } from '../../../shared/agreements.ts';
import { partyLabel } from '../../../shared/agreements.ts';
import type { Language } from '../../../shared/common.ts';
import { renderPdf } from '../../platform/pdf.ts';
import {
  dayMonthYear,
  joinList,
  monthName,
  shortDate,
  terbilang,
  weekdayOf,
} from '../governance/governance.text.ts';
import { letterhead } from '../training/attendance/daftar-hadir.pdf.ts';

// The printable agreement in the standard layout of an Indonesian MoU (Nota Kesepahaman) or PKS (Perjanjian
// Kerja Sama): the title block (kind, ANTARA the parties, TENTANG the title, each party's own number), the
// opening ("Pada hari ini …, bertempat di …, yang bertanda tangan di bawah ini:") naming each signatory and
// the organization she acts for ("selanjutnya disebut PIHAK PERTAMA"), the considerations (Menimbang a., b.,
// …), the agreement sentence, every Pasal centred with its heading and its ayat numbered (1), (2), …, the
// signature columns (kept on the page of the closing lines), and the obligations as an annex. Everything after
// "dengan ketentuan sebagai berikut:" is a Pasal: the purpose and scope fields are the app's summary, not
// printed. Until it is signed, every page says "DRAFT versi n". The labels follow `language`; the text itself
// is printed as the parties wrote it.

type Labels = Record<Language, string>;

const TEXT = {
  mou: { id: 'NOTA KESEPAHAMAN', en: 'MEMORANDUM OF UNDERSTANDING' },
  pks: { id: 'PERJANJIAN KERJA SAMA', en: 'COOPERATION AGREEMENT' },
  mouSentence: { id: 'Nota Kesepahaman', en: 'Memorandum of Understanding' },
  pksSentence: { id: 'Perjanjian Kerja Sama', en: 'Cooperation Agreement' },
  between: { id: 'ANTARA', en: 'BETWEEN' },
  and: { id: 'DAN', en: 'AND' },
  about: { id: 'TENTANG', en: 'CONCERNING' },
  number: { id: 'Nomor', en: 'Number' },
  name: { id: 'Nama', en: 'Name' },
  position: { id: 'Jabatan', en: 'Position' },
  considering: { id: 'Menimbang', en: 'Considering' },
  article: { id: 'Pasal', en: 'Article' },
  annex: { id: 'LAMPIRAN', en: 'ANNEX' },
  obligations: { id: 'KEWAJIBAN PARA PIHAK', en: 'OBLIGATIONS OF THE PARTIES' },
  no: { id: 'No', en: 'No' },
  party: { id: 'Pihak', en: 'Party' },
  obligation: { id: 'Kewajiban', en: 'Obligation' },
  due: { id: 'Tenggat', en: 'Due' },
  draft: { id: 'DRAFT versi {n}', en: 'DRAFT version {n}' },
  watermark: { id: 'DRAFT', en: 'DRAFT' },
  page: { id: 'Halaman {page} dari {pages}', en: 'Page {page} of {pages}' },
} satisfies Record<string, Labels>;

const ORDINALS_EN = ['FIRST', 'SECOND', 'THIRD', 'FOURTH', 'FIFTH', 'SIXTH', 'SEVENTH', 'EIGHTH'];

/** "PIHAK PERTAMA" / "the FIRST PARTY". */
function partyName(position: number, language: Language): string {
  if (language === 'id') return partyLabel(position);
  return `${ORDINALS_EN[position - 1] ?? `${position}TH`} PARTY`;
}

const ALL_PARTIES: Labels = { id: 'PARA PIHAK', en: 'THE PARTIES' };

/** A blank to be filled in by hand on a draft. */
const BLANK = '....................';

/**
 * The words PARA PIHAK, PIHAK PERTAMA … (and THE PARTIES, FIRST PARTY … in English) in bold, as Indonesian
 * agreements print them.
 */
const PARTY_WORDS =
  'PARA PIHAK|PIHAK (?:PERTAMA|KEDUA|KETIGA|KEEMPAT|KELIMA|KEENAM|KETUJUH|KEDELAPAN|KE-\\d+)|THE PARTIES|(?:FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH) PARTY';
// A following punctuation mark goes with the bold words: pdfmake's justification spreads space between
// text pieces, which would part "PIHAK KEDUA" from its comma.
const PARTY_SPLIT = new RegExp(`((?:${PARTY_WORDS})[.,;:)]*)`);
const PARTY_WHOLE = new RegExp(`^(?:${PARTY_WORDS})[.,;:)]*$`);

/**
 * Printable text: a hyphen inside a word ("masing-masing") becomes a non-breaking hyphen, since pdfmake's
 * justification would otherwise open a gap after it.
 */
export function printable(text: string): string {
  return text.replace(/(\p{L})-(?=\p{L})/gu, '$1\u2011');
}

export function emphasizeParties(text: string): ContentText['text'] {
  const parts = printable(text)
    .split(PARTY_SPLIT)
    .filter((part) => part !== '');
  if (parts.length === 1 && !PARTY_WHOLE.test(parts[0] as string)) return parts[0] as string;
  // The space after the bold words goes with them too (a piece starting with a space gets a double gap).
  return parts.flatMap((part, index): (string | ContentText)[] => {
    const next = parts[index + 1];
    if (PARTY_WHOLE.test(part)) return [{ text: next?.startsWith(' ') ? `${part} ` : part, bold: true }];
    const previous = parts[index - 1];
    const text =
      previous !== undefined && PARTY_WHOLE.test(previous) && part.startsWith(' ') ? part.slice(1) : part;
    return text ? [text] : [];
  });
}

/** A numbered or lettered line ("(1) …", "a. …", "1. …") split into its mark and its text. */
function markOf(line: string): { mark: string; rest: string } | null {
  const match = /^(\(\d+\)|\d+[.)]|[a-z][.)])\s+(.*)$/s.exec(line);
  return match ? { mark: match[1] as string, rest: match[2] as string } : null;
}

/** A hanging-indent row: the mark in its column, the text justified beside it. */
function hanging(mark: string, body: Content, markWidth: number): Content {
  return {
    columns: [
      { text: mark, width: markWidth },
      { width: '*', stack: [body] },
    ],
    columnGap: 2,
    margin: [0, 0, 0, 3],
  };
}

/** One ayat: its first line, then its lettered points (a., b., …) hanging under it. */
function ayatBody(text: string): Content {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const stack: Content[] = [];
  for (const line of lines) {
    const mark = markOf(line);
    if (mark && stack.length > 0 && /^[a-z0-9]+[.)]$/.test(mark.mark))
      stack.push(hanging(mark.mark, { text: emphasizeParties(mark.rest), alignment: 'justify' }, 18));
    else stack.push({ text: emphasizeParties(line), alignment: 'justify', margin: [0, 0, 0, 3] });
  }
  return { stack };
}

/**
 * The body of a Pasal: ayat are separated by blank lines and numbered (1), (2), … when there is more than one
 * (a number already typed at the start of an ayat is kept, not repeated).
 */
export function clauseBody(body: string): Content[] {
  const ayat = body
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
  return ayat.map((text, index) => {
    const typed = /^\((\d+)\)\s+(.*)$/s.exec(text);
    if (typed) return hanging(`(${typed[1]})`, ayatBody(typed[2] as string), 24);
    if (ayat.length === 1) return { stack: [ayatBody(text)], margin: [0, 0, 0, 3] };
    return hanging(`(${index + 1})`, ayatBody(text), 24);
  });
}

/** Capitals, as the title block prints the title. */
const upper = (value: string) => value.toLocaleUpperCase('id-ID');

/** A consideration's mark as typed ("a.", "1.", "b)"), dropped: the print letters them itself. */
const CONSIDERATION_MARK = /^(?:\d+|[a-z])[.)]\s+/i;

/**
 * The considerations (Menimbang) one per item, their typed marks removed: an item starts on a line that begins
 * with a mark or "bahwa", or after a blank line; any other line continues the item before it (a wrapped line).
 */
export function considerationItems(text: string | null): string[] {
  const items: string[] = [];
  let startNext = true;
  for (const raw of (text ?? '').split('\n')) {
    const line = raw.trim();
    if (!line) {
      startNext = true;
      continue;
    }
    const marked = CONSIDERATION_MARK.test(line) || /^bahwa\b/i.test(line);
    const body = line.replace(CONSIDERATION_MARK, '');
    if (startNext || marked || items.length === 0) items.push(body);
    else items[items.length - 1] = `${items[items.length - 1]} ${body}`;
    startNext = false;
  }
  return items.filter(Boolean);
}

/** "Pada hari ini Senin, tanggal dua puluh tujuh bulan April tahun dua ribu dua puluh enam (27-04-2026)". */
function openingDay(signedOn: string | null, language: Language): string {
  if (!signedOn) {
    return language === 'id'
      ? `Pada hari ini ${BLANK} tanggal ${BLANK} bulan ${BLANK} tahun ${BLANK}`
      : `On this day, ${BLANK}, ${BLANK}`;
  }
  const [year, month, day] = signedOn.split('-').map(Number) as [number, number, number];
  if (language === 'en') return `On this day, ${weekdayOf(signedOn, 'en')}, ${dayMonthYear(signedOn, 'en')}`;
  return `Pada hari ini ${weekdayOf(signedOn)}, tanggal ${terbilang(day)} bulan ${monthName(month)} tahun ${terbilang(
    year,
  )} (${shortDate(signedOn).replaceAll('/', '-')})`;
}

function partyParagraph(party: AgreementPartyView, language: Language): Content {
  const label = partyName(party.position, language);
  const rows: Content[] = [
    {
      columns: [
        { text: TEXT.name[language], width: 60 },
        { text: ':', width: 8 },
        { text: party.signatoryName ?? BLANK, bold: true, width: '*' },
      ],
    },
    {
      columns: [
        { text: TEXT.position[language], width: 60 },
        { text: ':', width: 8 },
        { text: party.signatoryPosition ?? BLANK, width: '*' },
      ],
    },
    {
      text:
        language === 'id'
          ? [
              'dalam hal ini bertindak untuk dan atas nama ',
              { text: `${party.organization.name},`, bold: true },
              ' selanjutnya disebut ',
              { text: `${label}.`, bold: true },
            ]
          : [
              'acting for and on behalf of ',
              { text: `${party.organization.name},`, bold: true },
              ' hereinafter referred to as the ',
              { text: `${label}.`, bold: true },
            ],
      alignment: 'justify',
      margin: [0, 2, 0, 0],
    },
  ];
  return hanging(`${party.position}.`, { stack: rows }, 18);
}

/** The title block: kind, ANTARA the parties (DAN before the last), TENTANG the title, each party's number. */
function titleBlock(detail: AgreementDetail, language: Language): Content[] {
  const parties = detail.parties;
  const names: Content[] = [];
  parties.forEach((party, index) => {
    if (index > 0 && index === parties.length - 1)
      names.push({ text: TEXT.and[language], style: 'titleLine' });
    const comma = parties.length > 2 && index < parties.length - 2 ? ',' : '';
    // The full name, as the letterheads print it ("Lapas …" → "LEMBAGA PEMASYARAKATAN …").
    names.push({ text: `${letterhead(party.organization.name)}${comma}`, style: 'titleLine' });
  });
  return [
    { text: TEXT[detail.kind][language], style: 'title' },
    { text: TEXT.between[language], style: 'titleLine' },
    ...names,
    { text: TEXT.about[language], style: 'titleLine', margin: [0, 2, 0, 0] },
    { text: upper(detail.title), style: 'titleLine' },
    {
      stack: parties.map((party) => ({
        text: `${upper(TEXT.number[language])}: ${party.documentNumber ?? BLANK}`,
        alignment: 'center' as const,
      })),
      margin: [0, 10, 0, 0],
    },
    {
      canvas: [{ type: 'line', x1: 0, y1: 0, x2: 483, y2: 0, lineWidth: 0.75 }],
      margin: [0, 10, 0, 12],
    },
  ];
}

/**
 * Signature rows, two columns to a row (a last odd one centred): PIHAK …, the organization, space, name,
 * position. Each row unbreakable (the caller keeps the first with the closing lines).
 */
function signatures(detail: AgreementDetail, language: Language): Content[] {
  const block = (party: AgreementPartyView): Column => ({
    stack: [
      { text: `${partyName(party.position, language)},`, bold: true },
      { text: party.organization.name, margin: [0, 0, 0, 0] },
      { text: ' ', margin: [0, 48, 0, 0] },
      { text: party.signatoryName ?? `(${BLANK})`, bold: true, decoration: 'underline' },
      { text: party.signatoryPosition ?? '' },
    ],
    alignment: 'center',
    width: '*',
  });
  const rows: Content[] = [];
  for (let index = 0; index < detail.parties.length; index += 2) {
    const pair = detail.parties.slice(index, index + 2);
    const columns: Column[] =
      pair.length === 2
        ? pair.map(block)
        : [{ text: '', width: '25%' }, block(pair[0] as AgreementPartyView), { text: '', width: '25%' }];
    rows.push({ columns, columnGap: 24, margin: [0, 18, 0, 0], unbreakable: true });
  }
  return rows;
}

/** The obligations as an annex table (party, obligation, due date), when there are any. */
function annex(detail: AgreementDetail, language: Language): Content[] {
  if (detail.obligations.length === 0) return [];
  const position = new Map(detail.parties.map((party) => [party.organization.id, party.position]));
  return [
    { text: TEXT.annex[language], style: 'title', pageBreak: 'before', margin: [0, 0, 0, 2] },
    {
      text: `${upper(TEXT[detail.kind][language])} ${TEXT.about[language]} ${upper(detail.title)}`,
      style: 'titleLine',
    },
    { text: TEXT.obligations[language], style: 'titleLine', margin: [0, 6, 0, 10] },
    {
      table: {
        headerRows: 1,
        widths: [22, 130, '*', 62],
        body: [
          [TEXT.no[language], TEXT.party[language], TEXT.obligation[language], TEXT.due[language]].map(
            (text) => ({
              text,
              bold: true,
              fillColor: '#eeeeee',
            }),
          ),
          ...detail.obligations.map((obligation, index) => {
            const at = position.get(obligation.organization.id);
            return [
              `${index + 1}.`,
              {
                stack: [
                  ...(at ? [{ text: partyName(at, language), bold: true }] : []),
                  obligation.organization.name,
                ],
              },
              { text: emphasizeParties(obligation.description), alignment: 'justify' as const },
              obligation.dueOn ? shortDate(obligation.dueOn) : '-',
            ];
          }),
        ],
      },
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 3, paddingBottom: () => 3 },
      fontSize: 10,
    },
  ];
}

const interpolate = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));

/** The pdfmake document of an agreement (exported for tests: its texts can be read before rendering). */
export function agreementPdfDocument(detail: AgreementDetail, language: Language): TDocumentDefinitions {
  const signed = detail.signedOn !== null;
  const kindSentence = TEXT[detail.kind === 'mou' ? 'mouSentence' : 'pksSentence'][language];
  const labels = detail.parties.map((party) => partyName(party.position, language));
  const content: Content[] = [...titleBlock(detail, language)];

  const place = detail.signedPlace ?? BLANK;
  content.push({
    text:
      language === 'id'
        ? `${openingDay(detail.signedOn, language)}, bertempat di ${place}, yang bertanda tangan di bawah ini:`
        : `${openingDay(detail.signedOn, language)}, at ${place}, the undersigned:`,
    alignment: 'justify',
    margin: [0, 0, 0, 6],
  });
  for (const party of detail.parties) content.push(partyParagraph(party, language));
  content.push({
    text:
      language === 'id'
        ? [
            ...labels.flatMap((label, index) => [
              {
                text: `${label}${labels.length > 2 && index < labels.length - 1 ? ',' : ''}${index === labels.length - 1 ? ' ' : ''}`,
                bold: true,
              },
              index === labels.length - 2 ? ' dan ' : index < labels.length - 1 ? ' ' : '',
            ]),
            `secara bersama${'\u2011'}sama selanjutnya disebut `,
            { text: `${ALL_PARTIES.id}.`, bold: true },
          ]
        : [
            `The ${joinList(labels, 'en')} are hereinafter jointly referred to as `,
            { text: `${ALL_PARTIES.en}.`, bold: true },
          ],
    alignment: 'justify',
    margin: [0, 4, 0, 8],
  });

  const considerations = considerationItems(detail.considerations);
  if (considerations.length) {
    content.push({
      columns: [
        { text: TEXT.considering[language], width: 70 },
        { text: ':', width: 8 },
        {
          width: '*',
          stack: considerations.map((line, index) =>
            hanging(
              `${String.fromCharCode(97 + (index % 26))}.`,
              {
                text: emphasizeParties(/[;.]$/.test(line) ? line : `${line};`),
                alignment: 'justify',
              },
              16,
            ),
          ),
        },
      ],
      margin: [0, 0, 0, 6],
    });
  }

  const parent = detail.kind === 'pks' && detail.parent ? detail.parent.title : null;
  content.push({
    text:
      language === 'id'
        ? [
            considerations.length ? 'Berdasarkan pertimbangan tersebut di atas, ' : '',
            { text: `${ALL_PARTIES.id} `, bold: true },
            `sepakat untuk mengadakan ${kindSentence} tentang ${printable(detail.title)}${
              parent ? ` sebagai pelaksanaan Nota Kesepahaman tentang ${printable(parent)}` : ''
            }, dengan ketentuan sebagai berikut:`,
          ]
        : [
            considerations.length ? 'In view of the above, ' : '',
            { text: `${ALL_PARTIES.en} `, bold: true },
            `agree to enter into this ${kindSentence} concerning ${printable(detail.title)}${
              parent ? `, implementing the Memorandum of Understanding concerning ${printable(parent)}` : ''
            }, under the following terms:`,
          ],
    alignment: 'justify',
    margin: [0, 0, 0, 6],
  });

  const clauses: Content[] = [];
  for (const clause of detail.clauses) {
    const [first, ...rest] = clauseBody(clause.body);
    // A Pasal's title stays on the page of its first ayat.
    clauses.push({
      stack: [
        { text: `${TEXT.article[language]} ${clause.position}`, style: 'pasal' },
        { text: clause.heading, style: 'pasalHeading', margin: [0, 0, 0, 4] },
        ...(first ? [first] : []),
      ],
      unbreakable: true,
      margin: [0, 10, 0, 0],
    });
    clauses.push(...rest);
  }
  // The signatures are never alone on a page: the last ayat of the closing Pasal (with the Pasal's title when
  // it is its only ayat) and the first row of signatures are one unbreakable block.
  const [firstSignatures, ...moreSignatures] = signatures(detail, language);
  const closing = clauses.pop();
  if (closing && firstSignatures) {
    content.push(...clauses, { stack: [closing, firstSignatures], unbreakable: true });
  } else {
    content.push(...clauses, ...(firstSignatures ? [firstSignatures] : []));
  }
  content.push(...moreSignatures);
  content.push(...annex(detail, language));

  const draftLabel = interpolate(TEXT.draft[language], { n: detail.textVersion });
  return {
    info: { title: `${TEXT[detail.kind][language]} — ${detail.title}`, creator: 'Sinergi' },
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      titleLine: { fontSize: 12, bold: true, alignment: 'center' },
      pasal: { bold: true, alignment: 'center' },
      pasalHeading: { bold: true, alignment: 'center' },
    },
    ...(signed
      ? {}
      : {
          watermark: { text: TEXT.watermark[language], opacity: 0.06, bold: true, fontSize: 120, angle: -45 },
        }),
    header: signed
      ? undefined
      : {
          text: draftLabel,
          alignment: 'right',
          color: '#b00020',
          bold: true,
          fontSize: 9,
          margin: [0, 24, 56, 0],
        },
    footer: (page, pages) => ({
      text: interpolate(TEXT.page[language], { page, pages }),
      alignment: 'center',
      fontSize: 8,
      color: '#555555',
      margin: [0, 20, 0, 0],
    }),
    content,
  };
}

/** The agreement as a PDF in the standard Indonesian layout; labels in `language`. */
export function renderAgreementPdf(detail: AgreementDetail, language: Language): Promise<Buffer> {
  return renderPdf(agreementPdfDocument(detail, language));
}
