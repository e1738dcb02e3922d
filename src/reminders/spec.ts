/**
 * MessageSpec to and from its JSON columns (dates become strings in JSON; they come back as Dates).
 *
 * A wave is 60,000 reminders of one step, and all of them share the kind, the language, the step,
 * the obligation and the period — two thirds of a spec. That part is stored once, with the step
 * (reminder_steps.spec), and each message keeps its own part: whom it addresses, the unit, the
 * days, on whose behalf. Escalations, digests and channel fallbacks keep their whole spec.
 */
import type { MessageSpec } from "./types";

type ReminderSpec = Extract<MessageSpec, { kind: "reminder" }>;

const KINDS = new Set(["reminder", "escalation", "digest_missing", "digest_group", "digest_weekly"]);
/** Marks a message's own part (the rest is the step's shared part). */
const OWN_PART = 2;

export function specToJson(spec: MessageSpec): string {
  return JSON.stringify(spec);
}

/** The part every reminder of a step shares. */
export function sharedSpecJson(spec: ReminderSpec): string {
  const { kind, lang, step, obligation, period } = spec;
  return JSON.stringify({ kind, lang, step, obligation, period });
}

/** Does the reminder share `first`'s part (the same step, obligation and period as planned)? */
export function sharesPart(spec: MessageSpec, first: ReminderSpec): spec is ReminderSpec {
  return (
    spec.kind === "reminder" &&
    spec.lang === first.lang &&
    spec.step === first.step &&
    spec.obligation === first.obligation &&
    spec.period === first.period
  );
}

/** The message's own part (the step's shared part is stored once: sharedSpecJson). */
export function ownSpecJson(spec: ReminderSpec): string {
  const { addressee, unit, days, onBehalfOf, ignoreWindow } = spec;
  return JSON.stringify({ own: OWN_PART, addressee, unit, days, onBehalfOf, ignoreWindow });
}

function parse(json: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The stored spec, or null when the column holds something else (a format from the future, a
 * message's own part whose step part is gone).
 */
export function specFromJson(json: string, shared?: string | null): MessageSpec | null {
  let value = parse(json);
  if (value?.own === OWN_PART) {
    const common = shared ? parse(shared) : null;
    if (!common) return null;
    const { own: _own, ...rest } = value;
    value = { ...common, ...rest };
  }
  if (value === null) return null;
  const v = value as { kind?: unknown; step?: { nominal?: unknown }; addressee?: unknown; lang?: unknown };
  if (typeof v.kind !== "string" || !KINDS.has(v.kind) || typeof v.step !== "object" || v.step === null)
    return null;
  if (v.lang !== "vi" && v.lang !== "en") return null;
  const spec = value as unknown as MessageSpec;
  return { ...spec, step: { ...spec.step, nominal: new Date(String(v.step.nominal)) } };
}
