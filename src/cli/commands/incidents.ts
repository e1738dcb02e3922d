/** `baocao incidents list [--status open|closed] [--json]` and `baocao incidents close REF [--json]`. */
import { closeIncidentByRef } from "../../conversation/runner/index";
import { instantText } from "../../conversation/runner/labels";
import { listIncidents } from "../../db/incidents";
import { CliError, type Command, stringFlag } from "../command";
import { planForNames } from "./submissions-shared";

export const incidentsListCommand: Command = {
  path: ["incidents", "list"],
  summaryKey: "report:cli.summaryIncidents",
  usage: "baocao incidents list [--status open|closed] [--json]",
  flags: { status: { type: "string" } },
  async run(ctx, args) {
    const status = stringFlag(args, "status");
    if (status !== undefined && status !== "open" && status !== "closed") {
      throw new CliError("report:cli.error.badStatus", { status }, 2);
    }
    const { db } = await ctx.database();
    const incidents = await listIncidents(db, status ? { status } : {});
    const units = new Map(
      (await db.selectFrom("units").select(["id", "code"]).execute()).map((u) => [u.id, u.code]),
    );
    if (ctx.json) {
      ctx.out(
        JSON.stringify({
          incidents: incidents.map((i) => ({
            ...i,
            unitCode: units.get(i.unitId) ?? null,
            reportedAt: i.reportedAt.toISOString(),
            closedAt: i.closedAt?.toISOString() ?? null,
          })),
        }),
      );
      return 0;
    }
    if (incidents.length === 0) ctx.out(ctx.t("report:cli.incidentsNone"));
    for (const i of incidents) {
      ctx.out(
        ctx.t("report:cli.incidentLine", {
          reference: i.reference,
          unit: units.get(i.unitId) ?? i.unitId,
          severity: i.severity ?? "-",
          status: ctx.t(i.status === "open" ? "report:cli.incidentOpen" : "report:cli.incidentClosed"),
          time: instantText(i.reportedAt),
        }),
      );
    }
    return 0;
  },
};

export const incidentsCloseCommand: Command = {
  path: ["incidents", "close"],
  summaryKey: "report:cli.summaryClose",
  usage: "baocao incidents close REF [--json]",
  positionals: { min: 1, max: 1, names: ["REF"] },
  async run(ctx, args) {
    const reference = (args.positionals[0] as string).toUpperCase();
    const { db } = await ctx.database();
    const env = {
      now: ctx.now(),
      lang: ctx.lang,
      plan: await planForNames(ctx),
      by: null,
      source: "cli" as const,
    };
    const r = await db.transaction().execute((trx) => closeIncidentByRef(trx, reference, env));
    if (!r.ok) {
      throw new CliError(
        r.reason === "not_found" ? "report:cli.error.notFound" : "report:cli.error.alreadyClosed",
        { reference },
      );
    }
    if (ctx.json) ctx.out(JSON.stringify({ reference, status: "closed", notified: r.notified }));
    else ctx.out(ctx.t("report:cli.closed", { reference }));
    return 0;
  },
};
