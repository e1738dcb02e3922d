/**
 * Conversation drafts: the form engine's state for one person and one thing being filled (a report
 * instance, an article, an incident, an incident update). Rows never leave this file; the state
 * is handed out as `unknown` (the engine parses and migrates it on every step).
 */
import type { Kysely, Selectable } from "kysely";
import { CHANNEL_IDS, type ChannelId, type ChatRef } from "../channels/types";
import type { PeriodLabel } from "../domain/period-labels";
import type { LocalizedText } from "../domain/plan";
import type { Database, DraftTable } from "./schema";

type Conn = Kysely<Database>;

export const DRAFT_KINDS = ["report", "article", "incident", "incident_update"] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];
export type DraftStatus = "open" | "submitted" | "expired" | "discarded";

/** What to call a draft in messages, without the plan at hand (the sweeper has none). */
export interface DraftLabel {
  readonly name: LocalizedText;
  readonly period: PeriodLabel | null;
}

export interface Draft {
  readonly id: string;
  readonly personId: string;
  readonly unitId: string;
  readonly kind: DraftKind;
  readonly obligationCode: string;
  /** "" for articles and incidents. */
  readonly periodKey: string;
  readonly submissionId: string | null;
  readonly incidentId: string | null;
  readonly formVersion: number;
  readonly state: unknown;
  readonly status: DraftStatus;
  readonly active: boolean;
  readonly revision: number;
  readonly label: DraftLabel;
  readonly chat: ChatRef;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly expiresAt: Date;
  readonly warnedAt: Date | null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A damaged state is the engine's business: it resets it with an explanation.
    return null;
  }
}

function toLabel(text: string): DraftLabel {
  const raw = parseJson(text) as Partial<DraftLabel> | null;
  return { name: raw?.name ?? { vi: "" }, period: raw?.period ?? null };
}

function toDraft(row: Selectable<DraftTable>): Draft {
  return {
    id: row.id,
    personId: row.person_id,
    unitId: row.unit_id,
    kind: (DRAFT_KINDS as readonly string[]).includes(row.kind) ? (row.kind as DraftKind) : "report",
    obligationCode: row.obligation_code,
    periodKey: row.period_key,
    submissionId: row.submission_id,
    incidentId: row.incident_id,
    formVersion: row.form_version,
    state: parseJson(row.state),
    status: row.status as DraftStatus,
    active: row.active === 1,
    revision: row.revision,
    label: toLabel(row.label),
    chat: {
      channel: (CHANNEL_IDS as readonly string[]).includes(row.channel) ? (row.channel as ChannelId) : "web",
      chatId: row.chat_id,
    },
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    expiresAt: new Date(row.expires_at),
    warnedAt: row.warned_at === null ? null : new Date(row.warned_at),
  };
}

export interface NewDraft {
  readonly id: string;
  readonly personId: string;
  readonly unitId: string;
  readonly kind: DraftKind;
  readonly obligationCode: string;
  readonly periodKey: string;
  readonly submissionId?: string | null | undefined;
  readonly incidentId?: string | null | undefined;
  readonly formVersion: number;
  readonly state: unknown;
  readonly label: DraftLabel;
  readonly chat: ChatRef;
  readonly now: Date;
  readonly expiresAt: Date;
}

/** Creates the draft as the person's active one (any other active draft of theirs is set aside). */
export async function createDraft(db: Conn, input: NewDraft): Promise<Draft> {
  await deactivateDrafts(db, input.personId);
  const at = input.now.toISOString();
  const row: Selectable<DraftTable> = {
    id: input.id,
    person_id: input.personId,
    unit_id: input.unitId,
    kind: input.kind,
    obligation_code: input.obligationCode,
    period_key: input.periodKey,
    submission_id: input.submissionId ?? null,
    incident_id: input.incidentId ?? null,
    form_version: input.formVersion,
    state: JSON.stringify(input.state),
    status: "open",
    active: 1,
    revision: 1,
    label: JSON.stringify(input.label),
    channel: input.chat.channel,
    chat_id: input.chat.chatId,
    created_at: at,
    updated_at: at,
    expires_at: input.expiresAt.toISOString(),
    warned_at: null,
  };
  await db.insertInto("drafts").values(row).execute();
  return toDraft(row);
}

export async function getDraft(db: Conn, id: string): Promise<Draft | undefined> {
  const row = await db.selectFrom("drafts").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toDraft(row) : undefined;
}

/** The draft the person is answering now, if any. */
export async function findActiveDraft(db: Conn, personId: string): Promise<Draft | undefined> {
  const row = await db
    .selectFrom("drafts")
    .selectAll()
    .where("person_id", "=", personId)
    .where("active", "=", 1)
    .executeTakeFirst();
  return row ? toDraft(row) : undefined;
}

