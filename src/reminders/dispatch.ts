/**
 * The reminder side of the dispatcher (hooks, see src/outbox/dispatcher.ts):
 * - beforeSend: a reminder row is re-checked when it is about to leave — cancelled when the unit
 *   has submitted, or when its person is no longer a member of its unit on the sending day (left
 *   while the row waited, e.g. deferred overnight); deferred (not dropped) when the moment is
 *   outside the sending window; its list rebuilt without units that are done. Rows without
 *   reminder metadata (replies, alerts) pass.
 * - onDead: a permanent failure moves the same message to the person's next linked channel, then
 *   to the unit's other members; whoever nobody can reach is recorded for the office. A digest
 *   that could not be posted into the Sở's Zalo group is recorded too, and the admins are told.
 */
import type { ChannelId, TextPart } from "../channels/types";
import { markLinkUnreachable } from "../db/channel-links";
import { type Db, listMemberships } from "../db/index";
import {
  deadWithoutFallback,
  getReminderMeta,
  markFallbackDone,
  personReminderCounts,
  recordUndelivered,
  type StoredReminderMeta,
  setSendDay,
} from "../db/reminders";
import { isMembershipValidOn, type LocalDate } from "../domain/org";
import { localDateOf } from "../domain/time";
import type { Logger } from "../log";
import { cancelRow, deferRow } from "../outbox/hold";
import type { BeforeSendDecision, OutboxRow } from "../outbox/index";
import { sendingRules } from "./context";
import { queueFallback } from "./fallback";
import { buildMessage } from "./messages";
import type { PlanSource } from "./plan-source";
import { withDays } from "./planner";
import { refreshSpec } from "./refresh";
import type { SubmissionSource } from "./sources";
import { specFromJson } from "./spec";
import type { MessageSpec } from "./types";
import { countKey, isAllowedAt, nextAllowedMoment, placeReminder } from "./window";

export interface DispatchHookDeps {
  readonly db: Db;
  readonly log: Logger;
  readonly submissions: SubmissionSource;
  readonly planSource: PlanSource;
  readonly channels: readonly ChannelId[];
  readonly now: () => Date;
  readonly lang: "vi" | "en";
  /**
   * Queues an alert to the instance's admins (src/bot/admin-alert.ts, wired by the composition
   * root); called after the commit that recorded the failure.
   */
  readonly alertAdmins?: ((parts: readonly TextPart[]) => Promise<void>) | undefined;
}

/** Permanent failures that mean the chat itself is gone (not a closed Zalo window). */
const GONE = new Set(["blocked", "chat_not_found"]);
const FALLBACK_SWEEP_ROWS = 200;

/**
 * Why a row addressed to a member of its unit (reminders, their channel and member fallbacks, the
 * weekly digests) may no longer go out on `day`: the membership ended or was removed
 * (`member_left_unit`), or it does not start until later (`member_not_started`). Rows with no unit
 * or no person (escalations, office digests, the group post) are not checked here.
 */
async function membershipGone(
  db: Db,
  meta: StoredReminderMeta,
  day: LocalDate,
): Promise<"member_left_unit" | "member_not_started" | undefined> {
  if (!meta.personId || !meta.unitId) return undefined;
  const [m] = await listMemberships(db, { personId: meta.personId, unitId: meta.unitId });
  if (m && isMembershipValidOn(m, day)) return undefined;
  return m?.validFrom && day < m.validFrom ? "member_not_started" : "member_left_unit";
}

