/**
 * Invite codes as stored: only hashes. Callers hash with src/identity/codes.ts and get `Invite`s
 * (never the hash back, never a code: the code exists only in the CLI output that made it).
 */
import type { Kysely, Selectable } from "kysely";
import { newId } from "./ids";
import type { Database, InviteTable } from "./schema";

type Conn = Kysely<Database>;

export interface Invite {
  readonly id: string;
  readonly personId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
  readonly revokedAt: Date | null;
  readonly createdBy: string | null;
}

export type InviteState = "pending" | "used" | "revoked" | "expired";

export function inviteState(invite: Invite, now: Date): InviteState {
  if (invite.usedAt !== null) return "used";
  if (invite.revokedAt !== null) return "revoked";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

const date = (v: string | null): Date | null => (v === null ? null : new Date(v));

function toInvite(row: Selectable<InviteTable>): Invite {
  return {
    id: row.id,
    personId: row.person_id,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    usedAt: date(row.used_at),
    revokedAt: date(row.revoked_at),
    createdBy: row.created_by,
  };
}

export interface NewInvite {
  readonly personId: string;
  readonly codeHash: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly createdBy: string | null;
}

export async function insertInvite(db: Conn, input: NewInvite): Promise<Invite> {
  const row = {
    id: newId(),
    person_id: input.personId,
    code_hash: input.codeHash,
    created_at: input.createdAt.toISOString(),
    expires_at: input.expiresAt.toISOString(),
    used_at: null,
    revoked_at: null,
    created_by: input.createdBy,
  };
  await db.insertInto("invites").values(row).execute();
  return toInvite(row);
}

/** The invite whose hash is one of these (the candidates of one code), whatever its state. */
export async function findInviteByHash(db: Conn, hashes: readonly string[]): Promise<Invite | undefined> {
  if (hashes.length === 0) return undefined;
  const row = await db.selectFrom("invites").selectAll().where("code_hash", "in", hashes).executeTakeFirst();
  return row ? toInvite(row) : undefined;
}

/** Marks a pending invite used; false when another chat used it first (checked in the UPDATE). */
export async function markInviteUsed(db: Conn, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable("invites")
    .set({ used_at: at.toISOString() })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", at.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Revokes the invites with these ids that are still unused; returns how many. */
export async function revokeInvites(db: Conn, ids: readonly string[], at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable("invites")
    .set({ revoked_at: at.toISOString() })
    .where("id", "in", ids)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Revokes every pending invite of a person; returns how many. */
export async function revokePendingInvitesOfPerson(db: Conn, personId: string, at: Date): Promise<number> {
  const result = await db
    .updateTable("invites")
    .set({ revoked_at: at.toISOString() })
    .where("person_id", "=", personId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", at.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listInvitesOfPerson(db: Conn, personId: string): Promise<Invite[]> {
  const rows = await db
    .selectFrom("invites")
    .selectAll()
    .where("person_id", "=", personId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toInvite);
}

export async function deleteInvitesOfPerson(db: Conn, personId: string): Promise<number> {
  const result = await db.deleteFrom("invites").where("person_id", "=", personId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
