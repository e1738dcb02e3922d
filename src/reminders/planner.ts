/**
 * The planner (pure): (plan, org, what is submitted/exempt/counted, now) → the messages due.
 * It reads no clock and no database. Running it twice with the same input gives the same
 * dedupe keys, so the outbox's unique key makes a second run (or a second process) queue nothing.
 *
 * Dedupe keys:
 *   reminder:<unitId>:<obligation>:<period>:<step>:<personId>
 *   escalation:<obligation>:<period>:<step>:<personId>
 *   digest:missing:<obligation>:<period>:<personId>
 *   digest:week:<unitId>:<week>:<personId>
 *   digest-group:missing:<obligation>:<period>:<group chat id>   (group-digest.ts)
 */
import type { Obligation } from "../domain/plan";
import type { ScheduledPeriod } from "../domain/schedule";
import type { WorkingDays } from "../domain/workdays";
import {
  addressee,
  instanceState,
  obligationRef,
  owingUnits,
  type PlanContext,
  periodRef,
  workingDaysBetween,
} from "./context";
import { weeklyDigests } from "./digests";
import type { DueStep } from "./due-steps";
import { groupDigest } from "./group-digest";
import { buildMessage } from "./messages";
import { escalationRecipients, holders, officeStaff, otherMembers } from "./org";
import type {
  MessageSpec,
  PlannedMessage,
  PlanResult,
  StepDef,
  StepKey,
  UnitItem,
  Unreachable,
} from "./types";
import { dayOf, nextAllowedMoment, placeReminder } from "./window";

type Sink = { messages: PlannedMessage[]; unreachable: Unreachable[] };

const firstAllowedCache = new WeakMap<PlanContext, Date>();

/** The pass's first allowed moment (the same for every message of a wave). */
function firstAllowedOf(ctx: PlanContext): Date {
  let t = firstAllowedCache.get(ctx);
  if (!t) {
    t = nextAllowedMoment(ctx.rules, ctx.now);
    firstAllowedCache.set(ctx, t);
  }
  return t;
}

/** Queues one message to a person's best chat, placed in time; false when they have no chat. */
export function placeMessage(
  ctx: PlanContext,
  sink: Sink,
  input: {
    readonly dedupeKey: string;
    readonly personId: string;
    readonly spec: MessageSpec;
    readonly counted: boolean;
    readonly stepKey: StepKey;
    readonly unitId: string | null;
    readonly obligationCode: string | null;
    readonly periodKey: string | null;
    readonly outboxKind: "reminder" | "digest";
  },
): boolean {
  const chat = ctx.org.chats.get(input.personId)?.[0];
  if (!chat) return false;
  const ignoreWindow = input.spec.ignoreWindow === true;
  const firstAllowed = firstAllowedOf(ctx);
  const notBefore = input.counted
    ? placeReminder(ctx.rules, ctx.counts, input.personId, ctx.cap, ctx.now, { ignoreWindow, firstAllowed })
    : ignoreWindow
      ? ctx.now
      : firstAllowed;
  const sendDay = dayOf(notBefore);
  const spec = withDays(ctx.wd, input.spec, sendDay);
  const message = buildMessage(spec);
  if (!message) return true;
  sink.messages.push({
    dedupeKey: input.dedupeKey,
    outboxKind: input.outboxKind,
    chat: { channel: chat.channel, chatId: chat.chatId },
    personId: input.personId,
    notBefore,
    deferred: notBefore.getTime() > ctx.now.getTime(),
    message,
    spec,
    unitId: input.unitId,
    obligationCode: input.obligationCode,
    periodKey: input.periodKey,
    sendDay,
    counted: input.counted,
    stepKey: input.stepKey,
  });
  return true;
}

/** "Còn N ngày làm việc" / "quá hạn N ngày" counted from the day the message actually leaves. */
export function withDays(wd: WorkingDays, spec: MessageSpec, sendDay: string): MessageSpec {
  if (spec.kind !== "reminder" && spec.kind !== "escalation") return spec;
  const due = spec.period.deadline.split("/").reverse().join("-");
  const days = sendDay <= due ? workingDaysBetween(wd, sendDay, due) : workingDaysBetween(wd, due, sendDay);
  return { ...spec, days };
}

