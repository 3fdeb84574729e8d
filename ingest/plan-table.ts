import type { PlanTask } from '../knowledge/types.ts';
import { foldDiacritics } from '../knowledge/vietnamese/normalize.ts';

/**
 * Recognises a plan appendix: a table whose columns are task number, content, lead unit,
 * supporting units, expected result and timeframe, with section rows ("1. Truyền thông…")
 * between the tasks. Works on a flat sequence of cells, which both a docx/html table (rows of
 * cells) and the tab-indented text export (one cell per tab-led line group) reduce to.
 *
 * Sections are keyed by their order in the document, because printed section numbers repeat
 * (the ward's appendix numbers its sections 1, 2, 4, 4, 5, 6); the printed number is kept too.
 */

/** The column headers a plan table must have, folded for comparison. */
const REQUIRED_HEADERS = ['noi dung', 'chu tri', 'phoi hop', 'ket qua', 'thoi gian'];
const TASK_NUMBER = /^(\d{1,3})\s*[.)]?$/;
const SECTION = /^([0-9IVXLC]{1,4})\s*[.)]\s*(\S[\s\S]*)$/;
const FIELDS = 5;

/** Cells of the tab-indented export: each cell starts with a tab at the start of a line. */
export function cellsFromTabText(text: string): string[] {
  const normalized = text.normalize('NFC').replace(/\r\n?/g, '\n');
  if (!/\n\t/.test(normalized)) return [];
  return normalized
    .split(/(?:^|\n)\t/)
    .slice(1)
    .map(cleanCell);
}

/** Cells of parsed tables, row by row, left to right. */
export function cellsFromTables(tables: string[][][]): string[] {
  return tables.flatMap((rows) => rows.flatMap((row) => row.map(cleanCell)));
}

/** The tasks of a plan appendix, or an empty list when the cells are not one. */
export function parsePlanTasks(cells: string[]): PlanTask[] {
  const filled = cells.filter((c) => c !== '');
  const headerEnd = findHeaderEnd(filled);
  if (headerEnd < 0) return [];

  const tasks: PlanTask[] = [];
  let section = { order: 0, label: '', title: '' };
  let current: { number: number; fields: string[] } | undefined;
  const flush = () => {
    if (current && current.fields.length) tasks.push(toTask(section, current.number, current.fields));
    current = undefined;
  };

  for (const cell of filled.slice(headerEnd)) {
    const number = TASK_NUMBER.exec(cell);
    if (number) {
      flush();
      current = { number: Number(number[1]), fields: [] };
      continue;
    }
    const heading = SECTION.exec(cell);
    const collecting = current !== undefined && current.fields.length < FIELDS;
    if (heading && !collecting && isSectionTitle(heading[2]!)) {
      flush();
      section = { order: section.order + 1, label: heading[1]!, title: heading[2]!.trim() };
      continue;
    }
    if (current) current.fields.push(cell);
  }
  flush();
  return section.order > 0 ? tasks : [];
}

/** A short line in title case, not a sentence of task content. */
function isSectionTitle(text: string): boolean {
  return text.length <= 160 && !text.includes('\n');
}

function findHeaderEnd(cells: string[]): number {
  const window = 8;
  for (let i = 0; i < Math.min(cells.length, 60); i++) {
    const folded = cells.slice(i, i + window).map((c) => foldDiacritics(c).toLowerCase());
    const found = REQUIRED_HEADERS.map((h) => folded.findIndex((c) => c.includes(h)));
    if (found.every((f) => f >= 0)) return i + Math.max(...found) + 1;
  }
  return -1;
}

function toTask(
  section: { order: number; label: string; title: string },
  number: number,
  fields: string[],
): PlanTask {
  // A table with an extra split cell keeps its outer columns; the middle ones join the result.
  const [content = '', lead = '', support = '', ...rest] = fields;
  const timeframe = rest.length > 1 ? rest[rest.length - 1]! : '';
  const result = (rest.length > 1 ? rest.slice(0, -1) : rest).join(' ');
  return {
    ref: `${section.order}.${number}`,
    sectionOrder: section.order,
    sectionLabel: section.label,
    sectionTitle: section.title,
    number,
    content,
    lead: cleanUnit(lead),
    support: cleanUnit(support),
    result,
    timeframe,
  };
}

function cleanCell(cell: string): string {
  return cell.replace(/\s+/g, ' ').trim();
}

/** "Phòng Văn hóa -Xã hội" and "Phòng Văn hóa – Xã hội" become "Phòng Văn hóa - Xã hội". */
function cleanUnit(unit: string): string {
  return unit
    .replace(/\s*[-–—]\s*(?=\p{Lu})/gu, ' - ')
    .replace(/Trung Tâm/g, 'Trung tâm')
    .replace(/[\s.…]+$/u, '')
    .replace(/…$/u, '');
}

/** How a task reads as a passage: every field labelled, so both people and search see it. */
export function planTaskText(task: PlanTask): string {
  return [
    `Nhiệm vụ ${task.number}, mục ${task.sectionLabel}. ${task.sectionTitle}`,
    `Nội dung: ${task.content}`,
    `Cơ quan chủ trì: ${task.lead}`,
    `Cơ quan phối hợp: ${task.support}`,
    `Kết quả thực hiện: ${task.result}`,
    `Thời gian thực hiện: ${task.timeframe}`,
  ].join('\n');
}
