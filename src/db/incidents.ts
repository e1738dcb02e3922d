/** Incident reports (báo cáo đột xuất) and their follow-ups. */
import type { Kysely, Selectable } from "kysely";
import type { Database, IncidentTable } from "./schema";
import { type JsonAnswers, parseAnswers } from "./submissions";

type Conn = Kysely<Database>;

export interface Incident {
  readonly id: string;
  readonly reference: string;
  readonly unitId: string;
  readonly obligationCode: string;
  readonly formVersion: number;
  readonly answers: JsonAnswers;
  readonly severity: string | null;
  readonly reportedBy: string | null;
  readonly reportedAt: Date;
  readonly status: "open" | "closed";
  readonly closedAt: Date | null;
}

export interface IncidentUpdate {
  readonly id: string;
  readonly answers: JsonAnswers;
  readonly byPerson: string | null;
  readonly at: Date;
}

function toIncident(r: Selectable<IncidentTable>): Incident {
  return {
    id: r.id,
    reference: r.reference,
    unitId: r.unit_id,
    obligationCode: r.obligation_code,
    formVersion: r.form_version,
    answers: parseAnswers(r.answers),
    severity: r.severity,
    reportedBy: r.reported_by,
    reportedAt: new Date(r.reported_at),
    status: r.status === "closed" ? "closed" : "open",
    closedAt: r.closed_at === null ? null : new Date(r.closed_at),
  };
}

export interface NewIncident {
  readonly id: string;
  readonly reference: string;
  readonly unitId: string;
  readonly obligationCode: string;
  readonly formVersion: number;
  readonly answers: JsonAnswers;
  readonly severity: string | null;
  readonly reportedBy: string | null;
  readonly at: Date;
  readonly idempotencyKey: string;
}

export async function insertIncident(db: Conn, i: NewIncident): Promise<Incident> {
  const row: Selectable<IncidentTable> = {
    id: i.id,
    reference: i.reference,
    unit_id: i.unitId,
    obligation_code: i.obligationCode,
    form_version: i.formVersion,
    answers: JSON.stringify(i.answers),
    severity: i.severity,
    reported_by: i.reportedBy,
    reported_at: i.at.toISOString(),
    status: "open",
    closed_at: null,
    closed_by: null,
    idempotency_key: i.idempotencyKey,
  };
  await db.insertInto("incidents").values(row).execute();
  return toIncident(row);
}

export async function findIncidentByKey(db: Conn, key: string): Promise<Incident | undefined> {
  const row = await db
    .selectFrom("incidents")
    .selectAll()
    .where("idempotency_key", "=", key)
    .executeTakeFirst();
  return row ? toIncident(row) : undefined;
}

export async function findIncidentByRef(db: Conn, reference: string): Promise<Incident | undefined> {
  const ref = reference.trim().toUpperCase();
  const row = await db.selectFrom("incidents").selectAll().where("reference", "=", ref).executeTakeFirst();
  return row ? toIncident(row) : undefined;
}

export async function findIncidentById(db: Conn, id: string): Promise<Incident | undefined> {
  const row = await db.selectFrom("incidents").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toIncident(row) : undefined;
}

export async function openIncidentsOfUnit(db: Conn, unitId: string): Promise<Incident[]> {
  const rows = await db
    .selectFrom("incidents")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("status", "=", "open")
    .orderBy("reported_at", "desc")
    .execute();
  return rows.map(toIncident);
}

export async function listIncidents(
  db: Conn,
  filter: { status?: "open" | "closed" } = {},
): Promise<Incident[]> {
  let q = db.selectFrom("incidents").selectAll();
  if (filter.status) q = q.where("status", "=", filter.status);
  const rows = await q.orderBy("reported_at", "desc").execute();
  return rows.map(toIncident);
}

/** Adds a follow-up; false when this key was already recorded (the same draft sent twice). */
export async function addIncidentUpdate(
  db: Conn,
  u: { id: string; incidentId: string; answers: JsonAnswers; byPerson: string | null; at: Date; key: string },
): Promise<boolean> {
  const result = await db
    .insertInto("incident_updates")
    .values({
      id: u.id,
      incident_id: u.incidentId,
      answers: JSON.stringify(u.answers),
      by_person: u.byPerson,
      at: u.at.toISOString(),
      idempotency_key: u.key,
    })
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function listIncidentUpdates(db: Conn, incidentId: string): Promise<IncidentUpdate[]> {
  const rows = await db
    .selectFrom("incident_updates")
    .selectAll()
    .where("incident_id", "=", incidentId)
    .orderBy("at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    answers: parseAnswers(r.answers),
    byPerson: r.by_person,
    at: new Date(r.at),
  }));
}

/** Closes an open incident; false when it was already closed. */
export async function closeIncident(db: Conn, id: string, by: string | null, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("incidents")
    .set({ status: "closed", closed_at: now.toISOString(), closed_by: by })
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
