/**
 * Holiday and school-year calendars are data: YAML files shipped in src/plan/calendars/, each one
 * replaceable by a file of the same name in DATA_DIR/calendars/ (a Sở edits its Tết break there,
 * without a deploy). An invalid override is reported, never silently replaced by the shipped file.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { HolidayCalendar } from "../domain/plan";
import { type Lang, translator } from "../i18n/index";
import { asCalendar, calendarSchema } from "./calendar-schema";
import { localizeIssues, type PlanIssue } from "./issues";
import { readDataFile } from "./load";
import { parseDataText } from "./text";

export const SHIPPED_CALENDARS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "calendars");

export type CalendarResult =
  | {
      readonly ok: true;
      readonly calendar: HolidayCalendar;
      /** The file read; `overridden` when it came from DATA_DIR/calendars. */
      readonly file: string;
      readonly overridden: boolean;
    }
  | { readonly ok: false; readonly errors: readonly PlanIssue[] };

const CALENDAR_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function overrideDir(dataDir: string): string {
  return path.join(dataDir, "calendars");
}

/** Ids of every calendar available: shipped ones and DATA_DIR ones, sorted. */
export function listCalendars(dataDir?: string): string[] {
  const ids = new Set<string>();
  for (const dir of [SHIPPED_CALENDARS_DIR, ...(dataDir ? [overrideDir(dataDir)] : [])]) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir)) if (f.endsWith(".yaml")) ids.add(f.slice(0, -".yaml".length));
  }
  return [...ids].sort();
}

export async function loadCalendar(id: string, dataDir?: string, lang: Lang = "vi"): Promise<CalendarResult> {
  const t = translator(lang);
  if (!CALENDAR_ID.test(id))
    return { ok: false, errors: [{ path: "", message: t("plan:calendar.unknown", { id }) }] };
  const override = dataDir ? path.join(overrideDir(dataDir), `${id}.yaml`) : undefined;
  const overridden = override !== undefined && fs.existsSync(override);
  const file = overridden ? override : path.join(SHIPPED_CALENDARS_DIR, `${id}.yaml`);
  if (!overridden && !fs.existsSync(file)) {
    return { ok: false, errors: [{ path: "", message: t("plan:calendar.unknown", { id }) }] };
  }
  const read = await readDataFile(file, lang);
  if (!read.ok) return read;
  const text = parseDataText(read.text, read.format, t);
  if (!text.ok) return text;
  const parsed = calendarSchema.safeParse(text.value, { reportInput: true });
  const errors: PlanIssue[] = parsed.success ? [] : localizeIssues(parsed.error.issues, t, text.locate);
  // The file name is the id plans refer to; a copied file with a stale id would be confusing.
  if (parsed.success && parsed.data.id !== id) {
    const pos = text.locate(["id"]);
    errors.push({
      path: "id",
      message: t("plan:calendar.idMismatch", { id: parsed.data.id, file: `${id}.yaml` }),
      line: pos?.line,
      column: pos?.column,
    });
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, calendar: asCalendar(parsed.data), file, overridden };
}
