import { describe, expect, it } from 'vitest';
import { PendingQueue } from './pending-queue.ts';

/** A queue table stand-in: rows with growing ids, read past an id like the real store. */
function table(count: number) {
  const rows = Array.from({ length: count }, (_, i) => ({ id: i + 1 }));
  let reads = 0;
  return {
    rows,
    get reads() {
      return reads;
    },
    read: (limit: number, afterId: number) => {
      reads++;
      return rows.filter((r) => r.id > afterId).slice(0, limit);
    },
  };
}

describe('PendingQueue', () => {
  it('reads what an earlier process left before taking new rows from memory', () => {
    const t = table(3);
    const queue = new PendingQueue(t.read);
    t.rows.push({ id: 4 });
    queue.add([{ id: 4 }]); // not complete yet: left for the read
    expect(queue.items.size).toBe(0);
    queue.refresh();
    expect([...queue.items.keys()]).toEqual([1, 2, 3, 4]);
    queue.add([{ id: 5 }]);
    queue.refresh(); // complete: no read needed
    expect([...queue.items.keys()]).toEqual([1, 2, 3, 4, 5]);
    expect(t.reads).toBe(1);
  });

  it('keeps reading while the table held a full batch, and never takes a row twice', () => {
    const t = table(2500);
    const queue = new PendingQueue(t.read);
    queue.refresh();
    expect(queue.items.size).toBe(1000);
    t.rows.push({ id: 2501 });
    queue.add([{ id: 2501 }]); // ignored: rows 1001..2500 are still unread
    queue.refresh();
    queue.refresh();
    expect(queue.items.size).toBe(2501);
    for (const id of [5, 6]) queue.items.delete(id); // handled
    queue.add([{ id: 2500 }]); // already seen
    queue.refresh();
    expect(queue.items.size).toBe(2499);
    expect(queue.items.has(5)).toBe(false);
  });
});
