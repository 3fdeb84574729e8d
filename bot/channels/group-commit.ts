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
 *
 * The transaction takes the write lock as it begins (BEGIN IMMEDIATE), so another connection's
 * writes can only make it wait there, before any write ran. With `busyRetryMs`, on a connection
 * whose busy_timeout is 0, it does not wait at all: the batch is tried again that much later,
 * and the event loop goes on meanwhile (new writes join the batch).
 */
export class GroupCommit {
  private queue: Write[] = [];
  private retrying = false;
  private readonly commit: (batch: Write[]) => { ok: boolean; value: unknown }[];

  constructor(
    db: StateDatabase,
    private readonly busyRetryMs?: number,
  ) {
    this.commit = db.transaction((batch: Write[]) =>
      batch.map((write) => {
        try {
          return { ok: true, value: write.op() };
        } catch (error) {
          return { ok: false, value: error };
        }
      }),
    ).immediate;
  }

  run<T>(op: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // setImmediate: the poll phase has gathered every request that arrived in this turn.
      if (!this.queue.length && !this.retrying) setImmediate(() => this.flush());
      this.queue.push({ op, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  private flush(): void {
    this.retrying = false;
    const batch = this.queue;
    this.queue = [];
    let outcomes;
    try {
      outcomes = this.commit(batch);
    } catch (error) {
      if (this.busyRetryMs !== undefined && (error as { code?: string }).code === 'SQLITE_BUSY') {
        this.queue = batch.concat(this.queue);
        this.retrying = true;
        setTimeout(() => this.flush(), this.busyRetryMs);
        return;
      }
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
