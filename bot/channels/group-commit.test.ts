import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStateDatabase, type StateDatabase } from '../state/database.ts';
import { GroupCommit } from './group-commit.ts';

describe('GroupCommit', () => {
  let dataDir: string;
  let db: StateDatabase;

  afterEach(() => {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function open(): GroupCommit {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-group-commit-'));
    db = openStateDatabase(dataDir);
    db.exec('CREATE TABLE t (v INTEGER UNIQUE)');
    return new GroupCommit(db);
  }

  it('commits the writes of one turn together, after which each is readable from another handle', async () => {
    const writes = open();
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const pending = [1, 2, 3].map((v) => writes.run(() => insert.run(v).changes));
    // Not yet run: the batch waits for the end of this turn.
    expect((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(0);
    expect(await Promise.all(pending)).toEqual([1, 1, 1]);
    const other = openStateDatabase(dataDir);
    expect(other.prepare('SELECT v FROM t ORDER BY v').pluck().all()).toEqual([1, 2, 3]);
    other.close();
  });

  it('fails only the write that throws; a transaction function rolls back alone', async () => {
    const writes = open();
    const insertBoth = db.transaction((a: number, b: number) => {
      db.prepare('INSERT INTO t (v) VALUES (?)').run(a);
      db.prepare('INSERT INTO t (v) VALUES (?)').run(b);
    });
    const results = await Promise.allSettled([
      writes.run(() => insertBoth(1, 2)),
      writes.run(() => insertBoth(3, 1)), // 3 goes in, then 1 clashes: neither may stay
      writes.run(() => insertBoth(4, 5)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT v FROM t ORDER BY v').pluck().all()).toEqual([1, 2, 4, 5]);
  });

  it("with busyRetryMs, waits for another connection's write lock without blocking the event loop", async () => {
    open();
    const intake = openStateDatabase(dataDir);
    intake.pragma('busy_timeout = 0');
    const writes = new GroupCommit(intake, 1);
    const other = openStateDatabase(dataDir);
    other.exec('BEGIN IMMEDIATE');
    other.prepare('INSERT INTO t (v) VALUES (1)').run();
    const stored = writes.run(() => intake.prepare('INSERT INTO t (v) VALUES (2)').run().changes);
    let settled = false;
    void stored.then(() => (settled = true));
    // The loop keeps turning (timers fire) while the lock is held elsewhere; the write waits.
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    const later = writes.run(() => intake.prepare('INSERT INTO t (v) VALUES (3)').run().changes);
    other.exec('COMMIT');
    expect(await Promise.all([stored, later])).toEqual([1, 1]);
    expect(db.prepare('SELECT v FROM t ORDER BY v').pluck().all()).toEqual([1, 2, 3]);
    other.close();
    intake.close();
  });
});
