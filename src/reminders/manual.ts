/**
 * "Remind them all again now" (/nhacnho, the digest's button): every unit still missing an
 * obligation's period gets a reminder now — still deduped (one manual round per day and period),
 * still inside the sending window unless the office confirmed --now, still under the daily cap.
 */
import { dueDate, dueInstant, opensOn } from "../domain/due";
import { periodForKey } from "../domain/period-keys";
import type { Obligation } from "../domain/plan";
import type { ScheduledPeriod } from "../domain/schedule";
import type { PlanContext } from "./context";
import { type Sink, unitReminders } from "./planner";
import type { PlanResult, StepDef, StepKey } from "./types";

export type ManualTarget =
  | { readonly ok: true; readonly obligation: Obligation; readonly scheduled: ScheduledPeriod }
  | { readonly ok: false; readonly reason: "unknown_obligation" | "bad_period" };

export function manualTarget(
  ctx: Pick<PlanContext, "plan" | "calendar" | "wd">,
  code: string,
  periodKey: string,
): ManualTarget {
  const obligation = ctx.plan.obligations.find((o) => o.code.toUpperCase() === code.trim().toUpperCase());
  if (!obligation || obligation.kind === "event") return { ok: false, reason: "unknown_obligation" };
  const period = periodForKey(obligation.period, ctx.calendar, periodKey);
  if (!period.ok) return { ok: false, reason: "bad_period" };
  const due = dueDate(obligation.due, period.value, ctx.calendar, ctx.wd);
  if (!due.ok) return { ok: false, reason: "bad_period" };
  return {
    ok: true,
    obligation,
    scheduled: {
      period: period.value,
      opensOn: opensOn(period.value, due.date),
      dueDate: due.date,
      dueAt: dueInstant(due.date, obligation.due.time).toISOString(),
    },
  };
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
