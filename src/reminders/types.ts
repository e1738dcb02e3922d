/**
 * The words of the reminder planner. A *step* is one rung of an obligation's ladder for one period
 * (T−5, the due day, +1, an escalation, a quota nudge, a digest): the same moment for every unit of
 * the period, so steps are computed once per obligation and fanned out to units only when due.
 * A *MessageSpec* is everything needed to (re)build a message: stored next to the outbox row so
 * that the dispatcher can check, just before sending, that it is still true.
 */
import type { ChatRef, OutboundMessage } from "../channels/types";
import type { ArticleChannel, EscalationTarget, ObligationKind } from "../domain/plan";
import type { Lang } from "../i18n/index";
import type { OutboxKind } from "../outbox/index";

export type StepKind =
  | "before"
  | "due"
  | "after"
  | "escalate"
  | "quota_mid"
  | "quota_last"
  | "quota_progress"
  | "missing_digest"
  | "weekly_digest"
  | "manual";

/** One rung, independent of units. `id` goes into dedupe keys: "b5", "d", "a1", "e3-office", "qmid". */
export interface StepDef {
  readonly id: string;
  readonly kind: StepKind;
  /** When the step is meant to happen (before the sending window is applied). */
  readonly nominal: Date;
  /** Working days before (before) or after (after, escalate) the due day. */
  readonly workingDays?: number | undefined;
  readonly to?: EscalationTarget | undefined;
}

/** What a message is about and how to say it again: stored as JSON in reminder_messages.spec. */
export interface Addressee {
  readonly personId: string;
  /** Already translated: "Thầy", "Cô", "Thầy/Cô". */
  readonly title: string;
  readonly name: string;
}

export interface ObligationRef {
  readonly code: string;
  readonly kind: ObligationKind;
  readonly name: string;
  readonly nilReport: boolean;
  readonly evidenceRequired: boolean;
  /** Quotas: what is counted and how (re-counted just before sending). */
  readonly quota?:
    | {
        readonly target: number;
        readonly counts: string;
        readonly channels?: readonly ArticleChannel[] | undefined;
        readonly articleKind?: string | undefined;
      }
    | undefined;
}

export interface PeriodRef {
  readonly key: string;
  /** "tháng 11/2026", already translated. */
  readonly label: string;
  readonly start: string;
  readonly end: string;
  /** dd/mm/yyyy */
  readonly deadline: string;
  readonly dueAt: string;
}

export interface UnitItem {
  readonly unitId: string;
  readonly unitName: string;
  readonly unitCode?: string | undefined;
  /** Reporting line (digest grouping): the unit it reports to. */
  readonly line?: string | undefined;
  /** Quotas: articles counted when planned. */
  readonly count?: number | undefined;
}

interface SpecBase {
  readonly lang: Lang;
  readonly step: StepDef;
  readonly addressee: Addressee;
  /** Manual "--now": the office asked for it outside the sending window. */
  readonly ignoreWindow?: boolean | undefined;
}

export type MessageSpec =
  | (SpecBase & {
      readonly kind: "reminder";
      readonly unit: UnitItem;
      readonly obligation: ObligationRef;
      readonly period: PeriodRef;
      /** Working days left (before) or late (after), counted on the planned sending day. */
      readonly days: number;
      /** Someone else of the unit could not be reached: this copy goes to another member. */
      readonly onBehalfOf?: string | undefined;
    })
  | (SpecBase & {
      readonly kind: "escalation";
      readonly obligation: ObligationRef;
      readonly period: PeriodRef;
      readonly days: number;
      readonly items: readonly UnitItem[];
      /** Office staff get a "remind them all again" button. */
      readonly remindButton: boolean;
    })
  | (SpecBase & {
      readonly kind: "digest_missing";
      readonly obligation: ObligationRef;
      readonly period: PeriodRef;
      readonly total: number;
      readonly items: readonly UnitItem[];
    })
  | (Omit<SpecBase, "addressee"> & {
      /**
       * The day-after digest posted once into the Zalo group the Sở designated
       * (ZALO_PERSONAL_DIGEST_GROUP_ID): addressed to nobody, unit names and counts only, no button.
       */
      readonly kind: "digest_group";
      readonly obligation: ObligationRef;
      readonly period: PeriodRef;
      readonly total: number;
      readonly items: readonly UnitItem[];
    })
  | (SpecBase & {
      readonly kind: "digest_weekly";
      readonly unitName: string;
      readonly week: string;
      /** Pre-rendered status lines per unit (a snapshot: not rebuilt at send time). */
      readonly lines: readonly string[];
    });

export type SpecKind = MessageSpec["kind"];

/** A message the planner wants queued. */
export interface PlannedMessage {
  readonly dedupeKey: string;
  readonly outboxKind: OutboxKind;
  readonly chat: ChatRef;
  /** Null for a post into a group (digest_group). */
  readonly personId: string | null;
  /** The allowed moment: now, or later when outside the window or over the daily cap. */
  readonly notBefore: Date;
  /** True when notBefore is in the future: queued as "deferred" so it blocks nobody's chat. */
  readonly deferred: boolean;
  readonly message: OutboundMessage;
  readonly spec: MessageSpec;
  readonly unitId: string | null;
  readonly obligationCode: string | null;
  readonly periodKey: string | null;
  readonly sendDay: string;
  readonly counted: boolean;
  /** The step this message belongs to (claimed in reminder_steps). */
  readonly stepKey: StepKey;
}

export interface StepKey {
  readonly scope: string;
  readonly periodKey: string;
  readonly step: string;
}

export function stepKeyString(k: StepKey): string {
  return `${k.scope}|${k.periodKey}|${k.step}`;
}

export interface Unreachable {
  readonly key: string;
  readonly personId: string | null;
  readonly unitId: string | null;
  readonly obligationCode: string | null;
  readonly periodKey: string | null;
  readonly reason: "no_link" | "all_channels_failed" | "no_recipient" | "group_post_failed";
  readonly detail?: string | undefined;
}

export interface PlanResult {
  /** Steps examined and due (claimed even when they queue nothing: everyone had submitted). */
  readonly steps: readonly StepKey[];
  readonly messages: readonly PlannedMessage[];
  readonly unreachable: readonly Unreachable[];
}
