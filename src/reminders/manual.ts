/**
 * "Remind them all again now" (/nhacnho, the digest's button): every unit still missing an
 * obligation's period gets a reminder now — still deduped (one manual round per day and period),
 * still inside the sending window unless the office confirmed --now, still under the daily cap.
 */
import { resolveReportPeriod } from "../bot/report-args";
import type { Obligation } from "../domain/plan";
import type { ScheduledPeriod } from "../domain/schedule";
import type { PlanContext } from "./context";
import { type Sink, unitReminders } from "./planner";
import type { PlanResult, StepDef, StepKey } from "./types";

export type ManualTarget =
  | { readonly ok: true; readonly obligation: Obligation; readonly scheduled: ScheduledPeriod }
  | { readonly ok: false; readonly reason: "unknown_obligation" | "bad_period" };

/**
 * The obligation (by code or name words, see bot/report-args.ts) and its period (a key, or
 * "11/2026" as people type it) that a manual round is for: the same resolution as /chuanop's.
 */
export function manualTarget(
  ctx: Pick<PlanContext, "plan" | "calendar" | "wd">,
  code: string,
  periodKey: string,
): ManualTarget {
  const target = resolveReportPeriod(ctx, code, periodKey, ["report", "quota"], ctx.wd);
  if (target.ok) return target;
  return { ok: false, reason: target.reason === "bad_period" ? "bad_period" : "unknown_obligation" };
}

export function planManual(
  ctx: PlanContext,
  target: Extract<ManualTarget, { ok: true }>,
  options: { readonly ignoreWindow: boolean },
): PlanResult & { readonly units: number } {
  const step: StepDef = { id: `manual-${ctx.today}`, kind: "manual", nominal: ctx.now };
  const key: StepKey = {
    scope: target.obligation.code,
    periodKey: target.scheduled.period.key,
    step: step.id,
  };
  const sink: Sink = { messages: [], unreachable: [] };
  unitReminders(ctx, sink, target.obligation, target.scheduled, step, key, {
    ignoreWindow: options.ignoreWindow,
    force: true,
  });
  const units = new Set([...sink.messages.map((m) => m.unitId), ...sink.unreachable.map((u) => u.unitId)])
    .size;
  return { steps: [key], messages: sink.messages, unreachable: sink.unreachable, units };
}
