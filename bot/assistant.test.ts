import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssistant, type Assistant } from './assistant.ts';

const SHIPPED = path.join(import.meta.dirname, '../knowledge');
let root: string;
let assistant: Assistant;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-assistant-'));
  fs.cpSync(SHIPPED, path.join(root, 'knowledge'), { recursive: true });
  assistant = await openAssistant({
    DATA_DIR: path.join(root, 'data'),
    KNOWLEDGE_DIR: path.join(root, 'knowledge'),
  });
});
afterAll(() => {
  assistant.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('openAssistant', () => {
  it('teaches edited, added and removed lessons after a refresh, without a restart', async () => {
    const lessons = path.join(root, 'knowledge', 'lessons');
    const file = path.join(lessons, 'zalo-goi-video.md');
    const before = assistant.catalogue.get('zalo-goi-video')!.title;
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace(`title: ${before}`, 'title: Gọi video qua Zalo (bản mới)'),
    );
    const copy = fs.readFileSync(path.join(lessons, 'tiep-can-giong-noi.md'), 'utf8');
    fs.writeFileSync(
      path.join(lessons, 'tiep-can-giong-noi-2.md'),
      copy.replace('id: tiep-can-giong-noi', 'id: tiep-can-giong-noi-2'),
    );
    fs.rmSync(path.join(lessons, 'ai-hoc-tap-lam-viec.md'));

    const report = await assistant.refresh();

    expect(report.updated.length + report.added.length + report.removed.length).toBeGreaterThanOrEqual(3);
    expect(assistant.catalogue.get('zalo-goi-video')!.title).toBe('Gọi video qua Zalo (bản mới)');
    expect(assistant.catalogue.get('tiep-can-giong-noi-2')).toBeDefined();
    expect(assistant.catalogue.get('ai-hoc-tap-lam-viec')).toBeUndefined();
  });

  it("lets a second copy (the channel worker's) follow the first one's ingest", async () => {
    const env = { DATA_DIR: path.join(root, 'data'), KNOWLEDGE_DIR: path.join(root, 'knowledge') };
    const follower = await openAssistant(env, { ingest: false });
    try {
      const file = path.join(root, 'knowledge', 'lessons', 'zalo-goi-video.md');
      fs.writeFileSync(
        file,
        fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Gọi video (lần hai)'),
      );
      follower.follow();
      expect(follower.catalogue.get('zalo-goi-video')!.title).not.toBe('Gọi video (lần hai)');
      await assistant.refresh();
      follower.follow();
      expect(follower.catalogue.get('zalo-goi-video')!.title).toBe('Gọi video (lần hai)');
    } finally {
      follower.close();
    }
  });
});
