/**
 * Answers about a plan from its structured task records: one task's lead unit, supporting
 * units, result and timeframe, or lists across tasks (by unit, by timeframe, by topic). Every
 * answer names its tasks as "nhiệm vụ 3.1" (section order and number, unique in the document).
 */
import type { SearchHit } from '../../../knowledge/types.ts';
import { foldedPairs } from '../scope.ts';
import { PLAN_STOP, subjectTerms } from '../stopwords.ts';
import { shorten } from '../extractive.ts';
import { asSentence, clip, PhraseMatcher, readQuestion, type QuestionText } from '../text.ts';
import { parseTime, type PlanIndex, type TaskRecord, type TimeSpec } from './plan-index.ts';

export type PlanField = 'lead' | 'support' | 'result' | 'timeframe';

const FIELD_CUES: Record<PlanField, PhraseMatcher> = {
  lead: new PhraseMatcher([
    'chủ trì',
    'đầu mối',
    'phụ trách',
    'chịu trách nhiệm',
    'giao cho',
    'đảm nhận',
    'ai lo',
    'ai làm',
    'do ai',
    'ai triển khai',
    'ai vận hành',
    'ai thực hiện',
    're:(phòng|đơn vị|cơ quan|ban|bộ phận|tổ chức) nào',
  ]),
  support: new PhraseMatcher(['phối hợp', 'cùng làm', 'tham gia cùng', 'hỗ trợ thực hiện']),
  result: new PhraseMatcher([
    'kết quả',
    'chỉ tiêu',
    'mục tiêu',
    'bao nhiêu',
    'mấy',
    'phần trăm',
    'tỷ lệ',
    'tỉ lệ',
    'yêu cầu',
    'cần đạt',
    'phải đạt',
    'đạt được',
    'ít nhất',
    'thế nào',
    'sản phẩm',
    're:\\d+ ?%',
    '%',
  ]),
  timeframe: new PhraseMatcher([
    'khi nào',
    'bao giờ',
    'năm nào',
    'thời gian',
    'thời hạn',
    'hạn chót',
    'giai đoạn',
    'đến năm',
    'ngày nào',
    'tháng nào',
    'lúc nào',
    'kéo dài',
    'tiến độ',
    'xong trong',
    'làm xong',
    'hoàn thành',
    'thời điểm',
  ]),
};

const LIST_CUE = new PhraseMatcher([
  'những nhiệm vụ',
  'những việc',
  'các nhiệm vụ',
  'các việc',
  'nhiệm vụ nào',
  'việc nào',
  'những gì',
  'việc gì',
  'nhiệm vụ gì',
  'liệt kê',
  'bao nhiêu nhiệm vụ',
  'mấy nhiệm vụ',
  'danh sách',
  'những hoạt động',
  'hoạt động nào',
]);

/** List words that ask for tasks; "danh sách", "liệt kê", "những gì" may list anything. */
const TASKS_CUE = new PhraseMatcher([
  'nhiệm vụ',
  'những việc',
  'các việc',
  'việc nào',
  // What a unit does ("chủ trì việc gì"), not what to remind someone of ("nhắc họ việc gì").
  're:(chủ trì|làm|phụ trách|thực hiện|được giao|giao|lo|triển khai|phối hợp|tham gia)( những| các)? việc gì',
  're:^(những |các )?việc gì',
  'những hoạt động',
  'hoạt động nào',
]);

/** Words that mark a question about a plan rather than a how-to. */
export const PLAN_CUE = new PhraseMatcher([
  // Not the asker chairing a meeting: "tôi chủ trì, làm sao để người lạ không vào phá".
  're:(?<!(tôi|tui|em|mình|tớ) )chủ trì',
  'phối hợp',
  'nhiệm vụ',
  'kế hoạch',
  'phụ lục',
  'đơn vị nào',
  'phòng nào',
  'cơ quan nào',
  // Folded, "đầu mối" is also "dâu mới" ("con dâu mới sinh").
  'accented:đầu mối',
  're:(là|làm|ai|đơn vị|cơ quan|bộ phận) đầu mối',
  'phụ trách',
  'giao cho',
  'thời hạn',
  'chỉ tiêu',
  'phân công',
  'ai lo',
  'đơn vị chủ trì',
]);

const LABEL: Record<PlanField, string> = {
  lead: 'Chủ trì',
  support: 'Phối hợp',
  result: 'Kết quả cần đạt',
  timeframe: 'Thời gian',
};
const FIELDS: PlanField[] = ['lead', 'support', 'result', 'timeframe'];
const BUDGET = 640;
/** More tasks than this are named by number only after the first lines. */
const MAX_LIST_LINES = 6;
/** A list of several tasks may take a little more room than one task's answer. */
const LIST_BUDGET = 720;

