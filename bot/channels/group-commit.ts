import type { StateDatabase } from '../state/database.ts';

interface Write {
  op: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: writes queued during one turn of the event loop run together in one SQLite
 * transaction at the end of that turn. A commit costs far more than the rows it carries, and at
 * a thousand updates a second committing each one alone keeps the loop from answering webhooks.
 * Each write must be atomic on its own (one statement, or a better-sqlite3 transaction function,
 * which runs as a savepoint when nested), so one failing write fails alone. Every promise settles
 * only after the commit: "resolved" still means "stored".
 */
export class GroupCommit {
  private queue: Write[] = [];
  private readonly commit: (batch: Write[]) => { ok: boolean; value: unknown }[];

  constructor(db: StateDatabase) {
    this.commit = db.transaction((batch: Write[]) =>
      batch.map((write) => {
        try {
          return { ok: true, value: write.op() };
        } catch (error) {
          return { ok: false, value: error };
        }
      }),
    );
  }

  run<T>(op: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // setImmediate: the poll phase has gathered every request that arrived in this turn.
      if (!this.queue.length) setImmediate(() => this.flush());
      this.queue.push({ op, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    let outcomes;
    try {
      outcomes = this.commit(batch);
    } catch (error) {
      for (const write of batch) write.reject(error);
      return;
    }
    batch.forEach((write, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) write.resolve(outcome.value);
      else write.reject(outcome.value);
    });
  }
}
