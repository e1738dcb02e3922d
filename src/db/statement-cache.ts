/**
 * Kysely's SQLite driver prepares every statement anew; better-sqlite3 then re-parses and
 * re-plans the SQL each time, a large share of a short query. The same few dozen SQL texts run
 * all day (Kysely compiles the same query to the same text), so prepared statements are kept per
 * text, least recently used dropped past a bound. Safe because Kysely uses SQLite's single
 * connection one query at a time; a statement still busy (an open iterator) is not handed out.
 */
import type { Statement } from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/** Distinct SQL texts kept prepared: generous for the app's queries, bounded for ad-hoc IN lists. */
export const STATEMENT_CACHE_SIZE = 500;

interface Preparer {
  prepare(sql: string): Statement;
  close(): unknown;
}

export function withStatementCache(db: Preparer, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close() {
      cache.clear();
      db.close();
    },
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Re-insert: Map keeps insertion order, so the first key is the least recently used.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = db.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > size) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      return statement;
    },
  };
}
