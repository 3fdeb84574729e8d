/**
 * `npm run report -- --from 2026-01-01 --to 2026-03-31 --out report.xlsx`: the usage report for a
 * date range, as Excel (.xlsx) or CSV (.csv, UTF-8 with BOM), from the state database in DATA_DIR.
 */
import 'dotenv/config';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadKnowledgeConfig } from '../../knowledge/config.ts';
import { openStateDatabase, type StateDatabase } from '../state/database.ts';
import { parseIsoDay, type DayRange } from '../usage/days.ts';
import { UsageStats } from '../usage/stats.ts';
import { buildReport, periodLine } from './report.ts';
import { reportToCsv, reportToXlsx } from './report-writers.ts';

const USAGE = 'Cách dùng: npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD --out bao-cao.xlsx (hoặc .csv)';

export interface ReportRequest {
  range: DayRange;
  out: string;
}

/** The command's arguments, or null when they are incomplete or invalid. */
export function parseReportArgs(args: string[]): ReportRequest | null {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
  });
  const from = values.from ? parseIsoDay(values.from) : null;
  const to = values.to ? parseIsoDay(values.to) : null;
  const out = values.out;
  if (from === null || to === null || !out || !/\.(xlsx|csv)$/i.test(out) || from > to) return null;
  return { range: { from, to }, out };
}

/** Writes the report file: CSV for a .csv name, Excel otherwise. */
export async function writeReport(
  db: StateDatabase,
  request: ReportRequest,
  wardName: string,
): Promise<void> {
  const report = buildReport(new UsageStats(db), request.range, { wardName });
  const bytes = /\.csv$/i.test(request.out) ? reportToCsv(report) : await reportToXlsx(report);
  fs.writeFileSync(request.out, bytes);
}

async function main(): Promise<number> {
  const request = parseReportArgs(process.argv.slice(2));
  if (!request) {
    console.error(USAGE);
    return 1;
  }
  const db = openStateDatabase(loadKnowledgeConfig().dataDir);
  try {
    await writeReport(db, request, process.env.WARD_NAME ?? '');
    console.log(`Đã ghi báo cáo ${periodLine(request.range).toLowerCase()} vào ${request.out}.`);
    return 0;
  } finally {
    db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