export interface PlanAnswer {
  text: string;
  tasks: TaskRecord[];
  confidence: number;
  shape: 'single' | 'list';
}

/** Whether the question asks for a list of tasks ("những việc nào…"), not of anything ("danh sách hộ…"). */
export function asksForTaskList(q: QuestionText): boolean {
  return LIST_CUE.test(q) && TASKS_CUE.test(q);
}

export function askedFields(q: QuestionText): PlanField[] {
  return FIELDS.filter((f) => FIELD_CUES[f].test(q));
}

const cite = (t: TaskRecord) => `nhiệm vụ ${t.ref}`;

/** A list question: by unit, timeframe or topic. Undefined when the question is not a list. */
export function answerPlanList(q: QuestionText, plan: PlanIndex, hits: SearchHit[]): PlanAnswer | undefined {
  if (!LIST_CUE.test(q)) return undefined;
  const fields = askedFields(q);
  let tasks = plan.tasks;
  const said: string[] = [];

  // Which unit, and in which role: "phối hợp" asks the supporting units, otherwise the lead.
  const roles: PlanField[] = fields.includes('support') && !fields.includes('lead') ? ['support'] : ['lead'];
  const mentions = tasks.map((t) => plan.units.mentionScore(q, t[roles[0]!]));
  const best = Math.max(0, ...mentions.map((m) => m.score));
  if (best >= 0.6) {
    const name = mentions.find((m) => m.score === best)!.name;
    tasks = tasks.filter((_, i) => mentions[i]!.score >= best * 0.85);
    said.push(roles[0] === 'support' ? `có ${name} phối hợp` : `do ${name} chủ trì`);
  }

  const time = parseTime(q.folded);
  if (time.years.length || time.recurring) {
    const inTime = tasks.filter((t) => timeMatches(t.time, time));
    if (inTime.length) {
      tasks = inTime;
      said.push(`có thời gian thực hiện ${describeTime(time)}`);
    }
  }

  if (!said.length) {
    // "Danh sách hộ được hỗ trợ đăng lên nhóm được không" names a list, not the plan's tasks.
    if (!TASKS_CUE.test(q) && !PLAN_CUE.test(q)) return undefined;
    tasks = topicTasks(q, plan, hits);
    said.push('liên quan');
    if (!tasks.length) return undefined;
  }
  const header = `Có ${tasks.length} nhiệm vụ ${said.join(', ')}:`;
  return {
    text: listText(header, tasks),
    tasks,
    confidence: said[0] === 'liên quan' ? 0.6 : 0.9,
    shape: 'list',
  };
}

function timeMatches(task: TimeSpec, asked: TimeSpec): boolean {
  if (asked.recurring) return task.recurring === asked.recurring;
  if (!task.years.length) return false;
  if (asked.years.length >= 2)
    return task.years[0] === asked.years[0] && task.years.at(-1) === asked.years.at(-1);
  if (task.years.at(-1) !== asked.years[0]) return false;
  return asked.month === undefined || task.month === asked.month;
}

function describeTime(t: TimeSpec): string {
  if (t.recurring) return t.recurring === 'yearly' ? 'hằng năm' : 'thường xuyên';
  if (t.years.length >= 2) return `năm ${t.years[0]} - ${t.years.at(-1)}`;
  return t.month ? `đến tháng ${t.month} năm ${t.years[0]}` : `đến năm ${t.years[0]}`;
}

/**
 * Tasks about a topic ("người khuyết tật", "AI, trí tuệ nhân tạo"): each comma-separated part of
 * the question is a topic, and a task matches when it holds most of one part's weighted words.
 */
function topicTasks(q: QuestionText, plan: PlanIndex, hits: SearchHit[]): TaskRecord[] {
  const main = q.expanded.split(' | ')[0]!;
  const parts = main
    .split(/\s*(?:,|;|(?<!\p{L})(?:hoặc|hoac|hay|và|va)(?!\p{L}))\s*/u)
    .map((p) => subjectTerms(readQuestion(p), PLAN_STOP))
    .filter((p) => p.length);
  if (!parts.length) return [];
  const scored = plan.tasks.map((t) => ({ t, s: Math.max(...parts.map((p) => plan.coverage(t, p))) }));
  const top = Math.max(...scored.map((x) => x.s));
  if (top >= 0.6) return scored.filter((x) => x.s >= 0.6 && x.s >= top * 0.7).map((x) => x.t);
  // Nothing holds the words: fall back on the closest task chunks retrieval found, when the
  // question is clearly about the plan ("những việc nào cần làm khi mất điện thoại" is not).
  if (!PLAN_CUE.test(q)) return [];
  const best = hits[0]?.score ?? 0;
  return hits
    .filter((h) => h.chunk.kind === 'plan' && h.score >= best * 0.75)
    .slice(0, 5)
    .flatMap((h) => plan.byRef(h.chunk.docId, h.chunk.ref ?? '') ?? []);
}

