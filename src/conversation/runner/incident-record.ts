/**
 * An incident's record as the chat shows it (the alerts' "Xem vụ việc", /xemvuviec VV-…): reference,
 * unit, status, when and by whom it was reported, every answer of the form in full, the evidence
 * files, and each follow-up. Buttons: "Cập nhật vụ việc" for the unit's own people and "Đóng vụ
 * việc" for the Văn phòng while it is open. Who may see it is decided before (incident-access.ts).
 *
 * Built in two steps so that `baocao incidents show` prints the same record: `loadIncidentRecord`
 * reads it (no Run, no Actor), `incidentRecordParts` words it; the CLI asks for the files in
 * detail (SHA-256 and where they are stored), the chat names them.
 */
import type { ActivePlan } from "../../bot/status/sources";
import type { Button, TextPart } from "../../channels/types";
import { type Incident, listIncidentUpdates } from "../../db/incidents";
import type { Db, StoredUnit } from "../../db/index";
import { getPersonById } from "../../db/people";
import { type FileOwnerKind, filesOf } from "../../db/submission-files";
import type { JsonAnswers } from "../../db/submissions";
import type { Form, Question } from "../../domain/plan";
import type { Lang, Translate } from "../../i18n/index";
import { type DisplayValue, displayValue, valueParams } from "../format";
import { localized } from "../text";
import type { AnswerValue } from "../types";
import type { Run } from "./context";
import { eventObligation, incidentUpdateForm } from "./forms";
import { instantText } from "./labels";
import { formatPayload } from "./payloads";
import type { Outgoing } from "./step";

/** "VV-2611-0042": the incidents' references (db/references.ts), in any case. */
export const INCIDENT_REFERENCE = /^VV-\d{4}-\d{4,9}$/i;

/** What reading and wording a record needs: the chat's Run gives it, and so does the CLI. */
export interface RecordEnv {
  readonly db: Db;
  readonly lang: Lang;
  readonly t: Translate;
  /** For the questions' labels; null when no plan is set up (answers are then shown under their ids). */
  readonly plan: ActivePlan | null;
}

export interface RecordFile {
  /** The name it was sent with; the question's id when the channel gave none. */
  readonly name: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  /** Where the bytes are, relative to DATA_DIR (stored_files.path). */
  readonly storedPath: string;
  /** The question it answers. */
  readonly question: string;
}

export interface RecordAnswer {
  readonly id: string;
  readonly label: string;
  readonly value: unknown;
  /** The line as the record shows it ("Mức độ: Cao: …"). */
  readonly line: string;
}

export interface RecordPerson {
  readonly id: string | null;
  readonly name: string;
}

export interface RecordUpdate {
  readonly id: string;
  readonly at: Date;
  readonly by: RecordPerson;
  readonly state: string | null;
  readonly stateLabel: string;
  readonly text: string;
  readonly answers: JsonAnswers;
  readonly files: readonly RecordFile[];
}

export interface IncidentRecordData {
  readonly incident: Incident;
  readonly unit: StoredUnit;
  readonly reporter: RecordPerson;
  readonly answers: readonly RecordAnswer[];
  readonly files: readonly RecordFile[];
  readonly updates: readonly RecordUpdate[];
}

/** Texts are shown whole (the channel splits long messages); other values as the review shows them. */
function recordValue(q: Question, value: AnswerValue, lang: Lang): DisplayValue {
  if (typeof value === "string" && (q.type === "text" || q.type === "long_text")) return { value };
  return displayValue(q, value, lang);
}

/** One entry per answered question of the form; files are listed apart. */
function recordAnswers(env: RecordEnv, form: Form | undefined, answers: JsonAnswers): RecordAnswer[] {
  const out: RecordAnswer[] = [];
  if (!form) {
    // The plan no longer has this form: the answers under their ids, rather than nothing.
    for (const [id, value] of Object.entries(answers)) {
      if (value === null || typeof value === "object") continue;
      const line = env.t("report:incidentView.line", { label: id, value: String(value) });
      out.push({ id, label: id, value, line });
    }
    return out;
  }
  for (const q of form.questions) {
    // Stored answers are what the engine produced for this form (db/submissions parseAnswers).
    const value = answers[q.id] as AnswerValue | null | undefined;
    if (value === undefined || value === null || q.type === "file") continue;
    const label = localized(q.label, env.lang);
    const line = env.t("report:incidentView.line", {
      label,
      ...valueParams(recordValue(q, value, env.lang)),
    });
    out.push({ id: q.id, label, value, line });
  }
  return out;
}

async function recordFiles(env: RecordEnv, kind: FileOwnerKind, id: string): Promise<RecordFile[]> {
  const files = await filesOf(env.db, { kind, id });
  return files.map((f) => ({
    name: f.name ?? f.path,
    sha256: f.sha256,
    sizeBytes: f.sizeBytes,
    storedPath: f.storedPath,
    question: f.path,
  }));
}

async function person(env: RecordEnv, id: string | null): Promise<RecordPerson> {
  const found = id === null ? undefined : await getPersonById(env.db, id);
  return { id, name: found?.fullName ?? env.t("report:incidentView.unknownPerson") };
}

