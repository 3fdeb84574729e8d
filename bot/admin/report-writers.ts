import ExcelJS from 'exceljs';
import { periodLine, wardHeading, type Cell, type Column, type Report } from './report.ts';

/** The report as an Excel workbook: one sheet per table under the government-style heading. */
export async function reportToXlsx(report: Report): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Trợ lý Bình dân học vụ số';
  book.created = new Date();
  for (const table of report.tables) {
    const sheet = book.addWorksheet(table.sheet.slice(0, 31), {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const width = Math.max(table.columns.length, 6);
    const left = Math.max(2, Math.floor(width / 2) - 1);
    const banner = (row: number, from: number, to: number, value: string, font: Partial<ExcelJS.Font>) => {
      sheet.mergeCells(row, from, row, to);
      const cell = sheet.getCell(row, from);
      cell.value = value;
      cell.font = { name: 'Times New Roman', size: 12, ...font };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    };
    banner(1, 1, left, wardHeading(report.wardName), { bold: true });
    banner(1, left + 1, width, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
    banner(2, left + 1, width, 'Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true });
    banner(4, 1, width, report.title, { bold: true, size: 14 });
    banner(5, 1, width, `${table.title}`, { bold: true });
    banner(6, 1, width, periodLine(report.range), { italic: true });

    const header = sheet.getRow(8);
    table.columns.forEach((column, i) => {
      const cell = header.getCell(i + 1);
      cell.value = column.header;
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'middle' };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2FF' } };
    });
    table.rows.forEach((values, r) => {
      const row = sheet.getRow(9 + r);
      values.forEach((value, i) => {
        const cell = row.getCell(i + 1);
        cell.value = value;
        if (table.columns[i]?.kind === 'percent') cell.numFmt = '0.0%';
        if (table.columns[i]?.kind === 'number') cell.numFmt = '#,##0';
      });
    });
    for (let r = 8; r < 9 + table.rows.length; r++)
      for (let c = 1; c <= table.columns.length; c++)
        sheet.getCell(r, c).border = {
          top: { style: 'thin' },
          left: { style: 'thin' },
          bottom: { style: 'thin' },
          right: { style: 'thin' },
        };
    table.columns.forEach((column, i) => {
      sheet.getColumn(i + 1).width = column.kind === 'text' ? (i === 0 ? 48 : 24) : 16;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * The report as CSV: UTF-8 with a byte-order mark (so Excel shows Vietnamese correctly), CRLF,
 * one block per table. Cells starting with = + - @ are prefixed with ' so no resident's text can
 * become a spreadsheet formula.
 */
export function reportToCsv(report: Report): Buffer {
  const lines: string[] = [
    csvRow([wardHeading(report.wardName)]),
    csvRow([report.title]),
    csvRow([periodLine(report.range)]),
  ];
  for (const table of report.tables) {
    lines.push('', csvRow([table.title]), csvRow(table.columns.map((c) => c.header)));
    for (const row of table.rows) lines.push(csvRow(row.map((v, i) => csvValue(v, table.columns[i]))));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

function csvValue(value: Cell, column: Column | undefined): string {
  if (value === null) return '';
  if (typeof value === 'number')
    return column?.kind === 'percent' ? `${(value * 100).toFixed(1)}%` : String(value);
  return value;
}

function csvRow(cells: string[]): string {
  return cells
    .map((cell) => {
      const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(',');
}
