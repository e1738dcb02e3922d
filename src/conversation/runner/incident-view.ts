/**
 * Opening incidents in the chat, on every channel and without a browser: the alerts' "Xem vụ việc"
 * button (`incv:<reference>`), `/xemvuviec VV-…` (the open ones the person may see when no
 * reference is given), and the record's "Đóng vụ việc" (`incx:<reference>`, Văn phòng only, the
 * same action as /dongvuviec). Every reference is checked against the Actor when it comes back.
 *
 * Typed without the slash, "xem vụ việc [VV-…]" (any case, accents optional; also "xem hồ sơ vụ
 * việc", "view incident") is /xemvuviec, even in the middle of a form (no answer is that phrase;
 * the form stays where it was, as with /xemvuviec); a text that is only a reference "VV-2611-0042"
 * is /xemvuviec VV-… when no question is waiting for an answer (then it is the answer). Either way
 * the record opens only for those who may see it, with the same words for the rest.
 */
import type { Button, TextPart } from "../../channels/types";
import { findIncidentByRef, type Incident } from "../../db/incidents";
import { translator } from "../../i18n/index";
import { fold, localized, shorten } from "../text";
import type { Run } from "./context";
import { eventObligation } from "./forms";
import { visibleIncident, visibleOpenIncidents } from "./incident-access";
import { INCIDENT_REFERENCE, incidentRecord } from "./incident-record";
import { instantText } from "./labels";
import { runOfficeCommand } from "./office-chat";
import { formatPayload } from "./payloads";

/** Open incidents listed by a bare /xemvuviec (most recent first); the rest are counted. */
export const MAX_LISTED_INCIDENTS = 8;
const DEFAULT_LABEL_CHARS = 40;

/** The same words for a reference that does not exist and one this person may not see. */
function refuse(run: Run): Promise<void> {
  return run.say([
    { key: "report:incidentView.refused", params: { title: run.ctx.title, contact: run.ctx.contact } },
  ]);
}

async function severityText(run: Run, incident: Incident): Promise<string> {
  if (incident.severity === null) return run.t("report:incident.severityUnknown");
  const active = await run.plan();
  const form = active ? eventObligation(active, incident.obligationCode)?.form : undefined;
  const option = form?.questions
    .find((q) => q.id === "severity")
    ?.options?.find((o) => o.value === incident.severity);
  return option ? localized(option.label, run.lang) : incident.severity;
}

async function listOpen(run: Run): Promise<void> {
  const { shown, total } = await visibleOpenIncidents(run, MAX_LISTED_INCIDENTS);
  if (total === 0)
    return run.say([{ key: "report:incidentView.noneOpen", params: { title: run.ctx.title } }]);
  const parts: TextPart[] = [{ key: "report:incidentView.listTitle", params: { count: total } }];
  const buttons: Button[] = [];
  const maxLabel = run.buttons()?.maxLabelChars ?? DEFAULT_LABEL_CHARS;
  for (const { incident, unit } of shown) {
    parts.push({
      key: "report:incidentView.listLine",
      params: {
        reference: incident.reference,
        unit: unit.name,
        time: instantText(incident.reportedAt),
        severity: await severityText(run, incident),
      },
    });
    const label = run.t("report:button.viewIncidentOf", {
      reference: incident.reference,
      unit: unit.shortName ?? unit.name,
    });
    buttons.push({
      label: { text: shorten(label, maxLabel) },
      payload: formatPayload({ type: "incidentView", reference: incident.reference }),
    });
  }
  if (total > shown.length) {
    parts.push({ key: "report:incidentView.listMore", params: { count: total - shown.length } });
  }
  parts.push({ key: "report:incidentView.listHint" });
  await run.say(parts, buttons);
}

async function show(run: Run, reference: string, notVisible: () => Promise<void>): Promise<void> {
  const found = await visibleIncident(run, await findIncidentByRef(run.trx, reference));
  if (!found) return notVisible();
  await run.send(await incidentRecord(run, found.incident, found.unit));
}

/** `/xemvuviec [VV-…]`. */
export async function showIncidentCommand(run: Run, args: string): Promise<void> {
  const reference = args.trim().split(/\s+/)[0] ?? "";
  if (reference === "") return listOpen(run);
  if (!INCIDENT_REFERENCE.test(reference)) {
    return run.say([{ key: "report:incidentView.badReference", params: { reference } }]);
  }
  await show(run, reference, () =>
    run.say([
      {
        key: "report:incidentView.notFound",
        params: { reference: reference.toUpperCase(), title: run.ctx.title },
      },
    ]),
  );
}

/** The "Xem vụ việc" button of an alert or of the list. */
export async function showIncidentFromButton(run: Run, reference: string): Promise<void> {
  await show(run, reference, () => refuse(run));
}

/** The record's "Đóng vụ việc": the Văn phòng's /dongvuviec; anyone else is refused. */
export async function closeIncidentFromButton(run: Run, reference: string): Promise<void> {
  if (!run.ctx.actor.seesAll) return refuse(run);
  await runOfficeCommand(run, { verb: "close", reference: reference.toUpperCase(), note: "" });
}

/** A typed word as compared with the phrases: folded, punctuation around it dropped. */
function bare(word: string): string {
  return fold(word).replace(/[^a-z0-9#]+/g, "");
}

/** "xem vụ việc" and its other wordings, in both languages, as folded words. */
const SHOW_PHRASES: readonly (readonly string[])[] = (["vi", "en"] as const)
  .flatMap((lang) => translator(lang)("report:names.showIncident").split("|"))
  .map((phrase) => phrase.split(/\s+/).map(bare));

/** Words that may stand between the phrase and the reference: "xem vụ việc số VV-…". */
const NUMBER_WORDS = new Set(["so", "#", "no", "number"]);

/**
 * "Xem vụ việc VV-2611-0042" typed without the slash → the argument /xemvuviec would get
 * ("" for the list, one word otherwise: /xemvuviec answers a word that is not a reference); null
 * when the text is something else, or says more than the phrase and one word.
 */
export function parseShowIncidentText(text: string): string | null {
  const tokens = text.trim().split(/\s+/);
  for (const phrase of SHOW_PHRASES) {
    if (tokens.length < phrase.length) continue;
    if (!phrase.every((w, i) => bare(tokens[i] as string) === w)) continue;
    const rest = tokens.slice(phrase.length).filter((t) => bare(t) !== "");
    if (rest.length > 0 && NUMBER_WORDS.has(bare(rest[0] as string))) rest.shift();
    if (rest.length > 1) return null;
    // A full stop or question mark after the reference is not part of it.
    return (rest[0] ?? "").replace(/[.,;:!?…]+$/u, "");
  }
  return null;
}

/** A text that is only an incident reference ("vv-2611-0042"). */
export function isIncidentReference(text: string): boolean {
  return INCIDENT_REFERENCE.test(text.trim());
}
