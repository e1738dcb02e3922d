import { type Kysely, SqliteAdapter, sql } from "kysely";

/**
 * A change counter for the organisation (units, people, memberships): settings row `org.version`,
 * bumped by database triggers on every insert, update or delete. The bot caches the org in memory
 * and re-reads it when the counter moved, so that imports, the demo, erasure, the CLI (another
 * process) and any future writer invalidate the cache without having to remember to.
 * channel_links is not counted: it is read per event (and touched by every message).
 */
const TABLES = ["units", "people", "memberships"] as const;
const OPS = ["insert", "update", "delete"] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`insert into settings (key, value, updated_at) values ('org.version', '1', ${new Date().toISOString()})
    on conflict (key) do nothing`.execute(db);
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    // SQLite triggers are per row: an import of 3,000 units bumps 3,000 times, a few ms in all.
    for (const table of TABLES) {
      for (const op of OPS) {
        await sql
          .raw(
            `create trigger org_version_${table}_${op} after ${op} on ${table} begin
               update settings set value = cast(cast(value as integer) + 1 as text) where key = 'org.version';
             end`,
          )
          .execute(db);
      }
    }
    return;
  }
  await sql
    .raw(
      `create or replace function baocao_bump_org_version() returns trigger as $$
       begin
         update settings set value = (value::bigint + 1)::text where key = 'org.version';
         return null;
       end $$ language plpgsql`,
    )
    .execute(db);
  for (const table of TABLES) {
    await sql
      .raw(
        `create trigger org_version_${table} after insert or update or delete on ${table}
         for each statement execute function baocao_bump_org_version()`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    for (const table of TABLES) {
      for (const op of OPS) await sql.raw(`drop trigger if exists org_version_${table}_${op}`).execute(db);
    }
  } else {
    for (const table of TABLES)
      await sql.raw(`drop trigger if exists org_version_${table} on ${table}`).execute(db);
    await sql.raw("drop function if exists baocao_bump_org_version()").execute(db);
  }
  await sql`delete from settings where key = 'org.version'`.execute(db);
}
