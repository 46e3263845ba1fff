import { createRequire } from 'node:module';
import type { FormLayout } from './types';

const require = createRequire(import.meta.url);
/** DejaVu covers every Kazakh letter (ә ғ қ ң ө ұ ү һ і); it ships in an npm package, so no system font is needed. */
const FONT_REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/**
 * A new PDF document with DejaVu registered as the fonts `regular` and `bold`, so that Kazakh
 * letters render. pdfkit is loaded with the first document, not at start: it takes a quarter of a
 * second to import.
 */
export async function newPdfDocument(options: PDFKit.PDFDocumentOptions): Promise<PDFKit.PDFDocument> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument(options);
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  return doc;
}

/** Renders a filled form as an A4 PDF, laid out like the seed's form. */
export async function renderFormPdf(layout: FormLayout, title: string): Promise<Buffer> {
  const doc = await newPdfDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 70, right: 56 }, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const blockX = 300;
  const blockWidth = doc.page.width - doc.page.margins.right - blockX;
  for (const { value, caption } of layout.header) {
    doc
      .font('regular')
      .fontSize(11)
      .text(value || ' ', blockX, undefined, { width: blockWidth });
    const y = doc.y + 1;
    doc
      .moveTo(blockX, y)
      .lineTo(blockX + blockWidth, y)
      .lineWidth(0.5)
      .stroke();
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#444')
      .text(`(${caption})`, blockX, y + 2, { width: blockWidth, align: 'center' })
      .fillColor('black');
    doc.moveDown(0.8);
  }

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.moveDown(1.5).font('bold').fontSize(13).text(layout.title, left, undefined, { width, align: 'center' });
  doc.moveDown(1).font('regular').fontSize(11);
  for (const paragraph of layout.body) doc.text(paragraph, left, undefined, { width, align: 'justify', indent: 28 }).moveDown(0.8);

  doc.moveDown(2);
  const y = doc.y;
  doc.text(layout.dateLine, left, y);
  doc.text('________________', left + width - 150, y, { width: 150, align: 'center' });
  doc
    .fontSize(8)
    .fillColor('#444')
    .text(layout.signatureCaption, left + width - 150, doc.y, { width: 150, align: 'center' })
    .fillColor('black');
  doc.end();
  return done;
}
