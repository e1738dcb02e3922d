/**
 * `baocao submissions return REF --note "…"`, `baocao submissions accept REF`,
 * `baocao periods lock OBLIGATION PERIOD`: the office's decisions from the command line. Messages
 * to the unit are queued in the outbox and leave with the running server's dispatcher.
 */
import {
  acceptSubmission,
  lockPeriodFor,
  type OfficeEnv,
  returnSubmission,
} from "../../conversation/runner/index";
import { periodForKey } from "../../domain/period-keys";
import { type CliContext, CliError, type Command, stringFlag } from "../command";
import { planForNames } from "./submissions-shared";

const RETURN_USAGE = 'baocao submissions return REF --note "…" [--json]';

async function env(ctx: CliContext): Promise<OfficeEnv> {
  return { now: ctx.now(), lang: ctx.lang, plan: await planForNames(ctx), by: null, source: "cli" };
}

function failure(
  ctx: CliContext,
  reference: string,
  r: { reason: "not_found" } | { reason: "wrong_state"; state: string },
): never {
  if (r.reason === "not_found") throw new CliError("report:cli.error.notFound", { reference });
  throw new CliError("report:cli.error.wrongState", { reference, state: ctx.t(`report:state.${r.state}`) });
}

export const submissionsReturnCommand: Command = {
  path: ["submissions", "return"],
  summaryKey: "report:cli.summaryReturn",
  usage: RETURN_USAGE,
  flags: { note: { type: "string" } },
  positionals: { min: 1, max: 1, names: ["REF"] },
  async run(ctx, args) {
    const reference = (args.positionals[0] as string).toUpperCase();
    const note = stringFlag(args, "note")?.trim() ?? "";
    if (note === "") throw new CliError("report:cli.error.noteRequired", { usage: RETURN_USAGE }, 2);
    const { db } = await ctx.database();
    const office = await env(ctx);
    const r = await db.transaction().execute((trx) => returnSubmission(trx, reference, note, office));
    if (!r.ok) failure(ctx, reference, r);
    if (ctx.json) ctx.out(JSON.stringify({ reference, reviewState: "returned", notified: r.notified }));
    else ctx.out(ctx.t("report:cli.returned", { reference, notified: r.notified }));
    return 0;
  },
};

export const submissionsAcceptCommand: Command = {
  path: ["submissions", "accept"],
  summaryKey: "report:cli.summaryAccept",
  usage: "baocao submissions accept REF [--json]",
  positionals: { min: 1, max: 1, names: ["REF"] },
  async run(ctx, args) {
    const reference = (args.positionals[0] as string).toUpperCase();
    const { db } = await ctx.database();
    const office = await env(ctx);
    const r = await db.transaction().execute((trx) => acceptSubmission(trx, reference, office));
    if (!r.ok) failure(ctx, reference, r);
    if (ctx.json) ctx.out(JSON.stringify({ reference, reviewState: "accepted", notified: r.notified }));
    else ctx.out(ctx.t("report:cli.accepted", { reference }));
    return 0;
  },
};

export const periodsLockCommand: Command = {
  path: ["periods", "lock"],
  summaryKey: "report:cli.summaryLock",
  usage: "baocao periods lock OBLIGATION PERIOD [--json]",
  positionals: { min: 2, max: 2, names: ["OBLIGATION", "PERIOD"] },
  async run(ctx, args) {
    const code = (args.positionals[0] as string).toUpperCase();
    const period = (args.positionals[1] as string).toUpperCase();
    const office = await env(ctx);
    const obligation = office.plan?.plan.obligations.find((o) => o.code === code);
    if (!office.plan || !obligation) throw new CliError("report:cli.error.unknownObligation", { code });
    if (!periodForKey(obligation.period, office.plan.calendar, period).ok) {
      throw new CliError("report:cli.error.badPeriod", { code, period }, 2);
    }
    const { db } = await ctx.database();
    const changed = await lockPeriodFor(db, code, period, office);
    if (ctx.json) ctx.out(JSON.stringify({ obligation: code, period, locked: true, changed }));
    else
      ctx.out(
        ctx.t(changed ? "report:cli.locked" : "report:cli.alreadyLocked", { obligation: code, period }),
      );
    return 0;
  },
};