export function createDispatchHooks(deps: DispatchHookDeps) {
  const { db, log } = deps;

  const beforeSend = async (row: OutboxRow): Promise<BeforeSendDecision> => {
    try {
      const meta = await getReminderMeta(db, row.id);
      if (!meta) return { action: "send" };
      const spec = specFromJson(meta.spec, meta.sharedSpec);
      if (!spec) return { action: "send" };
      const cancel = async (reason: string): Promise<BeforeSendDecision> => {
        await cancelRow(db, row.id, `cancelled:${reason}`);
        log.info("reminders.cancelled", { id: row.id, reason });
        return { action: "handled" };
      };
      const refreshed = await refreshSpec(db, deps.submissions, spec, deps.now());
      if (!refreshed.ok) return cancel(refreshed.reason);
      const now = deps.now();
      const gone = await membershipGone(db, meta, localDateOf(now));
      if (gone) return cancel(gone);
      const { plan, calendar } = await deps.planSource();
      const rules = sendingRules(plan, calendar);
      if (!spec.ignoreWindow && !isAllowedAt(rules, now)) {
        let until = nextAllowedMoment(rules, now);
        if (meta.counted && meta.personId) {
          const counts = await personReminderCounts(db, meta.personId, localDateOf(now));
          // This row is counted on its old day; it moves, so it does not count there any more.
          const own = countKey(meta.personId, meta.sendDay);
          counts.set(own, Math.max(0, (counts.get(own) ?? 1) - 1));
          until = placeReminder(rules, counts, meta.personId, plan.max_reminders_per_person_per_day, now);
        }
        await db.transaction().execute(async (trx) => {
          await deferRow(trx, row.id, until, "deferred:outside_sending_window");
          await setSendDay(trx, row.id, localDateOf(until));
        });
        log.info("reminders.deferred", { id: row.id, until: until.toISOString() });
        return { action: "handled" };
      }
      const message = buildMessage(withDays(rules.days, refreshed.spec, localDateOf(now)));
      if (!message) {
        await cancelRow(db, row.id, "cancelled:all_done");
        return { action: "handled" };
      }
      return { action: "send", message };
    } catch (err) {
      // Failing to re-check must not lose the reminder: send what was planned.
      log.error("reminders.before_send_failed", { id: row.id, error: String(err).slice(0, 300) });
      return { action: "send" };
    }
  };

  /** Runs the fallback of one dead row once (the marker is set in the same transaction). */
  const fallbackFor = async (outboxId: number, reason: string, gone: boolean) => {
    const now = deps.now();
    // Read before the transaction: the product's plan source reads the database, and on SQLite
    // (one connection) a read outside the transaction would wait for it forever.
    const { plan, calendar } = await deps.planSource();
    const alert = await db.transaction().execute(async (trx): Promise<TextPart[] | null> => {
      const meta = await getReminderMeta(trx, outboxId);
      if (!meta || !(await markFallbackDone(trx, outboxId, now))) return null;
      const row = await trx
        .selectFrom("outbox")
        .select(["channel", "chat_id", "message", "last_error"])
        .where("id", "=", outboxId)
        .executeTakeFirst();
      if (!row) return null;
      const spec = specFromJson(meta.spec, meta.sharedSpec);
      if (spec?.kind === "digest_group") return groupPostFailed(trx, meta, spec, row, outboxId, now);
      if (gone) await markLinkUnreachable(trx, row.channel as ChannelId, row.chat_id, now);
      if (!spec) return null;
      const outcome = await queueFallback(trx, {
        meta,
        spec,
        failedChannel: row.channel as ChannelId,
        message: row.message,
        reason,
        now,
        channels: deps.channels,
        rules: sendingRules(plan, calendar),
        cap: plan.max_reminders_per_person_per_day,
        lang: deps.lang,
      });
      log.info("reminders.fallback", { id: outboxId, outcome });
      return null;
    });
    if (alert) {
      // After the commit: alertAdmins writes in its own transaction. A crash in between loses
      // the alert, not the record (outbox list, reminders unreachable).
      await deps.alertAdmins?.(alert);
    }
  };

  /** The Sở's group did not get its digest: a line for the office, and the admins' alert. */
  const groupPostFailed = async (
    trx: Db,
    meta: StoredReminderMeta,
    spec: Extract<MessageSpec, { kind: "digest_group" }>,
    row: { chat_id: string; last_error: string | null },
    outboxId: number,
    now: Date,
  ): Promise<TextPart[]> => {
    const detail = row.last_error ?? "unknown";
    await recordUndelivered(
      trx,
      [
        {
          key: meta.baseKey,
          personId: null,
          unitId: null,
          obligationCode: meta.obligationCode,
          periodKey: meta.periodKey,
          reason: "group_post_failed",
          detail,
        },
      ],
      now,
    );
    log.warn("reminders.group_post_failed", { id: outboxId, reason: detail.slice(0, 200) });
    return [
      {
        key: "reminders:groupDigest.failedAlert",
        params: {
          report: spec.obligation.name,
          period: spec.period.label,
          group: row.chat_id.replace(/^group:/, ""),
          reason: detail,
          id: outboxId,
        },
      },
    ];
  };

  const onDead = async (row: OutboxRow, result: { status: string; reason?: string }) => {
    const reason = result.reason ?? "unknown";
    try {
      await fallbackFor(row.id, reason, GONE.has(reason));
    } catch (err) {
      // The sweeper retries: the dead row keeps fallback_at empty.
      log.error("reminders.fallback_failed", { id: row.id, error: String(err).slice(0, 300) });
    }
  };

  /** Dead rows whose fallback never ran (the process died right after marking them dead). */
  const sweepFallbacks = async (): Promise<number> => {
    const ids = await deadWithoutFallback(db, FALLBACK_SWEEP_ROWS);
    for (const id of ids) {
      const row = await db.selectFrom("outbox").select("last_error").where("id", "=", id).executeTakeFirst();
      const reason = /^permanent:([a-z_]+)/.exec(row?.last_error ?? "")?.[1] ?? "unknown";
      await fallbackFor(id, reason, GONE.has(reason));
    }
    return ids.length;
  };

  return { beforeSend, onDead, sweepFallbacks };
}
