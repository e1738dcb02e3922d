import fs from "node:fs";
import path from "node:path";
import type { Plan } from "../../domain/plan";
import { getPreset, loadPlanFile, localized, type PlanOrigin, usePlan } from "../../plan/index";
import { CliError, type Command } from "../command";
import { calendarIssues, printIssues } from "./plan-output";

export const planUseCommand: Command = {
  path: ["plan", "use"],
  summaryKey: "plan:cli.use.summary",
  usage: "baocao plan use PRESET|FILE [--json]",
  positionals: { min: 1, max: 1, names: ["PRESET|FILE"] },
  async run(ctx, args) {
    const ref = args.positionals[0] ?? "";
    let plan: Plan;
    let origin: PlanOrigin;
    const preset = getPreset(ref);
    if (preset) {
      plan = preset;
      origin = "preset";
    } else {
      const file = path.resolve(ref);
      if (!fs.existsSync(file)) throw new CliError("plan:cli.use.notFound", { ref });
      const loaded = await loadPlanFile(file, ctx.lang);
      const errors = loaded.ok ? await calendarIssues(ctx, loaded.plan) : loaded.errors;
      if (!loaded.ok || errors.length > 0) {
        printIssues(ctx, errors);
        throw new CliError("plan:cli.use.invalid", { file: path.basename(file), count: errors.length });
      }
      plan = loaded.plan;
      origin = "file";
    }
    const { db } = await ctx.database();
    const { rowId, version } = await usePlan(db, plan, origin, ctx.now());
    if (ctx.json) ctx.out(JSON.stringify({ ok: true, id: plan.id, origin, version, row: rowId }));
    else {
      ctx.out(
        ctx.t("plan:cli.use.done", {
          title: localized(plan.title, ctx.lang),
          id: plan.id,
          version: version.slice(0, 12),
          count: plan.obligations.length,
        }),
      );
    }
    return 0;
  },
};
