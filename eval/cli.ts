/**
 * `npm run --silent eval [-- --json] [--skip NAME]`: the project's own gold sets over the shipped
 * knowledge: retrieval quality, then answer quality of every eval/gold/*.jsonl (facts, citations,
 * declines, latency; see answers.ts), leaving out answer sets whose name holds NAME.
 * `npm run --silent eval -- --passages P.jsonl --questions Q.jsonl [--split val] --json`: any
 * external retrieval set, measured against a plain BM25 baseline in the same run.
 */
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { loadKnowledgeConfig } from '../knowledge/config.ts';
import { evaluateAnswers, formatAnswerReport } from './answers.ts';
import { evaluateExternal } from './external.ts';
import { evaluateGold, formatGoldReport } from './gold.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      passages: { type: 'string' },
      questions: { type: 'string' },
      split: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
      // Leaves out the answer sets whose name holds this text (e.g. "fresh" while tuning).
      skip: { type: 'string' },
    },
  });
  const config = loadKnowledgeConfig();
  if (values.passages || values.questions) {
    if (!values.passages || !values.questions) throw new Error('--passages and --questions go together');
    const report = await evaluateExternal({
      passagesFile: values.passages,
      questionsFile: values.questions,
      embeddings: config.embeddings,
      split: values.split,
      limit: values.limit ? Number(values.limit) : undefined,
    });
    console.log(values.json ? JSON.stringify(report) : JSON.stringify(report, null, 2));
    return;
  }
  const report = await evaluateGold(config);
  const answers = await evaluateAnswers(config, process.env, { skip: values.skip });
  if (values.json) console.log(JSON.stringify({ ...report, answers }));
  else console.log(`${formatGoldReport(report)}\n\nAnswers\n\n${formatAnswerReport(answers)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