/**
 * One line per task, all of them when they fit: each line shares the room left by the header, and
 * a task's text is cut at its first clause rather than mid-word; a short title gets its result.
 */
function listText(header: string, tasks: TaskRecord[]): string {
  const lines = [header];
  let used = header.length;
  const prefix = (t: TaskRecord) => `- Nhiệm vụ ${t.ref} (${t.timeframe}): `;
  const fitting = Math.min(tasks.length, MAX_LIST_LINES);
  const share = Math.floor((LIST_BUDGET - used) / fitting) - 2;
  let shown = 0;
  for (const t of tasks) {
    const room = Math.max(60, Math.min(260, share - prefix(t).length));
    const content = asSentence(cut(t.content.replace(/[:.]$/, ''), room));
    // A short task title says little on its own: its expected result fills the line.
    const left = room - content.length - 10;
    const result = left >= 40 ? ` Kết quả: ${asSentence(cut(t.result, left))}` : '';
    const line = `${prefix(t)}${content}${result}`;
    if (used + line.length > LIST_BUDGET && shown >= 3) break;
    lines.push(line);
    used += line.length + 1;
    shown++;
  }
  if (shown < tasks.length) {
    lines.push(
      `Và các nhiệm vụ: ${tasks
        .slice(shown)
        .map((t) => t.ref)
        .join(', ')}.`,
    );
  }
  return lines.join('\n');
}

/** Cut at a sentence or clause when that keeps most of the room, else at a word. */
function cut(text: string, max: number): string {
  const short = shorten(text, max);
  return short.length >= max * 0.7 ? short : clip(text, max);
}

/** How much less each further task retrieved counts. */
const RANK_STEP = 0.1;

/** Picks the one task a question is about: its own words, helped by the retrieval ranking. */
export function pickTask(
  q: QuestionText,
  plan: PlanIndex,
  hits: SearchHit[],
): { task: TaskRecord; score: number } | undefined {
  // Unaccented subject words can fold into function words ("chợ số" → "cho so"): their pairs
  // count when some task holds them.
  const folded = q.accented ? [] : foldedPairs(q, PLAN_STOP).map((t) => t.folded);
  const words = [...subjectTerms(q, PLAN_STOP), ...folded.filter((t) => plan.knows(t))];
  // Retrieval counts by rank, not by score: every chunk of a plan opens with the same long title,
  // so their scores sit close together and a ratio would say little.
  const rank = new Map<string, number>();
  for (const h of hits) {
    if (h.chunk.kind !== 'plan' || !h.chunk.ref) continue;
    const key = `${h.chunk.docId}#${h.chunk.ref}`;
    if (!rank.has(key)) rank.set(key, Math.max(0, 1 - RANK_STEP * rank.size));
  }
  let best: { task: TaskRecord; score: number } | undefined;
  for (const task of plan.tasks) {
    const retrieval = rank.get(`${task.docId}#${task.ref}`) ?? 0;
    const score = 0.6 * plan.coverage(task, words) + 0.4 * retrieval;
    if (!best || score > best.score) best = { task, score };
  }
  return best;
}

/** One task, the asked field first, then the others. */
export function singleTaskText(task: TaskRecord, fields: PlanField[]): string {
  const first = fields[0];
  const what = clip(task.content.replace(/[:.]$/, ''), 260);
  const lines: string[] = [];
  switch (first) {
    case 'lead':
      lines.push(`${task.lead} chủ trì ${cite(task)}: ${asSentence(what)}`);
      break;
    case 'support':
      lines.push(`Phối hợp thực hiện ${cite(task)} (${what}): ${asSentence(task.support)}`);
      break;
    case 'result':
      lines.push(`Kết quả cần đạt của ${cite(task)} (${what}): ${asSentence(task.result)}`);
      break;
    case 'timeframe':
      lines.push(`Thời gian thực hiện ${cite(task)} (${what}): ${asSentence(task.timeframe)}`);
      break;
    default:
      lines.push(`Theo ${cite(task)}: ${asSentence(what)}`);
  }
  let used = lines[0]!.length;
  for (const field of FIELDS) {
    if (field === first) continue;
    const room = BUDGET - used - LABEL[field].length - 6;
    if (room < 30) break;
    const line = `- ${LABEL[field]}: ${asSentence(clip(task[field], room))}`;
    lines.push(line);
    used += line.length + 1;
  }
  return lines.join('\n');
}