/** Does this step apply to an instance in this state? */
function stepApplies(step: StepDef, state: ReturnType<typeof instanceState>, o: Obligation): boolean {
  if (!state.missing) return false;
  if (o.kind === "quota") {
    if (step.kind === "quota_mid" && (o.quota?.target ?? 0) > 0 && o.period.cadence === "weekly")
      return state.count === 0;
    return true;
  }
  if (step.kind === "before" || step.kind === "due") return state.status === "open";
  return state.status === "overdue";
}

export function unitReminders(
  ctx: PlanContext,
  sink: Sink,
  o: Obligation,
  s: ScheduledPeriod,
  step: StepDef,
  key: StepKey,
  options: { readonly ignoreWindow?: boolean; readonly force?: boolean } = {},
): number {
  const before = sink.messages.length;
  const obligation = obligationRef(o, ctx.lang);
  const period = periodRef(s, ctx.t);
  for (const unit of owingUnits(ctx, o, s)) {
    const state = instanceState(ctx, o, s, unit.id);
    if (options.force ? !state.missing : !stepApplies(step, state, o)) continue;
    const base = `reminder:${unit.id}:${o.code}:${s.period.key}:${step.id}`;
    const item: UnitItem = { unitId: unit.id, unitName: unit.name, unitCode: unit.code, count: state.count };
    const send = (personId: string, onBehalfOf?: string) =>
      placeMessage(ctx, sink, {
        dedupeKey: `${base}:${personId}`,
        personId,
        spec: {
          kind: "reminder",
          lang: ctx.lang,
          step,
          addressee: addressee(ctx, personId),
          unit: item,
          obligation,
          period,
          days: 0,
          onBehalfOf,
          ignoreWindow: options.ignoreWindow,
        },
        counted: true,
        stepKey: key,
        unitId: unit.id,
        obligationCode: o.code,
        periodKey: s.period.key,
        outboxKind: "reminder",
      });
    const recipients = holders(ctx.org, unit.id, o.reminders.recipients);
    let reached = 0;
    for (const personId of recipients) {
      if (send(personId)) reached++;
      else sink.unreachable.push(unreachable(`${base}:${personId}`, personId, unit.id, o, s, "no_link"));
    }
    if (reached > 0) continue;
    // Nobody the plan names can be reached: the unit's other members carry the reminder.
    const absent = recipients.map((p) => ctx.org.people.get(p)?.fullName).filter((n) => n !== undefined);
    const others = otherMembers(ctx.org, unit.id, new Set(recipients));
    const carrier = others.find((p) => send(p, absent.join(", ") || undefined));
    if (!carrier) sink.unreachable.push(unreachable(base, null, unit.id, o, s, "no_recipient"));
  }
  return sink.messages.length - before;
}

function unreachable(
  key: string,
  personId: string | null,
  unitId: string,
  o: Obligation,
  s: ScheduledPeriod,
  reason: Unreachable["reason"],
): Unreachable {
  return { key, personId, unitId, obligationCode: o.code, periodKey: s.period.key, reason };
}

