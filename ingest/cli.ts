/**
 * `npm run ingest [-- PATH...] [--rebuild] [--json]`: (re)index the knowledge folder, or the
 * given files and folders, and print what changed.
 */
import 'dotenv/config';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { ConfigError, loadKnowledgeConfig } from '../knowledge/config.ts';
import { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { StoreError } from '../knowledge/store/knowledge-store.ts';
import { ingestPaths, type IngestReport } from './pipeline.ts';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { rebuild: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  });
  const config = loadKnowledgeConfig();
  const kb = KnowledgeBase.open(config, { reset: values.rebuild });
  const paths = positionals.length ? positionals : [config.knowledgeDir];
  let bar: cliProgress.SingleBar | undefined;
  try {
    const report = await ingestPaths(kb, paths, {
      force: values.rebuild,
      onProgress: (done, total, file) => {
        if (!process.stderr.isTTY || total < 20 || values.json) return;
        bar ??= new cliProgress.SingleBar(
          { stream: process.stderr, format: 'Đang nạp {bar} {value}/{total} tệp {file}', hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        if (done === 0) bar.start(total, 0, { file });
        bar.update(done, { file });
      },
    });
    bar?.stop();
    console.log(values.json ? JSON.stringify(report) : summary(report));
    return report.failed.length ? 1 : 0;
  } finally {
    kb.close();
  }
}

/** "3 (a, b, c)", at most ten names shown. */
function counted(ids: string[]): string {
  if (!ids.length) return '0';
  const shown = ids.slice(0, 10).join(', ');
  return `${ids.length} (${shown}${ids.length > 10 ? `, … và ${ids.length - 10} tài liệu khác` : ''})`;
}

function summary(r: IngestReport): string {
  const lines = [
    `Đã nạp xong trong ${(r.ms / 1000).toFixed(1)} giây.`,
    `  Thêm mới: ${counted(r.added)}`,
    `  Cập nhật: ${counted(r.updated)}`,
    `  Đã xóa:   ${counted(r.removed)}`,
    `  Giữ nguyên: ${r.unchanged}`,
    `  Đoạn văn được lập chỉ mục: ${r.chunks}; nhiệm vụ kế hoạch: ${r.planTasks}`,
  ];
  if (r.failed.length) {
    lines.push(`  Không đọc được ${r.failed.length} tệp:`);
    for (const f of r.failed) lines.push(`    - ${f.file}: ${f.reason}`);
  }
  return lines.join('\n');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof StoreError;
    console.error(known ? (error as Error).message : error);
    process.exit(2);
  },
);
