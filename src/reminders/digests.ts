/**
 * The weekly digest (pure): on the first working day of each ISO week, every unit that others
 * report to (commune office, district office, cluster) hears how its units stand on the reports
 * due around now and the quotas running today. Sent to the unit's head (the cluster head for a
 * cluster); a snapshot, not rebuilt at sending time. The Sở's own view is the Văn phòng's digest
 * of missing units the day after each deadline (planner.ts).
 */
import type { Unit, UnitKind } from "../domain/org";
import { isUnitValidOn } from "../domain/org";
import type { Obligation } from "../domain/plan";
import type { ScheduledPeriod } from "../domain/schedule";
import { addDays } from "../domain/time";
import { addressee, instanceState, owingUnits, type PlanContext, periodRef, text } from "./context";
import { schedulesAround } from "./due-steps";
import { holders } from "./org";
import type { Sink } from "./planner";
import { placeMessage } from "./planner";
import type { MessageSpec, StepDef, StepKey } from "./types";

/** Units others report to, whose heads follow those units (as in src/bot/actor.ts). */
const SUPERVISING_KINDS: readonly UnitKind[] = ["commune_office", "district_office", "cluster"];

/** Vietnamese order; one collator (localeCompare with a locale builds one per call). */
const byName = new Intl.Collator("vi");

/** Reports due this far around today appear in the digest. */
const DIGEST_PAST_DAYS = 31;
const DIGEST_AHEAD_DAYS = 31;

interface Line {
  readonly unitId: string;
  readonly text: string;
}

/** Status lines of every unit for the instances around today, grouped by unit id. */
function statusLines(ctx: PlanContext): Map<string, string[]> {
  const byUnit = new Map<string, string[]>();
  const push = (l: Line) => {
    const list = byUnit.get(l.unitId);
    if (list) list.push(l.text);
    else byUnit.set(l.unitId, [l.text]);
  };
  const from = addDays(ctx.today, -DIGEST_PAST_DAYS);
  const to = addDays(ctx.today, DIGEST_AHEAD_DAYS);
  for (const o of ctx.plan.obligations) {
    if (o.kind === "event") continue;
    for (const s of schedulesAround(o, ctx.calendar, ctx.wd, ctx.now)) {
      const relevant =
        o.kind === "quota"
          ? s.period.start <= ctx.today && ctx.today <= s.period.end
          : s.dueDate >= from && s.dueDate <= to && s.opensOn <= ctx.today;
      if (relevant) for (const line of linesOf(ctx, o, s)) push(line);
    }
  }
  return byUnit;
}

function linesOf(ctx: PlanContext, o: Obligation, s: ScheduledPeriod): Line[] {
  const period = periodRef(s, ctx.t);
  const report = text(o.name, ctx.lang);
  const params = { report, period: period.label, deadline: period.deadline };
  // A line depends on the instance's state, not on the unit: translated once per state (or
  // count), not once per unit — 30,000 units share a handful of lines.
  const said = new Map<string | number, string>();
  const say = (key: string | number, build: () => string): string => {
    let line = said.get(key);
    if (line === undefined) {
      line = build();
      said.set(key, line);
    }
    return line;
  };
  return owingUnits(ctx, o, s).map((unit) => {
    const state = instanceState(ctx, o, s, unit.id);
    if (o.kind === "quota") {
      const line = say(state.count, () =>
        ctx.t("reminders:digest.quota", { ...params, count: state.count, target: o.quota?.target ?? 0 }),
      );
      return { unitId: unit.id, text: line };
    }
    const key =
      state.status === "exempt"
        ? "reminders:digest.exempt"
        : state.status === "submitted_on_time" || state.status === "submitted_late"
          ? "reminders:digest.submitted"
          : state.status === "overdue"
            ? "reminders:digest.overdue"
            : "reminders:digest.open";
    return { unitId: unit.id, text: say(key, () => ctx.t(key, params)) };
  });
}

/** Units below each supervising unit: those reporting to it, or whose parent it is. */
function childrenOf(ctx: PlanContext): Map<string, Unit[]> {
  const children = new Map<string, Unit[]>();
  for (const unit of ctx.org.units) {
    if (!isUnitValidOn(unit, ctx.today)) continue;
    for (const up of new Set([unit.reportsToId, unit.parentId])) {
      if (up === null || up === unit.id) continue;
      const list = children.get(up);
      if (list) list.push(unit);
      else children.set(up, [unit]);
    }
  }
  return children;
}

export function weeklyDigests(
  ctx: PlanContext,
  sink: Sink,
  step: StepDef,
  weekKey: string,
  key: StepKey,
): void {
  const lines = statusLines(ctx);
  const children = childrenOf(ctx);
  for (const unit of ctx.org.units) {
    if (!SUPERVISING_KINDS.includes(unit.kind) || !isUnitValidOn(unit, ctx.today)) continue;
    const body: string[] = [];
    for (const child of [...(children.get(unit.id) ?? [])].sort((a, b) => byName.compare(a.name, b.name))) {
      const own = lines.get(child.id);
      if (!own || own.length === 0) continue;
      body.push(ctx.t("reminders:digest.weeklyUnit", { unit: child.name }), ...own);
    }
    if (body.length === 0) continue;
    const roles = unit.kind === "cluster" ? (["cluster_head", "head"] as const) : (["head"] as const);
    for (const personId of holders(ctx.org, unit.id, roles)) {
      const dedupeKey = `digest:week:${unit.id}:${weekKey}:${personId}`;
      const spec: MessageSpec = {
        kind: "digest_weekly",
        lang: ctx.lang,
        step,
        addressee: addressee(ctx, personId),
        unitName: unit.name,
        week: weekKey,
        lines: body,
      };
      const common = { stepKey: key, unitId: unit.id, obligationCode: null, periodKey: weekKey };
      if (
        !placeMessage(ctx, sink, {
          ...common,
          dedupeKey,
          personId,
          spec,
          counted: false,
          outboxKind: "digest",
        })
      ) {
        sink.unreachable.push({ key: dedupeKey, personId, ...common, reason: "no_link" });
      }
    }
  }
}
