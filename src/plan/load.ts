/**
 * Parsing a plan from an object, from text or from a file. Expected failures are values: every
 * problem of the file at once, each with its path and, for files, its line.
 */
import fs from "node:fs/promises";
import type { Plan } from "../domain/plan";
import { type Lang, translator } from "../i18n/index";
import { type Locate, localizeIssues, type PlanIssue } from "./issues";
import { asPlan, planSchema } from "./schema";
import { type DataFormat, formatOfPath, parseDataText } from "./text";

export type PlanResult =
  | { readonly ok: true; readonly plan: Plan }
  | { readonly ok: false; readonly errors: readonly PlanIssue[] };

/** Validates an already-parsed value (a preset, stored JSON, a request body). */
export function parsePlan(input: unknown, lang: Lang = "vi", locate?: Locate): PlanResult {
  const parsed = planSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return { ok: true, plan: asPlan(parsed.data) };
  return { ok: false, errors: localizeIssues(parsed.error.issues, translator(lang), locate) };
}

export function parsePlanText(text: string, format: DataFormat, lang: Lang = "vi"): PlanResult {
  const read = parseDataText(text, format, translator(lang));
  if (!read.ok) return read;
  return parsePlan(read.value, lang, read.locate);
}

/** Reads a text file for a loader; failures are issues on the whole file. */
export async function readDataFile(
  file: string,
  lang: Lang,
): Promise<{ ok: true; text: string; format: DataFormat } | { ok: false; errors: readonly PlanIssue[] }> {
  const t = translator(lang);
  const format = formatOfPath(file);
  if (format === undefined)
    return { ok: false, errors: [{ path: "", message: t("plan:error.extension", { file }) }] };
  try {
    return { ok: true, text: await fs.readFile(file, "utf8"), format };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const key = code === "ENOENT" ? "plan:error.fileNotFound" : "plan:error.fileUnreadable";
    return { ok: false, errors: [{ path: "", message: t(key, { file, detail: String(code ?? err) }) }] };
  }
}

/** A plan file: .yaml, .yml or .json. */
export async function loadPlanFile(file: string, lang: Lang = "vi"): Promise<PlanResult> {
  const read = await readDataFile(file, lang);
  if (!read.ok) return read;
  return parsePlanText(read.text, read.format, lang);
}
