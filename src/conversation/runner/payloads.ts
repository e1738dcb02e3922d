/**
 * Button payloads of the runner (the engine's own are "c:", "k:", "m:", "o:", "y:", "e:", "d:",
 * "a:"). At most 64 bytes (Telegram's callback_data). Every payload is checked against the Actor
 * when it comes back: a button is a request, never a permission.
 */
import { utf8Bytes } from "../text";

export const MAX_PAYLOAD_BYTES = 64;

export type RunnerPayload =
  /**
   * Start (or resume) a report: also what reminders carry. `unit` is a unit id or code, or null
   * when it did not fit in 64 bytes (the person's own unit is meant).
   */
  | {
      readonly type: "report";
      readonly obligationCode: string;
      readonly periodKey: string;
      readonly unit: string | null;
    }
  /** The /baocao list of one unit (a head of several units picked it). */
  | { readonly type: "menu"; readonly unitId: string }
  | { readonly type: "resume"; readonly draftId: string }
  | { readonly type: "later" }
  | { readonly type: "reopen"; readonly reference: string }
  | { readonly type: "article"; readonly unitId: string }
  /** Incident: the unit's choice (update one or start a new one) or a new one outright. */
  | { readonly type: "incident"; readonly unitId: string; readonly fresh: boolean }
  | { readonly type: "incidentUpdate"; readonly reference: string }
  /** Open an incident's record in the chat (the alerts' "Xem vụ việc"); checked against the Actor. */
  | { readonly type: "incidentView"; readonly reference: string }
  /** Văn phòng: close the incident (the record's "Đóng vụ việc", as /dongvuviec). */
  | { readonly type: "incidentClose"; readonly reference: string };

export function formatPayload(p: RunnerPayload): string {
  switch (p.type) {
    case "report":
      return `report:${p.obligationCode}:${p.periodKey}${p.unit === null ? "" : `:${p.unit}`}`;
    case "menu":
      return `menu:${p.unitId}`;
    case "resume":
      return `resume:${p.draftId}`;
    case "later":
      return "later";
    case "reopen":
      return `reopen:${p.reference}`;
    case "article":
      return `art:${p.unitId}`;
    case "incident":
      return `${p.fresh ? "incnew" : "inc"}:${p.unitId}`;
    case "incidentUpdate":
      return `incu:${p.reference}`;
    case "incidentView":
      return `incv:${p.reference}`;
    case "incidentClose":
      return `incx:${p.reference}`;
  }
}

/** The report payload with the unit's id, or its code when the id would not fit in 64 bytes. */
export function reportPayload(
  obligationCode: string,
  periodKey: string,
  unit: { readonly id: string; readonly code: string },
): string {
  const byId = formatPayload({ type: "report", obligationCode, periodKey, unit: unit.id });
  return utf8Bytes(byId) <= MAX_PAYLOAD_BYTES
    ? byId
    : formatPayload({ type: "report", obligationCode, periodKey, unit: unit.code });
}

export function parsePayload(payload: string): RunnerPayload | null {
  if (payload === "later") return { type: "later" };
  const report = /^report:([^:]+):([^:]+)(?::(.+))?$/.exec(payload);
  if (report) {
    return {
      type: "report",
      obligationCode: report[1] as string,
      periodKey: report[2] as string,
      unit: report[3] ?? null,
    };
  }
  const m = /^(menu|resume|reopen|art|inc|incnew|incu|incv|incx):(.+)$/.exec(payload);
  if (!m) return null;
  const value = m[2] as string;
  switch (m[1]) {
    case "menu":
      return { type: "menu", unitId: value };
    case "resume":
      return { type: "resume", draftId: value };
    case "reopen":
      return { type: "reopen", reference: value };
    case "art":
      return { type: "article", unitId: value };
    case "inc":
      return { type: "incident", unitId: value, fresh: false };
    case "incnew":
      return { type: "incident", unitId: value, fresh: true };
    case "incv":
      return { type: "incidentView", reference: value };
    case "incx":
      return { type: "incidentClose", reference: value };
    default:
      return { type: "incidentUpdate", reference: value };
  }
}
