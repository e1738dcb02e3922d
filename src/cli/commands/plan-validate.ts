import path from "node:path";
import { loadPlanFile, localized } from "../../plan/index";
import type { Command } from "../command";
import { calendarIssues, printIssues } from "./plan-output";

export const planValidateCommand: Command = {
  path: ["plan", "validate"],
  summaryKey: "plan:cli.validate.summary",
  usage: "baocao plan validate FILE [--json]",
  positionals: { min: 1, max: 1, names: ["FILE"] },
  async run(ctx, args) {
    const file = path.resolve(args.positionals[0] ?? "");
    const result = await loadPlanFile(file, ctx.lang);
    const errors = result.ok ? await calendarIssues(ctx, result.plan) : result.errors;
    if (errors.length > 0) {
      if (ctx.json) ctx.out(JSON.stringify({ ok: false, file, errors }));
      else {
        ctx.err(ctx.t("plan:cli.validate.failed", { file: path.basename(file), count: errors.length }));
        printIssues(ctx, errors);
      }
      return 1;
    }
    if (!result.ok) return 1;
    const plan = result.plan;
    if (ctx.json) {
      ctx.out(
        JSON.stringify({ ok: true, file, id: plan.id, obligations: plan.obligations.map((o) => o.code) }),
      );
    } else {
      ctx.out(
        ctx.t("plan:cli.validate.ok", {
          file: path.basename(file),
          title: localized(plan.title, ctx.lang),
          id: plan.id,
          count: plan.obligations.length,
          calendar: plan.calendar,
        }),
      );
    }
    return 0;
  },
};