async function recordUpdates(env: RecordEnv, incident: Incident): Promise<RecordUpdate[]> {
  const form = incidentUpdateForm();
  const options = form.questions.find((x) => x.id === "state")?.options ?? [];
  const out: RecordUpdate[] = [];
  for (const u of await listIncidentUpdates(env.db, incident.id)) {
    const state = typeof u.answers.state === "string" ? u.answers.state : null;
    const option = options.find((o) => o.value === state);
    out.push({
      id: u.id,
      at: u.at,
      by: await person(env, u.byPerson),
      state,
      stateLabel: option ? localized(option.label, env.lang) : (state ?? ""),
      text: typeof u.answers.update === "string" ? u.answers.update : "",
      answers: u.answers,
      files: await recordFiles(env, "incident_update", u.id),
    });
  }
  return out;
}

/** Everything the record shows, read once. */
export async function loadIncidentRecord(
  env: RecordEnv,
  incident: Incident,
  unit: StoredUnit,
): Promise<IncidentRecordData> {
  const form = env.plan ? eventObligation(env.plan, incident.obligationCode)?.form : undefined;
  return {
    incident,
    unit,
    reporter: await person(env, incident.reportedBy),
    answers: recordAnswers(env, form, incident.answers),
    files: await recordFiles(env, "incident", incident.id),
    updates: await recordUpdates(env, incident),
  };
}

export interface RecordPartsOptions {
  /**
   * Lists every file on its own line with its SHA-256 and where it is (the CLI); given the stored
   * path, returns how to show it. Without it the files are named on one line (the chat).
   */
  readonly fileDetail?: ((storedPath: string) => string) | undefined;
}

/** The files of the incident or of a follow-up: named on one line, or one line each in detail. */
function fileParts(
  files: readonly RecordFile[],
  t: Translate,
  options: RecordPartsOptions,
  keys: { readonly names: string; readonly detail: string },
  params: Readonly<Record<string, unknown>>,
): TextPart {
  const locate = options.fileDetail;
  if (!locate) return { key: keys.names, params: { ...params, names: files.map((f) => f.name).join(", ") } };
  const lines = files.map((f) =>
    t("report:incidentView.fileLine", { name: f.name, sha256: f.sha256, path: locate(f.storedPath) }),
  );
  return { text: [t(keys.detail, { ...params }), ...lines].join("\n") };
}

/** The record's paragraphs, as the chat sends them (and the CLI prints them). */
export function incidentRecordParts(
  data: IncidentRecordData,
  t: Translate,
  options: RecordPartsOptions = {},
): TextPart[] {
  const { incident, unit } = data;
  const parts: TextPart[] = [
    { key: "report:incidentView.title", params: { reference: incident.reference, unit: unit.name } },
    incident.status === "open"
      ? { key: "report:incidentView.open" }
      : {
          key: "report:incidentView.closed",
          params: { time: incident.closedAt ? instantText(incident.closedAt) : "" },
        },
    {
      key: "report:incidentView.reported",
      params: { time: instantText(incident.reportedAt), by: data.reporter.name },
    },
  ];
  if (data.answers.length > 0) parts.push({ text: data.answers.map((a) => a.line).join("\n") });
  if (data.files.length === 0) parts.push({ key: "report:incidentView.filesNone" });
  else {
    const keys = { names: "report:incidentView.files", detail: "report:incidentView.filesDetail" };
    parts.push(fileParts(data.files, t, options, keys, { count: data.files.length }));
  }
  if (data.updates.length === 0) {
    parts.push({ key: "report:incidentView.noUpdates" });
    return parts;
  }
  parts.push({ key: "report:incidentView.updates", params: { count: data.updates.length } });
  for (const [i, u] of data.updates.entries()) {
    parts.push({
      key: "report:incidentView.update",
      params: { n: i + 1, time: instantText(u.at), by: u.by.name, state: u.stateLabel, text: u.text },
    });
    if (u.files.length === 0) continue;
    const keys = {
      names: "report:incidentView.updateFiles",
      detail: "report:incidentView.updateFilesDetail",
    };
    parts.push(fileParts(u.files, t, options, keys, { count: u.files.length }));
  }
  return parts;
}

function recordButtons(run: Run, incident: Incident): Button[] {
  if (incident.status !== "open") return [];
  const { actor } = run.ctx;
  const buttons: Button[] = [];
  if (actor.ownUnitIds.includes(incident.unitId)) {
    buttons.push({
      label: { key: "report:button.updateThisIncident" },
      payload: formatPayload({ type: "incidentUpdate", reference: incident.reference }),
    });
  }
  if (actor.seesAll) {
    buttons.push({
      label: { key: "report:button.closeIncident" },
      payload: formatPayload({ type: "incidentClose", reference: incident.reference }),
    });
  }
  return buttons;
}

export async function incidentRecord(run: Run, incident: Incident, unit: StoredUnit): Promise<Outgoing> {
  const env: RecordEnv = { db: run.trx, lang: run.lang, t: run.t, plan: await run.plan() };
  const parts = incidentRecordParts(await loadIncidentRecord(env, incident, unit), run.t);
  const buttons = recordButtons(run, incident);
  return buttons.length > 0 ? { parts, buttons } : { parts };
}
