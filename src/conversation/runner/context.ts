/**
 * What the runner needs from the composition root (RunnerDeps), and the per-event bundle it
 * passes around (Run): the bot's context plus the plan in force, loaded once per event.
 */
import type { ConversationContext } from "../../bot/conversation";
import type { ActivePlan, ActivePlanSource } from "../../bot/status/sources";
import type { ChannelCapabilities, ChannelId, OutboundMessage, TextPart } from "../../channels/types";
import type { Config } from "../../config";
import type { Db } from "../../db/index";
import type { Lang, Translate } from "../../i18n/index";
import type { StepContext } from "../types";

export interface RunnerDeps {
  /** The plan in force and its calendar (the same source /trangthai uses; cache it there). */
  readonly plan: ActivePlanSource;
  readonly config: Pick<Config, "dataDir" | "publicUrl" | "draftTtlDays">;
  /** What each channel can do (buttons, files in); unknown channels get numbered lists and no files. */
  readonly capabilities: (channel: ChannelId) => ChannelCapabilities | undefined;
  /** For reference numbers; default Math.random. */
  readonly random?: (() => number) | undefined;
}

export interface Run {
  readonly deps: RunnerDeps;
  readonly ctx: ConversationContext;
  readonly trx: Db;
  readonly now: Date;
  readonly lang: Lang;
  readonly t: Translate;
  readonly personId: string;
  readonly random: () => number;
  /** Loaded on first use; null when no plan is set up. */
  plan(): Promise<ActivePlan | null>;
  /** The engine's view of this chat's channel. */
  buttons(): StepContext["buttons"];
  filesIn(): boolean;
  say(parts: readonly TextPart[], buttons?: OutboundMessage["buttons"]): Promise<void>;
  send(message: Omit<OutboundMessage, "lang">): Promise<void>;
}

export function createRun(deps: RunnerDeps, ctx: ConversationContext): Run {
  let loaded: Promise<ActivePlan | null> | undefined;
  const caps = () => deps.capabilities(ctx.chat.channel);
  return {
    deps,
    ctx,
    trx: ctx.trx,
    now: ctx.now,
    lang: ctx.lang,
    t: ctx.t,
    personId: ctx.actor.person.id,
    random: deps.random ?? Math.random,
    plan() {
      loaded ??= deps.plan(ctx.trx);
      return loaded;
    },
    buttons() {
      const b = caps()?.buttons;
      return b ? { maxButtons: b.maxButtons, maxLabelChars: b.maxLabelChars } : null;
    },
    filesIn() {
      return Boolean(caps()?.filesIn);
    },
    say(parts, buttons) {
      return ctx.reply(buttons && buttons.length > 0 ? { parts, buttons } : { parts });
    },
    send(message) {
      return ctx.reply(message);
    },
  };
}

/** How long a draft lives after its last step. */
export function draftExpiry(run: Pick<Run, "deps" | "now">): Date {
  return new Date(run.now.getTime() + run.deps.config.draftTtlDays * 24 * 60 * 60 * 1000);
}
