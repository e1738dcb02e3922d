/**
 * The Văn phòng's day-after digest, posted also into the one Zalo group the Sở designated
 * (ZALO_PERSONAL_DIGEST_GROUP_ID, through the personal-account channel). Once per obligation and
 * period, not once per office staff member; addressed to nobody, so no greeting by name and no
 * button (a tap in a group has no linked person behind it): the report, the deadline, how many
 * units are missing and their names. Not counted against anyone's daily cap; the sending window
 * and holidays apply as to every digest. Weekly digests stay with the heads they are meant for.
 *
 * Dedupe key: digest-group:missing:<obligation>:<period>:<group chat id>
 */
import type { Obligation } from "../domain/plan";
import type { ScheduledPeriod } from "../domain/schedule";
import { obligationRef, type PlanContext, periodRef } from "./context";
import { buildMessage } from "./messages";
import type { MessageSpec, PlannedMessage, StepDef, StepKey, UnitItem } from "./types";
import { dayOf, nextAllowedMoment } from "./window";

export function groupDigest(
  ctx: PlanContext,
  sink: { messages: PlannedMessage[] },
  input: {
    readonly o: Obligation;
    readonly s: ScheduledPeriod;
    readonly step: StepDef;
    readonly key: StepKey;
    readonly total: number;
    readonly items: readonly UnitItem[];
  },
): void {
  const chat = ctx.digestGroup;
  if (!chat || input.items.length === 0) return;
  const { o, s } = input;
  const spec: MessageSpec = {
    kind: "digest_group",
    lang: ctx.lang,
    step: input.step,
    obligation: obligationRef(o, ctx.lang),
    period: periodRef(s, ctx.t),
    total: input.total,
    items: input.items,
  };
  const message = buildMessage(spec);
  if (!message) return;
  const notBefore = nextAllowedMoment(ctx.rules, ctx.now);
  sink.messages.push({
    dedupeKey: `digest-group:missing:${o.code}:${s.period.key}:${chat.chatId}`,
    outboxKind: "digest",
    chat,
    personId: null,
    notBefore,
    deferred: notBefore.getTime() > ctx.now.getTime(),
    message,
    spec,
    unitId: null,
    obligationCode: o.code,
    periodKey: s.period.key,
    sendDay: dayOf(notBefore),
    counted: false,
    stepKey: input.key,
  });
}
