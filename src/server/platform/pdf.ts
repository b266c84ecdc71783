import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.d.ts';

// The fonts pdfmake ships (Roboto covers Indonesian); nothing else on disk or on the network may be read.
const FONT_DIR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts/Roboto',
);
let configured = false;
function configure() {
  if (configured) return;
  const font = (file: string) => path.join(FONT_DIR, file);
  pdfmake.setFonts({
    Roboto: {
      normal: font('Roboto-Regular.ttf'),
      bold: font('Roboto-Medium.ttf'),
      italics: font('Roboto-Italic.ttf'),
      bolditalics: font('Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setLocalAccessPolicy((file) => file.startsWith(FONT_DIR));
  pdfmake.setUrlAccessPolicy(() => false);
  configured = true;
}

/** Renders a pdfmake document with the bundled fonts only (no other file, no network). */
export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(definition).getBuffer();
}
