/** `baocao outbox list [--status failed|dead|pending] [--json]`, `baocao outbox retry ID`. */
import { listOutbox, OUTBOX_STATUSES, type OutboxStatus, retryOutboxRow } from "../../outbox/admin";
import { CliError, type Command, stringFlag } from "../command";
import { whenText } from "./reminders-common";

export const outboxListCommand: Command = {
  path: ["outbox", "list"],
  summaryKey: "reminders:outbox.listSummary",
  usage: "baocao outbox list [--status failed|dead|pending] [--json]",
  flags: { status: { type: "string" } },
  async run(ctx, args) {
    const raw = stringFlag(args, "status");
    const status = OUTBOX_STATUSES.find((s) => s === raw);
    if (raw !== undefined && !status)
      throw new CliError("reminders:outbox.badStatus", { value: raw, allowed: OUTBOX_STATUSES.join("|") }, 2);
    const { db } = await ctx.database();
    const rows = await listOutbox(db, status ? { statuses: [status as OutboxStatus] } : {});
    if (ctx.json) {
      ctx.out(JSON.stringify({ rows }));
      return 0;
    }
    if (rows.length === 0) {
      ctx.out(ctx.t("reminders:outbox.listNone"));
      return 0;
    }
    ctx.out(ctx.t("reminders:outbox.listHeader", { count: rows.length }));
    for (const r of rows) {
      ctx.out(
        ctx.t("reminders:outbox.listLine", {
          id: r.id,
          status: r.status,
          kind: r.kind,
          channel: r.channel,
          person: r.personName ?? "—",
          attempts: r.attempts,
          when: whenText(r.sentAt ?? r.notBefore),
          error:
            r.status === "failed" && r.channelWaitSince
              ? ctx.t("reminders:outbox.channelWait", {
                  error: r.lastError ?? "",
                  since: whenText(r.channelWaitSince),
                })
              : (r.lastError ?? ""),
        }),
      );
    }
    return 0;
  },
};

export const outboxRetryCommand: Command = {
  path: ["outbox", "retry"],
  summaryKey: "reminders:outbox.retrySummary",
  usage: "baocao outbox retry ID",
  positionals: { min: 1, max: 1, names: ["ID"] },
  async run(ctx, args) {
    const raw = args.positionals[0] ?? "";
    if (!/^\d+$/.test(raw)) throw new CliError("reminders:outbox.badId", { value: raw }, 2);
    const id = Number(raw);
    const { db } = await ctx.database();
    const result = await retryOutboxRow(db, id, ctx.now());
    if (!result.ok) {
      if (result.reason === "not_found") throw new CliError("reminders:outbox.notFound", { id });
      if (result.reason === "already_sent")
        throw new CliError("reminders:outbox.alreadySent", {
          id,
          at: result.sentAt ? whenText(result.sentAt) : "",
        });
      throw new CliError("reminders:outbox.notRetryable", { id, status: result.status ?? "" });
    }
    if (ctx.json) ctx.out(JSON.stringify({ id, status: "pending" }));
    else ctx.out(ctx.t("reminders:outbox.retried", { id }));
    return 0;
  },
};
