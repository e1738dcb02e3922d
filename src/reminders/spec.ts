/** MessageSpec to and from its JSON column (dates become strings in JSON; they come back as Dates). */
import type { MessageSpec } from "./types";

const KINDS = new Set(["reminder", "escalation", "digest_missing", "digest_weekly"]);

export function specToJson(spec: MessageSpec): string {
  return JSON.stringify(spec);
}

/** The stored spec, or null when the column holds something else (a format from the future). */
export function specFromJson(json: string): MessageSpec | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const v = value as { kind?: unknown; step?: { nominal?: unknown }; addressee?: unknown; lang?: unknown };
  if (typeof v.kind !== "string" || !KINDS.has(v.kind) || typeof v.step !== "object" || v.step === null)
    return null;
  if (v.lang !== "vi" && v.lang !== "en") return null;
  const spec = value as MessageSpec;
  return { ...spec, step: { ...spec.step, nominal: new Date(String(v.step.nominal)) } };
}
