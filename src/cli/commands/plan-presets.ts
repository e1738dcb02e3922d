import { localized, presets } from "../../plan/index";
import type { Command } from "../command";

/** "000_55dd8beeb9454b5f.txt, 001_…" → "000, 001": the table stays one line per preset. */
function seedNumbers(seed: string | undefined): string {
  return (seed ?? "")
    .split(/,\s*/)
    .map((s) => s.slice(0, 3))
    .join(", ");
}

export const planPresetsCommand: Command = {
  path: ["plan", "presets"],
  summaryKey: "plan:cli.presets.summary",
  usage: "baocao plan presets [--json]",
  async run(ctx) {
    if (ctx.json) {
      const list = presets.map((p) => ({
        id: p.id,
        title: localized(p.title, ctx.lang),
        seed: p.source.seed ?? null,
        issuer: p.source.issuer,
        obligations: p.obligations.length,
      }));
      ctx.out(JSON.stringify(list));
      return 0;
    }
    ctx.out(ctx.t("plan:cli.presets.header"));
    for (const p of presets) {
      ctx.out(
        `${p.id.padEnd(14)} ${localized(p.title, ctx.lang)} | ${seedNumbers(p.source.seed)} | ${p.obligations.length}`,
      );
    }
    return 0;
  },
};
