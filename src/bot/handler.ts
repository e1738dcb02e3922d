/**
 * The bot's entry point: one inbound event in, replies queued out. Every event is resolved to an
 * Actor (person → roles → units) first; an unknown chat gets only how to link. State changes, the
 * replies they cause and the inbound event's "handled" mark are written in ONE transaction, then
 * the dispatcher is kicked: a crash before the commit leaves the event to be handled again.
 * Logs carry ids, channel and route: never message texts, names, phone numbers or chat ids.
 */
import type { ChannelCapabilities, ChannelId, InboundEvent } from "../channels/types";
import type { Config } from "../config";
import { touchLink } from "../db/channel-links";
import type { Db } from "../db/index";
import { type Lang, type Translate, translator } from "../i18n/index";
import type { InboundReceipt } from "../inbound/index";
import type { Logger } from "../log";
import { enqueueMessage } from "../outbox/index";
import { addressOf } from "./address";
import type { ConversationHook } from "./conversation";
import { resolveChat } from "./identity";
import { memoizeTranslate } from "./memo-translate";
import { createOrgCache, type OrgCache } from "./org-cache";
import { withPrefetchedFile } from "./prefetch-file";
import { type RouteContext, routeLinked, routeUnlinked } from "./routes";
import type { StatusReporter } from "./status/reporter";

export interface BotDeps {
  readonly db: Db;
  readonly config: Pick<Config, "lang" | "officeContact" | "sessionSecret">;
  readonly log: Logger;
  readonly dispatcher: { kick(): void };
  /** Report commands, free text, taps and files of linked people (issue 4's engine). */
  readonly conversation: ConversationHook;
  readonly status: StatusReporter;
  readonly now?: (() => Date) | undefined;
  /** The org in memory; default: one per handler. */
  readonly org?: OrgCache | undefined;
  /** What each channel can do (button limits for the status buttons); unknown: safe defaults. */
  readonly capabilities?: ((channel: ChannelId) => ChannelCapabilities | undefined) | undefined;
}

/** The receipt (from the inbound pipeline) is marked handled in the handler's transaction. */
export type BotHandler = (event: InboundEvent, receipt?: InboundReceipt) => Promise<void>;

export function createBotHandler(deps: BotDeps): BotHandler {
  const lang: Lang = deps.config.lang;
  const t: Translate = memoizeTranslate(translator(lang));
  const contact = deps.config.officeContact ?? t("bot:contact.default");
  const now = deps.now ?? (() => new Date());
  const org = deps.org ?? createOrgCache();

  return async (event, receipt) => {
    const at = now();
    let queued = 0;
    let route = "none";
    let personId: string | null = null;
    try {
      // Downloads never run inside the transaction (prefetch-file.ts).
      const ready = await withPrefetchedFile(deps.db, event);
      await deps.db.transaction().execute(async (trx) => {
        const ctx: RouteContext = {
          trx,
          event: ready,
          now: at,
          lang,
          t,
          contact,
          pepper: deps.config.sessionSecret,
          conversation: deps.conversation,
          status: deps.status,
          org,
          buttons: deps.capabilities?.(event.channel)?.buttons,
          async reply(message, recipient) {
            const result = await enqueueMessage(trx, {
              chat: event.chat,
              message: { lang, ...message },
              kind: "reply",
              now: at,
              personId: recipient,
            });
            if (result.queued) queued++;
          },
          identify(id) {
            personId = id;
          },
        };
        const outcome = await routeWithIdentity(ctx);
        route = outcome.route;
        personId ??= outcome.personId;
        await receipt?.markHandled(trx);
      });
    } catch (err) {
      deps.log.error("bot.failed", {
        channel: event.channel,
        kind: event.kind,
        error: err instanceof Error ? err.message : String(err),
      });
      await deps.db.transaction().execute(async (trx) => {
        await enqueueMessage(trx, {
          chat: event.chat,
          message: { lang, parts: [{ key: "common:error.unexpected" }] },
          kind: "reply",
          now: at,
          personId,
        });
        // The apology is this event's answer: it is handled, not to be replayed after a restart.
        await receipt?.markHandled(trx);
      });
      queued++;
      route = "error";
    }
    deps.log.info("bot.handled", {
      channel: event.channel,
      kind: event.kind,
      route,
      personId,
      replies: queued,
    });
    if (queued > 0) deps.dispatcher.kick();
  };
}

async function routeWithIdentity(ctx: RouteContext): Promise<{ route: string; personId: string | null }> {
  const resolved = await resolveChat(ctx.trx, ctx.event.chat, ctx.now, ctx.org);
  if (!resolved) return { route: await routeUnlinked(ctx), personId: null };
  await touchLink(ctx.trx, resolved.link.id, ctx.event.receivedAt);
  const address = addressOf(resolved.actor.person, ctx.t);
  const route = await routeLinked(ctx, resolved, {
    t: ctx.t,
    title: address.title,
    name: address.name,
    contact: ctx.contact,
  });
  return { route, personId: resolved.actor.person.id };
}
