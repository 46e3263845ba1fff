import { VISIT_WINDOWS, type HomeVisit, type VisitAddress } from '../../domain/home-visit';
import { formatKzPhone } from '../../domain/phone';
import { regionById, type RegionId } from '../../domain/regions';
import { findService } from '../../flows/catalog';
import { newPdfDocument } from '../../flows/forms/pdf';
import { formatCivilDate } from '../../locales/format';
import type { Texts } from '../../locales/i18n';
import type { Lang, StoredRecord } from '../../store/types';

/**
 * The route list of a day in a region for the employees who go: the visits still to make or made
 * (not cancelled), by window then address, as CSV for a spreadsheet and as a printable PDF, in the
 * console's language.
 */

export const ROUTE_LIST_COLUMNS = ['number', 'window', 'name', 'phone', 'address', 'needs', 'service', 'employee'] as const;
type Column = (typeof ROUTE_LIST_COLUMNS)[number];

export interface RouteListVisit {
  number: string;
  visit: HomeVisit;
}

export interface RouteList {
  date: string;
  region: RegionId;
  lang: Lang;
  visits: RouteListVisit[];
}

const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

/** The visits that go on the list, in the order the employees make them. */
export function routeListVisits(records: readonly StoredRecord<HomeVisit>[]): RouteListVisit[] {
  return records
    .filter((record) => record.value.status !== 'cancelled')
    .map((record) => ({ number: record.number, visit: record.value, where: streetLine(record.value.address) }))
    .sort((a, b) => VISIT_WINDOWS.indexOf(a.visit.window) - VISIT_WINDOWS.indexOf(b.visit.window) || collator.compare(a.where, b.where) || a.number.localeCompare(b.number))
    .map(({ number, visit }) => ({ number, visit }));
}

/** The address without the region, which the whole list shares: settlement, street, house, flat. */
function streetLine(address: VisitAddress): string {
  return [address.settlement, address.street, address.house, address.flat].filter(Boolean).join(' ');
}

function addressText(address: VisitAddress, t: (key: string, vars?: Record<string, unknown>) => string): string {
  return [
    address.settlement,
    address.street,
    t('questionnaire:address.house_line', { house: address.house }),
    address.flat && t('questionnaire:address.flat_line', { flat: address.flat }),
    address.access,
    address.landmark && t('questionnaire:address.landmark_line', { landmark: address.landmark }),
  ]
    .filter(Boolean)
    .join(', ');
}

/** The cells of one visit, by column; `phone` formats the number for the medium. */
function cells({ number, visit }: RouteListVisit, t: (key: string, vars?: Record<string, unknown>) => string, lang: Lang, phone: (e164: string) => string): Record<Column, string> {
  const needs = visit.needs.map((need) => t(`console:visits.need.${need}`));
  if (visit.needsNote) needs.push(visit.needsNote);
  const name = visit.actingFor ? `${visit.applicant.name} (${t('console:visits.route.booked_by', { name: visit.actingFor.name })})` : visit.applicant.name;
  const whose = visit.phoneOf === 'representative' && visit.actingFor ? ` (${visit.actingFor.name})` : '';
  return {
    number,
    window: t(`console:visits.window.${visit.window}`),
    name,
    phone: phone(visit.phone) + whose,
    address: addressText(visit.address, t),
    needs: needs.join(', '),
    service: findService(visit.serviceId)?.shortTitle[lang] ?? visit.serviceId,
    employee: visit.employee ?? '',
  };
}

function headers(t: (key: string) => string): string[] {
  return ROUTE_LIST_COLUMNS.map((column) => t(`console:visits.route.columns.${column}`));
}

/** The file name of a route list: `route-2026-12-10-almaty.csv`. */
export function routeListFileName(list: Pick<RouteList, 'date' | 'region'>, format: 'csv' | 'pdf'): string {
  return `route-${list.date}-${list.region}.${format}`;
}

/**
 * A spreadsheet cell: quoted when it holds the separator, a quote or a line break; a cell a
 * spreadsheet would read as a formula (=, +, -, @ first) starts with an apostrophe.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The CSV that Excel opens as it is: UTF-8 with a byte order mark (so Kazakh letters survive),
 * `;` between cells (the list separator of Kazakh and Russian settings), CRLF lines, a header row.
 * Phones are written as dialled at home, 8 701 …: a cell starting with "+" is a formula to Excel.
 */
export function routeListCsv(list: RouteList, texts: Texts): string {
  const t = texts.translator(list.lang);
  const domestic = (e164: string) => formatKzPhone(e164).replace(/^\+7 /, '8 ');
  const rows = [headers(t), ...list.visits.map((visit) => Object.values(cells(visit, t, list.lang, domestic)))];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** Column widths of the PDF's table, in points, on a landscape A4 page. */
const WIDTHS: Record<Column, number> = { number: 90, window: 62, name: 118, phone: 92, address: 164, needs: 92, service: 86, employee: 66 };
const PADDING = 3;

/** The route list as a landscape A4 PDF in DejaVu: a title, the table (its header on every page), and the count. */
export async function routeListPdf(list: RouteList, texts: Texts): Promise<Buffer> {
  const t = texts.translator(list.lang);
  const region = regionById(list.region)?.name[list.lang] ?? list.region;
  const title = t('console:visits.route.title', { date: formatCivilDate(list.date, list.lang), region });
  const doc = await newPdfDocument({ size: 'A4', layout: 'landscape', margins: { top: 36, bottom: 36, left: 36, right: 36 }, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const tableWidth = Object.values(WIDTHS).reduce((sum, width) => sum + width, 0);
  let y = doc.page.margins.top;

  const row = (values: string[], font: 'regular' | 'bold', shade: boolean) => {
    const measure = () => {
      doc.font(font).fontSize(8.5);
      return Math.max(...values.map((value, i) => doc.heightOfString(value || ' ', { width: WIDTHS[ROUTE_LIST_COLUMNS[i]!] - 2 * PADDING }))) + 2 * PADDING;
    };
    let height = measure();
    if (y + height > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
      // A row that does not fit starts the next page, under the header again.
      if (font === 'regular') {
        head();
        height = measure();
      }
    }
    if (shade) doc.rect(left, y, tableWidth, height).fill('#eeeeee').fillColor('black');
    let x = left;
    values.forEach((value, i) => {
      const width = WIDTHS[ROUTE_LIST_COLUMNS[i]!];
      doc.text(value, x + PADDING, y + PADDING, { width: width - 2 * PADDING });
      x += width;
    });
    y += height;
    doc
      .moveTo(left, y)
      .lineTo(left + tableWidth, y)
      .lineWidth(0.5)
      .strokeColor('#888888')
      .stroke();
  };
  const head = () => row(headers(t), 'bold', true);

  doc.font('bold').fontSize(13).text(title, left, y, { width: tableWidth });
  y = doc.y + 10;
  head();
  for (const visit of list.visits) row(Object.values(cells(visit, t, list.lang, formatKzPhone)), 'regular', false);
  doc
    .font('regular')
    .fontSize(9)
    .text(list.visits.length ? t('console:visits.route.count', { n: list.visits.length }) : t('console:visits.route.none'), left, y + 8, { width: tableWidth });
  doc.end();
  return done;
}
