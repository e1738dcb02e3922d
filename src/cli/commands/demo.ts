import { DEMO_PROVINCE_NAME, loadDemo } from "../../org/index";
import type { Command } from "../command";

export const demoCommand: Command = {
  path: ["demo"],
  summaryKey: "org:cli.demo",
  usage: "baocao demo [--json]",
  async run(ctx) {
    const { db } = await ctx.database();
    const result = await loadDemo(db, ctx.now());
    if (ctx.json) ctx.out(JSON.stringify(result));
    else if (result.loaded) ctx.out(ctx.t("org:demo.loaded", { ...result, province: DEMO_PROVINCE_NAME }));
    else ctx.out(ctx.t("org:demo.notEmpty"));
    // Not an error: running it twice is how scripts make sure the demo is there.
    return 0;
  },
};
