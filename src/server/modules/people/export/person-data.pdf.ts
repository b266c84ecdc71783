import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.d.ts';
import { renderPdf } from '../../../platform/pdf.ts';
import { displayMoment } from './people-export.labels.ts';
import { type PersonData, sections } from './person-data.xlsx.ts';

/** Her data as a printable PDF: the same sections as the workbook, the access log last. */
export async function personDataPdf(data: PersonData): Promise<Buffer> {
  const content: Content[] = [
    { text: 'Data Pribadi dan Log Akses', style: 'title' },
    {
      text: `Kode rujukan ${data.reference} · dibuat ${displayMoment(data.generatedAt)} oleh ${data.generatedBy}`,
      style: 'muted',
    },
    {
      text: 'Diberikan atas permintaan pemilik data (UU 27/2022 tentang Pelindungan Data Pribadi, Pasal 32).',
      style: 'muted',
      margin: [0, 0, 0, 8],
    },
  ];
  for (const section of sections(data)) {
    content.push({ text: section.title, style: 'heading' });
    if ('rows' in section) {
      content.push({
        table: {
          widths: [150, '*'],
          body: section.rows.map(([label, value]) => [{ text: label, bold: true }, value]),
        },
        layout: 'lightHorizontalLines',
      });
      continue;
    }
    const [header = [], ...rows] = section.table;
    if (rows.length === 0) {
      content.push({ text: 'Tidak ada.', style: 'muted' });
      continue;
    }
    content.push({
      table: {
        headerRows: 1,
        widths: header.map((title) => (title === 'Isi' ? '*' : 'auto')),
        body: [header.map((title) => ({ text: title, bold: true })), ...rows],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    });
  }
  const definition: TDocumentDefinitions = {
    info: { title: `Data pribadi ${data.reference}`, creator: 'Sinergi' },
    pageSize: 'A4',
    pageMargins: [36, 40, 36, 40],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      heading: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      muted: { color: '#555555', fontSize: 8 },
    },
    footer: (page, pages) => ({
      text: `${data.reference} · halaman ${page} dari ${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: '#555555',
    }),
    content,
  };
  return renderPdf(definition);
}
