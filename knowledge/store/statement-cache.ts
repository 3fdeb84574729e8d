import type Database from 'better-sqlite3';

/**
 * Prepared statements kept per SQL text. Stores on hot paths (every chunk, every webhook) run a
 * few small statements, and preparing one costs more than running it.
 */
export function statementCache(db: Database.Database): (sql: string) => Database.Statement {
  const statements = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
}
