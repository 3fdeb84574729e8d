/** Rows read from a queue table at once. */
const LOAD_BATCH = 1000;

/**
 * The in-memory view of one queue table (inbox or outbox): pending rows in id order. Rows this
 * process has just committed join it directly, sparing a read and a parse per row, but only
 * while the view holds every pending row; otherwise (at start, or past a full batch) the next
 * refresh reads them from the table. Ids only grow, so "past the last id seen" finds new rows.
 */
export class PendingQueue<T extends { id: number }> {
  readonly items = new Map<number, T>();
  private loadedUpTo = 0;
  private complete = false;

  constructor(private readonly read: (limit: number, afterId: number) => T[]) {}

  /** Reads the rows past the last one seen, unless the view is known to be complete. */
  refresh(): void {
    if (this.complete) return;
    const rows = this.read(LOAD_BATCH, this.loadedUpTo);
    this.complete = rows.length < LOAD_BATCH;
    for (const row of rows) this.take(row);
  }

  /** Rows just committed to the table. */
  add(rows: T[]): void {
    if (!this.complete) return;
    for (const row of rows) if (row.id > this.loadedUpTo) this.take(row);
  }

  private take(row: T): void {
    this.items.set(row.id, row);
    this.loadedUpTo = row.id;
  }
}