/** The person's open drafts, most recently touched first. */
export async function listOpenDrafts(db: Conn, personId: string): Promise<Draft[]> {
  const rows = await db
    .selectFrom("drafts")
    .selectAll()
    .where("person_id", "=", personId)
    .where("status", "=", "open")
    .orderBy("updated_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map(toDraft);
}

export interface DraftTarget {
  readonly personId: string;
  readonly unitId: string;
  readonly kind: DraftKind;
  readonly obligationCode: string;
  readonly periodKey: string;
  readonly submissionId?: string | null | undefined;
  readonly incidentId?: string | null | undefined;
}

/** The person's open draft for the same thing (so starting it again resumes it). */
export async function findOpenDraftFor(db: Conn, target: DraftTarget): Promise<Draft | undefined> {
  let q = db
    .selectFrom("drafts")
    .selectAll()
    .where("person_id", "=", target.personId)
    .where("status", "=", "open")
    .where("unit_id", "=", target.unitId)
    .where("kind", "=", target.kind)
    .where("obligation_code", "=", target.obligationCode)
    .where("period_key", "=", target.periodKey);
  q = target.submissionId ? q.where("submission_id", "=", target.submissionId) : q;
  q = target.incidentId ? q.where("incident_id", "=", target.incidentId) : q;
  const row = await q.orderBy("updated_at", "desc").executeTakeFirst();
  return row ? toDraft(row) : undefined;
}

/** The person's most recently finished draft (a second "Gửi" tap finds what the first one sent). */
export async function findLastSubmittedDraft(db: Conn, personId: string): Promise<Draft | undefined> {
  const row = await db
    .selectFrom("drafts")
    .selectAll()
    .where("person_id", "=", personId)
    .where("status", "=", "submitted")
    .orderBy("updated_at", "desc")
    .executeTakeFirst();
  return row ? toDraft(row) : undefined;
}

export async function deactivateDrafts(db: Conn, personId: string): Promise<void> {
  await db
    .updateTable("drafts")
    .set({ active: 0 })
    .where("person_id", "=", personId)
    .where("active", "=", 1)
    .execute();
}

/** Makes this open draft the person's active one. */
export async function activateDraft(db: Conn, draft: Pick<Draft, "id" | "personId">): Promise<void> {
  await deactivateDrafts(db, draft.personId);
  await db.updateTable("drafts").set({ active: 1 }).where("id", "=", draft.id).execute();
}

export interface DraftUpdate {
  readonly state: unknown;
  readonly formVersion: number;
  readonly now: Date;
  readonly expiresAt: Date;
  readonly chat: ChatRef;
  readonly status?: DraftStatus | undefined;
  readonly active?: boolean | undefined;
}

/**
 * Writes a step's state, only if nobody wrote since `draft` was read (revision check). False
 * means a concurrent step won: the caller's transaction must not go on.
 */
export async function saveDraftStep(db: Conn, draft: Draft, update: DraftUpdate): Promise<boolean> {
  const result = await db
    .updateTable("drafts")
    .set({
      state: JSON.stringify(update.state),
      form_version: update.formVersion,
      revision: draft.revision + 1,
      updated_at: update.now.toISOString(),
      expires_at: update.expiresAt.toISOString(),
      warned_at: null,
      channel: update.chat.channel,
      chat_id: update.chat.chatId,
      ...(update.status ? { status: update.status } : {}),
      ...(update.active === undefined ? {} : { active: update.active ? 1 : 0 }),
    })
    .where("id", "=", draft.id)
    .where("revision", "=", draft.revision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setDraftStatus(db: Conn, id: string, status: DraftStatus, now: Date): Promise<void> {
  await db
    .updateTable("drafts")
    .set({ status, active: 0, updated_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
}

/** Open drafts whose warning is due (expiry within `warnBeforeMs`) and not yet sent. */
export async function draftsToWarn(db: Conn, now: Date, warnBeforeMs: number): Promise<Draft[]> {
  const rows = await db
    .selectFrom("drafts")
    .selectAll()
    .where("status", "=", "open")
    .where("warned_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .where("expires_at", "<=", new Date(now.getTime() + warnBeforeMs).toISOString())
    .execute();
  return rows.map(toDraft);
}

export async function markDraftWarned(db: Conn, id: string, now: Date): Promise<void> {
  await db.updateTable("drafts").set({ warned_at: now.toISOString() }).where("id", "=", id).execute();
}

export async function draftsExpired(db: Conn, now: Date): Promise<Draft[]> {
  const rows = await db
    .selectFrom("drafts")
    .selectAll()
    .where("status", "=", "open")
    .where("expires_at", "<=", now.toISOString())
    .execute();
  return rows.map(toDraft);
}

export async function deleteDraftsOfPerson(db: Conn, personId: string): Promise<number> {
  const result = await db.deleteFrom("drafts").where("person_id", "=", personId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
