/**
 * Multi-row INSERTs for waves of rows (the reminder planner writes 60,000 messages in one
 * transaction). Kysely builds and compiles an operation tree of every value of every chunk — 6,000
 * nodes for a 500-row, 12-column chunk — which cost more than SQLite's own work. Here the
 * statement for n rows is compiled once by Kysely (so it stays right for SQLite and PostgreSQL
 * alike) and each chunk only binds its values; the SQL text is the same for every full chunk, so
 * SQLite keeps it prepared (src/db/statement-cache.ts).
 */
import { type Compilable, CompiledQuery, InsertQueryNode } from "kysely";
import type { Db } from "./connect";

/**
 * Rows per statement: 1,000 rows of 12 values stay well under SQLite's 32,766 and PostgreSQL's
 * 65,535 bound values; larger chunks gain nothing measurable.
 */
export const BULK_CHUNK_ROWS = 1_000;

export interface BulkStatement<Row, Out> {
  /** Inserts the rows in chunks (inside the caller's transaction); returns what RETURNING gave. */
  run(db: Db, rows: readonly Row[]): Promise<Out[]>;
}

export interface BulkStatementSpec<Row, Out> {
  /** The columns the statement lists, in its order (checked against what Kysely compiled). */
  readonly columns: readonly string[];
  /** Appends one row's values, in `columns` order. */
  readonly push: (row: Row, values: unknown[]) => void;
  /** The statement for `n` rows of placeholder values, every column in every row. */
  readonly build: (db: Db, n: number) => Compilable<Out>;
  readonly chunkRows?: number | undefined;
}

export function bulkStatement<Row, Out>(spec: BulkStatementSpec<Row, Out>): BulkStatement<Row, Out> {
  const { columns, push } = spec;
  const chunkRows = spec.chunkRows ?? BULK_CHUNK_ROWS;
  const compiled = new Map<string, string>();

  const compile = (db: Db, n: number): string => {
    const query = spec.build(db, n).compile();
    const node = query.query;
    const listed = InsertQueryNode.is(node) ? (node.columns ?? []).map((c) => c.column.name) : [];
    // Values are bound by position: the statement must list exactly these columns, in this order,
    // and bind one parameter per value.
    if (listed.join(",") !== columns.join(",") || query.parameters.length !== n * columns.length)
      throw new Error(`bulk statement: columns ${listed.join(",")} / ${query.parameters.length} values`);
    return query.sql;
  };

  const sqlFor = (db: Db, n: number): string => {
    // The text depends on the dialect ("?" or "$1") and on the number of rows.
    const key = `${db.getExecutor().adapter.constructor.name}:${n}`;
    let text = compiled.get(key);
    if (text === undefined) {
      text = compile(db, n);
      // Full chunks always; a few short last chunks (their sizes vary).
      if (n === chunkRows || compiled.size < 16) compiled.set(key, text);
    }
    return text;
  };

  return {
    async run(db, rows) {
      const out: Out[] = [];
      for (let i = 0; i < rows.length; i += chunkRows) {
        const n = Math.min(chunkRows, rows.length - i);
        const parameters: unknown[] = [];
        for (let j = i; j < i + n; j++) push(rows[j] as Row, parameters);
        const result = await db.executeQuery<Out>(CompiledQuery.raw(sqlFor(db, n), parameters));
        for (const r of result.rows) out.push(r);
      }
      return out;
    },
  };
}

/** n copies of a placeholder row, for `build`. */
export function placeholders<T>(row: T, n: number): T[] {
  return Array.from({ length: n }, () => row);
}
