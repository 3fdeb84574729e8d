import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { StateDatabase } from '../state/database.ts';
import { SqliteUsageRecorder } from '../usage/recorder.ts';
import { question, tempStateDatabase } from '../usage/testing.ts';
import { parseReportArgs, writeReport } from './report-cli.ts';

let db: StateDatabase;
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ db, dir, cleanup } = tempStateDatabase());
  const recorder = new SqliteUsageRecorder(db);
  recorder.record(question({ at: new Date('2026-02-14T03:00:00Z'), channel: 'telegram' }));
  recorder.record(question({ at: new Date('2026-04-02T03:00:00Z') })); // outside the quarter
});
afterEach(() => cleanup());

const quarter = (out: string) => ['--from', '2026-01-01', '--to', '2026-03-31', '--out', path.join(dir, out)];

it('writes the quarter’s report as XLSX', async () => {
  await writeReport(db, parseReportArgs(quarter('bao-cao.xlsx'))!, 'Bến Nghé');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(dir, 'bao-cao.xlsx'));
  const channels = book.getWorksheet('Theo kênh')!;
  expect(channels.getCell('A1').value).toBe('UBND PHƯỜNG BẾN NGHÉ');
  expect(channels.getRow(9).values).toEqual([undefined, 'Telegram', 1, 1, 1, 1, 0, 0, 0, 0]);
});

it('refuses incomplete or impossible arguments', () => {
  expect(parseReportArgs(['--from', '2026-13-01', '--to', '2026-03-31', '--out', 'a.xlsx'])).toBeNull();
  expect(parseReportArgs(['--from', '2026-04-01', '--to', '2026-03-31', '--out', 'a.xlsx'])).toBeNull();
  expect(parseReportArgs(['--from', '2026-01-01', '--to', '2026-03-31', '--out', 'a.pdf'])).toBeNull();
  expect(parseReportArgs(['--from', '2026-01-01', '--to', '2026-03-31'])).toBeNull();
});

it('runs as `npm run report` and writes CSV with a BOM', () => {
  db.close();
  const output = execFileSync(
    path.join('node_modules', '.bin', 'tsx'),
    ['bot/admin/report-cli.ts', ...quarter('bao-cao.csv')],
    {
      env: { ...process.env, DATA_DIR: dir, WARD_NAME: 'Bến Nghé' },
      encoding: 'utf8',
    },
  );
  expect(output).toContain('Đã ghi báo cáo từ ngày 01/01/2026 đến ngày 31/03/2026');
  const bytes = fs.readFileSync(path.join(dir, 'bao-cao.csv'));
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).toContain('UBND PHƯỜNG BẾN NGHÉ\r\n');
  expect(bytes.toString('utf8')).toContain('Số lượt hỏi,1\r\n');
});
