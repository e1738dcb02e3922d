/**
 * Rendering of `baocao obligations`: instances grouped by obligation, then by period and due day,
 * one line per unit. Sorted by due day so that the list reads as a calendar.
 */
import type { ObligationInstance } from "../../domain/instances";
import type { Unit } from "../../domain/org";
import { periodForKey } from "../../domain/period-keys";
import { periodLabel } from "../../domain/period-labels";
import type { HolidayCalendar, Obligation, Plan } from "../../domain/plan";
import { formatDateVi, isoWeekday, localTimeOf } from "../../domain/time";
import { localized } from "../../plan/index";
import type { CliContext } from "../command";

const WEEKDAY_KEYS = [
  "obligations:weekday.mon",
  "obligations:weekday.tue",
  "obligations:weekday.wed",
  "obligations:weekday.thu",
  "obligations:weekday.fri",
  "obligations:weekday.sat",
  "obligations:weekday.sun",
] as const;

export interface Lookup {
  readonly obligations: ReadonlyMap<string, Obligation>;
  readonly units: ReadonlyMap<string, Unit>;
  readonly calendar: HolidayCalendar;
}

export function lookupFor(plan: Plan, units: readonly Unit[], calendar: HolidayCalendar): Lookup {
  return {
    obligations: new Map(plan.obligations.map((o) => [o.code, o])),
    units: new Map(units.map((u) => [u.id, u])),
    calendar,
  };
}

/** "tháng 11/2026", or the bare key when the plan's rule does not know it. */
export function periodText(ctx: CliContext, lookup: Lookup, i: ObligationInstance): string {
  const obligation = lookup.obligations.get(i.obligationCode);
  const period = obligation ? periodForKey(obligation.period, lookup.calendar, i.periodKey) : undefined;
  if (!period?.ok) return i.periodKey;
  const label = periodLabel(period.value);
  return ctx.t(label.key, label.params);
}

/** "24/11/2026 (Thứ Ba)", with the time when the deadline is not the end of the day. */
export function dueText(ctx: CliContext, i: ObligationInstance): string {
  const weekday = ctx.t(WEEKDAY_KEYS[isoWeekday(i.dueDate) - 1] ?? WEEKDAY_KEYS[0]);
  const time = localTimeOf(new Date(i.dueAt));
  const date = ctx.t("obligations:cli.due", { date: formatDateVi(i.dueDate), weekday });
  return time === "23:59" ? date : ctx.t("obligations:cli.dueAt", { due: date, time });
}

function unitName(u: Unit | undefined): string {
  return u ? (u.shortName ?? u.name) : "";
}

export function submitToText(ctx: CliContext, lookup: Lookup, i: ObligationInstance): string {
  const to = i.submitToUnitId === null ? undefined : lookup.units.get(i.submitToUnitId);
  return to ? `${unitName(to)} (${to.code})` : ctx.t("obligations:cli.nobody");
}

export function printInstances(
  ctx: CliContext,
  lookup: Lookup,
  instances: readonly ObligationInstance[],
): void {
  const groupOf = (i: ObligationInstance) => `${i.obligationCode}|${i.periodKey}|${i.dueAt}`;
  const counts = new Map<string, number>();
  for (const i of instances) counts.set(groupOf(i), (counts.get(groupOf(i)) ?? 0) + 1);
  let obligationCode: string | undefined;
  let group: string | undefined;
  for (const i of instances) {
    const obligation = lookup.obligations.get(i.obligationCode);
    if (i.obligationCode !== obligationCode) {
      obligationCode = i.obligationCode;
      group = undefined;
      ctx.out("");
      const name = obligation ? localized(obligation.name, ctx.lang) : i.obligationCode;
      ctx.out(ctx.t("obligations:cli.obligation", { name, code: i.obligationCode }));
    }
    const groupKey = groupOf(i);
    if (groupKey !== group) {
      group = groupKey;
      const count = counts.get(groupKey) ?? 0;
      const quota =
        i.target !== null && obligation?.quota
          ? ctx.t("obligations:cli.target", {
              target: i.target,
              counts: localized(obligation.quota.counts, ctx.lang),
            })
          : "";
      ctx.out(
        ctx.t("obligations:cli.group", {
          period: periodText(ctx, lookup, i),
          due: dueText(ctx, i),
          count,
          quota,
        }),
      );
    }
    const unit = lookup.units.get(i.unitId);
    ctx.out(
      ctx.t("obligations:cli.unitLine", {
        code: unit?.code ?? i.unitId,
        name: unitName(unit),
        submitTo: submitToText(ctx, lookup, i),
      }),
    );
  }
}
