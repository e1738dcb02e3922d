/**
 * `baocao submissions list [--period P] [--obligation CODE] [--status S] [--json]` and
 * `baocao submissions show REF [--json]`: what units sent, its versions and the office's reviews.
 */

import { reportName } from "../../conversation/runner/index";
import { instantText } from "../../conversation/runner/labels";
import { getUnitById } from "../../db/index";
import { listReviews } from "../../db/reviews";
import { findSubmissionByRef, listRevisions, REVIEW_STATES, type ReviewState } from "../../db/submissions";
import { listSubmissions } from "../../db/submissions-query";
import { CliError, type Command, stringFlag } from "../command";
import { planForNames } from "./submissions-shared";

const LIST_USAGE = "baocao submissions list [--period P] [--obligation CODE] [--status S] [--json]";
const SHOW_USAGE = "baocao submissions show REF [--json]";

function isReviewState(s: string): s is ReviewState {
  return (REVIEW_STATES as readonly string[]).includes(s);
}

export const submissionsListCommand: Command = {
  path: ["submissions", "list"],
  summaryKey: "report:cli.summaryList",
  usage: LIST_USAGE,
  flags: { period: { type: "string" }, obligation: { type: "string" }, status: { type: "string" } },
  async run(ctx, args) {
    const status = stringFlag(args, "status");
    if (status !== undefined && !isReviewState(status))
      throw new CliError("report:cli.error.badStatus", { status }, 2);
    const { db } = await ctx.database();
    const rows = await listSubmissions(db, {
      periodKey: stringFlag(args, "period"),
      obligationCode: stringFlag(args, "obligation")?.toUpperCase(),
      reviewState: status,
    });
    if (ctx.json) {
      ctx.out(
        JSON.stringify({
          submissions: rows.map((r) => ({
            ...r,
            submittedAt: r.submittedAt.toISOString(),
            updatedAt: r.updatedAt.toISOString(),
            dueAt: r.dueAt.toISOString(),
          })),
        }),
      );
      return 0;
    }
    if (rows.length === 0) {
      ctx.out(ctx.t("report:cli.listNone"));
      return 0;
    }
    ctx.out(ctx.t("report:cli.listHeader", { count: rows.length }));
    for (const r of rows) {
      ctx.out(
        ctx.t("report:cli.listLine", {
          reference: r.reference,
          unit: r.unitCode,
          obligation: r.obligationCode,
          period: r.periodKey,
          state: ctx.t(`report:state.${r.reviewState}`),
          late: r.late ? ctx.t("report:cli.lateMark") : "",
          nil: r.nil ? ctx.t("report:cli.nilMark") : "",
          time: instantText(r.submittedAt),
        }),
      );
    }
    return 0;
  },
};

export const submissionsShowCommand: Command = {
  path: ["submissions", "show"],
  summaryKey: "report:cli.summaryShow",
  usage: SHOW_USAGE,
  positionals: { min: 1, max: 1, names: ["REF"] },
  async run(ctx, args) {
    const reference = args.positionals[0] as string;
    const { db } = await ctx.database();
    const s = await findSubmissionByRef(db, reference);
    if (!s) throw new CliError("report:cli.error.notFound", { reference });
    const [revisions, reviews, unit, active] = await Promise.all([
      listRevisions(db, s.id),
      listReviews(db, s.id),
      getUnitById(db, s.unitId),
      planForNames(ctx),
    ]);
    const people = new Map(
      (await db.selectFrom("people").select(["id", "full_name"]).execute()).map((p) => [p.id, p.full_name]),
    );
    const who = (id: string | null) => (id === null ? ctx.t("report:cli.byCli") : (people.get(id) ?? id));
    if (ctx.json) {
      ctx.out(
        JSON.stringify({
          ...s,
          unitCode: unit?.code ?? null,
          submittedAt: s.submittedAt.toISOString(),
          updatedAt: s.updatedAt.toISOString(),
          dueAt: s.dueAt.toISOString(),
          revisions: revisions.map((r) => ({
            ...r,
            at: r.at.toISOString(),
            byName: r.byPerson ? who(r.byPerson) : null,
          })),
          reviews: reviews.map((r) => ({ ...r, at: r.at.toISOString() })),
        }),
      );
      return 0;
    }
    const name = reportName({ plan: active, lang: ctx.lang }, s.obligationCode, s.periodKey);
    ctx.out(
      ctx.t("report:cli.showTitle", {
        reference: s.reference,
        name,
        unit: unit ? `${unit.name} (${unit.code})` : s.unitId,
      }),
    );
    ctx.out(
      ctx.t("report:cli.showState", {
        state: ctx.t(`report:state.${s.reviewState}`),
        time: instantText(s.submittedAt),
        due: instantText(s.dueAt),
        timing: ctx.t(s.late ? "report:cli.late" : "report:cli.onTime"),
      }),
    );
    for (const r of revisions) {
      ctx.out(
        `  ${ctx.t("report:cli.revision", { revision: r.revision, time: instantText(r.at), by: who(r.byPerson) })}`,
      );
    }
    for (const r of reviews) {
      ctx.out(
        `  ${ctx.t("report:cli.review", {
          time: instantText(r.at),
          action: ctx.t(`report:cli.reviewAction.${r.action}`),
          note: r.note ? `: ${r.note}` : "",
        })}`,
      );
    }
    if (s.nil) ctx.out(ctx.t("report:cli.nilAnswers"));
    else {
      ctx.out(ctx.t("report:cli.answers"));
      for (const [id, value] of Object.entries(s.answers)) ctx.out(`  ${id}: ${JSON.stringify(value)}`);
    }
    return 0;
  },
};
