import { migrationNames } from "../../db/index";
import type { Command } from "../command";

export const migrateCommand: Command = {
  path: ["migrate"],
  summaryKey: "cli:migrate.summary",
  usage: "baocao migrate [--json]",
  async run(ctx) {
    // database() applies pending migrations; report what the database holds now.
    const { location, dialect } = await ctx.database();
    const names = migrationNames();
    if (ctx.json) ctx.out(JSON.stringify({ database: location, dialect, migrations: names }));
    else ctx.out(ctx.t("cli:migrate.done", { count: names.length, location }));
    return 0;
  },
};
