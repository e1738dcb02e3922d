/**
 * Office actions typed in the chat by Văn phòng staff: "trả lại BC-2611-4827 <ghi chú>",
 * "chấp nhận BC-2611-4827", "đóng vụ việc VV-2611-0042" (accents optional; also /tralai,
 * /chapnhan, /dongvuviec once the router passes them). Anyone else typing these words is simply
 * answering a question.
 */

import { fold } from "../text";
import type { Run } from "./context";
import { acceptSubmission, closeIncidentByRef, type OfficeEnv, returnSubmission } from "./office";

export type OfficeVerb = "return" | "accept" | "close";

const VERBS: Readonly<Record<string, OfficeVerb>> = {
  "tra lai": "return",
  tralai: "return",
  return: "return",
  "chap nhan": "accept",
  chapnhan: "accept",
  "tiep nhan": "accept",
  accept: "accept",
  "dong vu viec": "close",
  dongvuviec: "close",
  dong: "close",
  close: "close",
};

const REFERENCE = /^(BC|VV)-\d{4}-\d{4,9}$/i;

export interface OfficeCommand {
  readonly verb: OfficeVerb;
  readonly reference: string;
  readonly note: string;
}

/** "trả lại BC-2611-4827 Thiếu minh chứng" → return, BC-2611-4827, "Thiếu minh chứng". */
export function parseOfficeCommand(text: string): OfficeCommand | null {
  const tokens = text.trim().split(/\s+/);
  for (const n of [3, 2, 1]) {
    if (tokens.length <= n) continue;
    const verb = VERBS[fold(tokens.slice(0, n).join(" ")).replace(/^\//, "")];
    const reference = tokens[n] as string;
    if (!verb || !REFERENCE.test(reference)) continue;
    const rest = new RegExp(`^\\s*(?:\\S+\\s+){${n}}\\S+\\s*([\\s\\S]*)$`).exec(text)?.[1] ?? "";
    return { verb, reference: reference.toUpperCase(), note: rest.trim() };
  }
  return null;
}

export async function runOfficeCommand(run: Run, cmd: OfficeCommand): Promise<void> {
  const env: OfficeEnv = {
    now: run.now,
    lang: run.lang,
    plan: await run.plan(),
    by: run.personId,
    source: "chat",
  };
  const ref = { reference: cmd.reference };
  if (cmd.verb === "close") {
    const r = await closeIncidentByRef(run.trx, cmd.reference, env);
    if (r.ok) return run.say([{ key: "report:office.closed", params: { ...ref, notified: r.notified } }]);
    return run.say([
      {
        key: r.reason === "not_found" ? "report:office.notFound" : "report:office.alreadyClosed",
        params: ref,
      },
    ]);
  }
  if (cmd.verb === "return" && cmd.note === "")
    return run.say([{ key: "report:office.noteRequired", params: ref }]);
  const r =
    cmd.verb === "return"
      ? await returnSubmission(run.trx, cmd.reference, cmd.note, env)
      : await acceptSubmission(run.trx, cmd.reference, env);
  if (!r.ok) {
    if (r.reason === "not_found") return run.say([{ key: "report:office.notFound", params: ref }]);
    return run.say([
      { key: "report:office.wrongState", params: { ...ref, state: run.t(`report:state.${r.state}`) } },
    ]);
  }
  const key = cmd.verb === "return" ? "report:office.returned" : "report:office.accepted";
  await run.say([{ key, params: { ...ref, notified: r.notified } }]);
}
