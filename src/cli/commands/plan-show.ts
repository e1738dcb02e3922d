import { describeWeekdays, localized, PlanInvalidError, resolveActivePlan } from "../../plan/index";
import type { Command } from "../command";
import { obligationLines, planInvalidError } from "./plan-output";

export const planShowCommand: Command = {
  path: ["plan", "show"],
  summaryKey: "plan:cli.show.summary",
  usage: "baocao plan show [--json]",
  async run(ctx) {
    const { db } = await ctx.database();
    let active: Awaited<ReturnType<typeof resolveActivePlan>>;
    try {
      active = await resolveActivePlan(db, ctx.config);
    } catch (e) {
      if (e instanceof PlanInvalidError) throw planInvalidError(e, "plan:cli.show.invalid");
      throw e;
    }
    const { plan, version, from } = active;
    if (ctx.json) {
      ctx.out(JSON.stringify({ from, version, plan }));
      return 0;
    }
    const t = ctx.t;
    const w = plan.sending_window;
    ctx.out(t("plan:cli.show.title", { title: localized(plan.title, ctx.lang), id: plan.id }));
    ctx.out(
      t("plan:cli.show.meta", {
        from: t(
          from === "stored"
            ? "plan:cli.show.from.stored"
            : from === "config"
              ? "plan:cli.show.from.config"
              : "plan:cli.show.from.default",
        ),
        version: version.slice(0, 12),
        calendar: plan.calendar,
        calendarKind: t(
          plan.calendar_kind === "school"
            ? "plan:cli.show.calendarKind.school"
            : "plan:cli.show.calendarKind.office",
        ),
        weekdays: describeWeekdays(w.weekdays, t),
        start: w.start,
        end: w.end,
        max: plan.max_reminders_per_person_per_day,
      }),
    );
    ctx.out("");
    ctx.out(t("plan:cli.show.count", { count: plan.obligations.length }));
    for (const o of plan.obligations) {
      ctx.out("");
      for (const line of obligationLines(ctx, o)) ctx.out(line);
    }
    return 0;
  },
};
