/**
 * `/nhacnho <report> <period> [--now]` and the digest's "remind them all again" button, for Văn
 * phòng staff. Wraps the bot handler: these events are answered here, everything else goes to the
 * bot unchanged. Still deduped (one manual round per day and period), still inside the sending
 * window unless --now is confirmed with a tap, still under the daily cap.
 *
 * Payloads: "remind:<code>:<period>" (digest button: remind now, inside the window),
 * "remindnow:<code>:<period>" (confirmed --now), "remindno" (not sent).
 */
import { resolveChat } from "../bot/identity";
import type { InboundEvent, OutboundMessage } from "../channels/types";
import type { Db } from "../db/index";
import { foldText } from "../domain/contact";
import { type Lang, translator } from "../i18n/index";
import type { InboundReceipt } from "../inbound/index";
import type { Logger } from "../log";
import { enqueueMessage } from "../outbox/index";
import type { ReminderService } from "./service";

export interface ReminderCommandDeps {
  readonly db: Db;
  readonly log: Logger;
  readonly lang: Lang;
  readonly reminders: Pick<ReminderService, "remindMissing" | "insideWindow">;
  readonly kick: () => void;
  readonly now?: (() => Date) | undefined;
}

/** The receipt is the inbound pipeline's: passed on so the bot marks the event in its transaction. */
type Handler = (event: InboundEvent, receipt?: InboundReceipt) => Promise<void>;

const COMMAND = /^\/(\S+?)(?:@\S+)?(?:\s+([\s\S]*))?$/u;
const PAYLOAD = /^(remind|remindnow):([^:]+):(.+)$/;

interface Request {
  readonly code: string | null;
  readonly period: string | null;
  readonly now: boolean;
  readonly confirmed: boolean;
  readonly cancelled: boolean;
}

function parse(event: InboundEvent): Request | null {
  if (event.kind === "action") {
    if (event.payload === "remindno")
      return { code: null, period: null, now: false, confirmed: false, cancelled: true };
    const m = PAYLOAD.exec(event.payload);
    if (!m) return null;
    const now = m[1] === "remindnow";
    return { code: m[2] ?? null, period: m[3] ?? null, now, confirmed: now, cancelled: false };
  }
  if (event.kind !== "text") return null;
  const m = COMMAND.exec(event.text.trim());
  if (!m || foldText(m[1] ?? "").replace(/[\s_-]/g, "") !== "nhacnho") return null;
  const words = (m[2] ?? "").split(/\s+/).filter((w) => w !== "");
  const now = words.includes("--now");
  const [code = null, period = null] = words.filter((w) => w !== "--now");
  return { code, period, now, confirmed: false, cancelled: false };
}

export function withReminderCommands(handler: Handler, deps: ReminderCommandDeps): Handler {
  const t = translator(deps.lang);
  const clock = deps.now ?? (() => new Date());
  return async (event, receipt) => {
    const request = parse(event);
    if (!request) return handler(event, receipt);
    const resolved = await resolveChat(deps.db, event.chat, clock());
    // Unknown chats and people without the right get the bot's usual answer.
    if (!resolved) return handler(event, receipt);
    const personId = resolved.actor.person.id;
    const reply = async (message: Omit<OutboundMessage, "lang">) => {
      await enqueueMessage(deps.db, {
        chat: event.chat,
        message: { lang: deps.lang, ...message },
        kind: "reply",
        now: clock(),
        personId,
      });
      deps.kick();
    };
    if (!resolved.actor.seesAll) return reply({ parts: [{ key: "reminders:chat.notAllowed" }] });
    if (request.cancelled) return reply({ parts: [{ key: "reminders:chat.cancelled" }] });
    if (!request.code || !request.period) return reply({ parts: [{ key: "reminders:chat.usage" }] });
    const at = clock();
    const title = t(`reminders:address.${resolved.actor.person.addressAs ?? "neutral"}`);
    // --now outside the window: ask first, queue nothing until the tap confirms it.
    if (request.now && !request.confirmed && !(await deps.reminders.insideWindow(at))) {
      const params = { title, report: request.code, period: request.period };
      return reply({
        parts: [{ key: "reminders:chat.confirmNow", params }],
        buttons: [
          {
            label: { key: "reminders:button.confirmNow" },
            payload: `remindnow:${request.code}:${request.period}`,
          },
          { label: { key: "reminders:button.cancel" }, payload: "remindno" },
        ],
      });
    }
    const result = await deps.reminders.remindMissing(request.code, request.period, {
      ignoreWindow: request.confirmed,
      at,
    });
    deps.log.info("reminders.manual", {
      personId,
      code: request.code,
      period: request.period,
      ...result,
      target: undefined,
    });
    if (!result.target.ok) {
      if (result.target.reason === "unknown_obligation")
        return reply({
          parts: [{ key: "reminders:chat.unknownReport", params: { code: request.code } }],
        });
      return reply({
        parts: [{ key: "reminders:chat.badPeriod", params: { period: request.period, example: "2026-11" } }],
      });
    }
    const o = result.target.obligation;
    const report = deps.lang === "en" ? (o.name.en ?? o.name.vi) : o.name.vi;
    const period = result.target.scheduled.period.key;
    if (result.units === 0)
      return reply({ parts: [{ key: "reminders:chat.nothing", params: { report, period } }] });
    const parts = [
      {
        key: "reminders:chat.queued",
        params: {
          report,
          period,
          units: result.units,
          now: result.queued - result.deferred,
          later: result.deferred,
          skipped: result.skipped,
        },
      },
      ...(result.unreachable > 0
        ? [{ key: "reminders:chat.unreachable", params: { count: result.unreachable } }]
        : []),
    ];
    return reply({ parts });
  };
}
