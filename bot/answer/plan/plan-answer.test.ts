import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestKnowledgeBase, type TestKnowledgeBase } from '../testing.ts';
import { readQuestion } from '../text.ts';
import { answerPlanList, asksForTaskList, PLAN_CUE } from './plan-answer.ts';
import { PlanIndex } from './plan-index.ts';

let base: TestKnowledgeBase;
let plan: PlanIndex;

beforeAll(async () => {
  base = await buildTestKnowledgeBase();
  plan = new PlanIndex(base.kb);
});
afterAll(() => base.close());

describe('answerPlanList', () => {
  it('lists the tasks about a topic when the question asks for tasks', () => {
    const list = answerPlanList(readQuestion('nhung nhiem vu nao pho bien den tung ho gia dinh'), plan, []);
    expect(list?.tasks.map((t) => t.ref)).toContain('1.6');
  });

  it('gives no topic list for a list that is not of tasks ("danh sách hộ …")', () => {
    for (const q of ['danh sach co dia chi, tung ho gia dinh', 'liệt kê giúp tôi, từng hộ gia đình'])
      expect(answerPlanList(readQuestion(q), plan, [])).toBeUndefined();
  });
});

describe('asksForTaskList', () => {
  it('reads "việc gì" as tasks when a unit does them, not when someone is reminded of them', () => {
    for (const q of ['Đoàn thanh niên phụ trách những việc gì?', 'viec gi phai xong trong nam 2025'])
      expect(asksForTaskList(readQuestion(q)), q).toBe(true);
    for (const q of [
      'Dùng máy tính chung xong phải nhắc bà con việc gì?',
      'dung xong phai nhac ho viec gi a',
    ])
      expect(asksForTaskList(readQuestion(q)), q).toBe(false);
  });
});

describe('PLAN_CUE', () => {
  it('reads who leads a task, not the asker chairing a meeting or a folded "dâu mới"', () => {
    for (const q of [
      'Ai chủ trì nhiệm vụ Chợ số?',
      'ai la dau moi cua nhiem vu 3.1',
      'Đầu mối nhiệm vụ này là ai?',
    ])
      expect(PLAN_CUE.test(readQuestion(q)), q).toBe(true);
    for (const q of ['toi chu tri buoi hop, lam sao de nguoi la khong vao', 'con dau moi sinh phai o nha'])
      expect(PLAN_CUE.test(readQuestion(q)), q).toBe(false);
  });
});