function escalations(
  ctx: PlanContext,
  sink: Sink,
  o: Obligation,
  s: ScheduledPeriod,
  step: StepDef,
  key: StepKey,
) {
  const to = step.to ?? "office";
  const byPerson = new Map<string, { items: UnitItem[]; office: boolean }>();
  for (const unit of owingUnits(ctx, o, s)) {
    const state = instanceState(ctx, o, s, unit.id);
    if (!state.missing || (o.kind === "report" && state.status !== "overdue")) continue;
    const target = escalationRecipients(ctx.org, unit, to, ctx.today);
    for (const personId of target.personIds) {
      const entry = byPerson.get(personId) ?? { items: [], office: target.unit?.kind === "office" };
      entry.items.push({ unitId: unit.id, unitName: unit.name, count: state.count });
      byPerson.set(personId, entry);
    }
  }
  const obligation = obligationRef(o, ctx.lang);
  const period = periodRef(s, ctx.t);
  for (const [personId, { items, office }] of byPerson) {
    const dedupeKey = `escalation:${o.code}:${s.period.key}:${step.id}:${personId}`;
    const spec: MessageSpec = {
      kind: "escalation",
      lang: ctx.lang,
      step,
      addressee: addressee(ctx, personId),
      obligation,
      period,
      days: step.workingDays ?? 0,
      items,
      remindButton: office,
    };
    const common = { stepKey: key, unitId: null, obligationCode: o.code, periodKey: s.period.key };
    if (
      !placeMessage(ctx, sink, {
        ...common,
        dedupeKey,
        personId,
        spec,
        counted: true,
        outboxKind: "reminder",
      })
    ) {
      sink.unreachable.push({ key: dedupeKey, personId, ...common, reason: "no_link" });
    }
  }
}

/** Units of the Sở itself, left out of the digest posted in the province's Zalo group. */
const SO_INTERNAL_KINDS: ReadonlySet<string> = new Set(["so", "office", "division"]);

function missingDigest(
  ctx: PlanContext,
  sink: Sink,
  o: Obligation,
  s: ScheduledPeriod,
  step: StepDef,
  key: StepKey,
) {
  const owing = owingUnits(ctx, o, s);
  const items: UnitItem[] = [];
  for (const unit of owing) {
    if (!instanceState(ctx, o, s, unit.id).missing) continue;
    const lineId = unit.reportsToId ?? unit.parentId;
    const line = lineId === null ? undefined : ctx.org.index.byId.get(lineId);
    items.push({
      unitId: unit.id,
      unitName: unit.name,
      line: line && line.kind !== "so" ? line.name : undefined,
    });
  }
  if (items.length === 0) return;
  // The Zalo group is the province's schools and offices: the Sở's own office and divisions are
  // chased inside the Sở, not named there.
  const outside = owing.filter((u) => !SO_INTERNAL_KINDS.has(u.kind));
  const outsideIds = new Set(outside.map((u) => u.id));
  groupDigest(ctx, sink, {
    o,
    s,
    step,
    key,
    total: outside.length,
    items: items.filter((i) => outsideIds.has(i.unitId)),
  });
  const obligation = obligationRef(o, ctx.lang);
  const period = periodRef(s, ctx.t);
  for (const personId of officeStaff(ctx.org, ctx.today)) {
    const dedupeKey = `digest:missing:${o.code}:${s.period.key}:${personId}`;
    const spec: MessageSpec = {
      kind: "digest_missing",
      lang: ctx.lang,
      step,
      addressee: addressee(ctx, personId),
      obligation,
      period,
      total: owing.length,
      items,
    };
    const common = { stepKey: key, unitId: null, obligationCode: o.code, periodKey: s.period.key };
    if (
      !placeMessage(ctx, sink, { ...common, dedupeKey, personId, spec, counted: false, outboxKind: "digest" })
    ) {
      sink.unreachable.push({ key: dedupeKey, personId, ...common, reason: "no_link" });
    }
  }
}

/** Every message of the due steps. Steps come from dueSteps() with the same `now`. */
export function planReminders(ctx: PlanContext, steps: readonly DueStep[]): PlanResult {
  const sink: Sink = { messages: [], unreachable: [] };
  for (const due of steps) {
    if (due.type === "weekly") weeklyDigests(ctx, sink, due.step, due.weekKey, due.key);
    else if (due.type === "unit") unitReminders(ctx, sink, due.obligation, due.scheduled, due.step, due.key);
    else if (due.type === "escalate")
      escalations(ctx, sink, due.obligation, due.scheduled, due.step, due.key);
    else missingDigest(ctx, sink, due.obligation, due.scheduled, due.step, due.key);
  }
  return { steps: steps.map((s) => s.key), messages: sink.messages, unreachable: sink.unreachable };
}

export type { Sink };
