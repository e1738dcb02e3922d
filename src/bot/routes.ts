/**
 * Routing, once the chat is resolved. Unlinked chats can only link (a /start payload, or a code
 * typed as text); everything else they send gets the explanation. Linked people get the bot's own
 * commands here; report commands, free text, taps and files go to the conversation hook.
 */
import type { InboundEvent } from "../channels/types";
import { markLinkUnreachable, unlinkChat } from "../db/channel-links";
import type { Db } from "../db/index";
import { formatDateVi, localDateOf, localTimeOf } from "../domain/time";
import type { Lang, Translate } from "../i18n/index";
import { looksLikeInviteCode } from "../identity/codes";
import { redeemInvite } from "../identity/invites";
import { addressOf } from "./address";
import { parseCommand } from "./commands";
import type { ConversationContext, ConversationHook, ConversationInput } from "./conversation";
import { type ResolvedChat, resolveChat } from "./identity";
import { greeting, help, notLinked, type Reply, type Speaker, unknownCommand } from "./messages";
import { myData } from "./mydata";
import type { OrgCache } from "./org-cache";
import type { ButtonLimits } from "./status/missing-render";
import type { StatusReporter } from "./status/reporter";

/** The payload of a reminder's acknowledgement button (rendered by the Zalo OA adapter). */
const ACK_PAYLOAD = "zalo.ack";

export interface RouteContext {
  readonly trx: Db;
  readonly event: InboundEvent;
  readonly now: Date;
  readonly lang: Lang;
  readonly t: Translate;
  readonly contact: string;
  readonly pepper: string | undefined;
  readonly conversation: ConversationHook;
  readonly status: StatusReporter;
  readonly org: OrgCache;
  /** The chat's channel: its button limits, null when it shows numbered choices instead. */
  readonly buttons?: ButtonLimits | null | undefined;
  reply(message: Reply, personId: string | null): Promise<void>;
  /** Names the person this event turned out to come from (after linking), for the log line. */
  identify(personId: string): void;
}

/** Button payload of the status of one unit: "status:<unitId>". */
const STATUS_PAYLOAD = /^status:(.+)$/;
/** Button payload of the units missing a report's period: "miss:<obligation>:<period>". */
const MISSING_PAYLOAD = /^miss:([^:]+):(.+)$/;

export async function routeUnlinked(ctx: RouteContext): Promise<string> {
  const { event } = ctx;
  let code: string | null = null;
  if (event.kind === "start") code = event.payload;
  else if (event.kind === "text") {
    const command = parseCommand(event.text);
    if (command?.type === "bot" && command.name === "start" && command.args !== "") code = command.args;
    else if (command === null && looksLikeInviteCode(event.text)) code = event.text;
  } else if (event.kind === "unfollow") return "unlinked.unfollow";
  if (code === null || code.trim() === "") {
    await ctx.reply(notLinked(ctx.contact), null);
    return "unlinked.explain";
  }
  return link(ctx, code);
}

/** Redeems a code for this chat (also from a linked chat: relinking moves it). */
async function link(ctx: RouteContext, code: string): Promise<string> {
  const { event } = ctx;
  const result = await redeemInvite(ctx.trx, {
    channel: event.channel,
    chatId: event.chat.chatId,
    platformUserId: event.sender.platformUserId,
    code,
    pepper: ctx.pepper,
    now: ctx.now,
  });
  if (!result.ok) {
    if (result.reason === "locked" || result.reason === "paused") {
      const params = {
        time: localTimeOf(result.until),
        date: formatDateVi(localDateOf(result.until)),
        contact: ctx.contact,
      };
      await ctx.reply({ parts: [{ key: `bot:link.${result.reason}`, params }] }, null);
    } else if (result.reason === "unusable") {
      await ctx.reply({ parts: [{ key: "bot:link.unusable", params: { contact: ctx.contact } }] }, null);
    } else {
      await ctx.reply({ parts: [{ key: "bot:link.wrong" }] }, null);
    }
    return `link.${result.reason}`;
  }
  const resolved = await resolveChat(ctx.trx, event.chat, ctx.now, ctx.org);
  if (!resolved) throw new Error("a chat just linked did not resolve");
  const sp = speakerFor(ctx, resolved);
  ctx.identify(resolved.actor.person.id);
  await ctx.reply(greeting(resolved.actor, resolved.units, sp, true), resolved.actor.person.id);
  return "link.ok";
}

function speakerFor(ctx: RouteContext, resolved: ResolvedChat): Speaker {
  const { title, name } = addressOf(resolved.actor.person, ctx.t);
  return { t: ctx.t, title, name, contact: ctx.contact };
}

export async function routeLinked(ctx: RouteContext, resolved: ResolvedChat, sp: Speaker): Promise<string> {
  const { event } = ctx;
  const { actor, units } = resolved;
  const personId = actor.person.id;
  const say = (message: Reply) => ctx.reply(message, personId);
  const hand = (input: ConversationInput) => ctx.conversation(conversationContext(ctx, resolved, sp), input);

  switch (event.kind) {
    case "start":
      if (event.payload !== null && event.payload.trim() !== "") return link(ctx, event.payload);
      await say(greeting(actor, units, sp, false));
      return "start";
    case "follow":
      await say(greeting(actor, units, sp, false));
      return "follow";
    case "unfollow":
      await markLinkUnreachable(ctx.trx, event.channel, event.chat.chatId, ctx.now);
      return "unfollow";
    case "file":
      await hand({ kind: "file", file: event.file, caption: event.caption });
      return "conversation.file";
    case "action": {
      // "Đã nhận" under a reminder (Zalo OA asks for a tap so that its 48-hour window renews):
      // the interaction is already recorded; thank the person, nothing else to do.
      if (event.payload === ACK_PAYLOAD) {
        await say({ parts: [{ key: "bot:ack", params: { title: sp.title } }] });
        return "ack";
      }
      const missing = MISSING_PAYLOAD.exec(event.payload);
      if (missing) {
        const [, code = "", periodKey = ""] = missing;
        const request = { actor, units, sp, now: ctx.now, buttons: ctx.buttons, code, periodKey };
        await say(await ctx.status.missing(ctx.trx, request));
        return "status.missing";
      }
      const status = STATUS_PAYLOAD.exec(event.payload);
      if (!status) {
        await hand({ kind: "action", payload: event.payload });
        return "conversation.action";
      }
      const unitId = status[1] as string;
      if (!actor.can("view", unitId)) {
        await say({ parts: [{ key: "bot:refused.unit", params: { title: sp.title } }] });
        return "refused.unit";
      }
      await say(await ctx.status.unitStatus(ctx.trx, { unitIds: [unitId], units, sp, now: ctx.now }));
      return "status.unit";
    }
    case "text": {
      const command = parseCommand(event.text);
      if (command === null) {
        await hand({ kind: "text", text: event.text });
        return "conversation.text";
      }
      if (command.type === "conversation") {
        await hand({ kind: "command", command: command.name, args: command.args });
        return `conversation.${command.name}`;
      }
      if (command.type === "unknown") {
        await say(unknownCommand(command.word, actor, sp));
        return "unknown";
      }
      switch (command.name) {
        case "start":
          if (command.args !== "") return link(ctx, command.args);
          await say(greeting(actor, units, sp, false));
          return "start";
        case "trogiup":
          await say(help(actor, sp));
          return "help";
        case "trangthai":
          await say(
            await ctx.status.myStatus(ctx.trx, { actor, units, sp, now: ctx.now, buttons: ctx.buttons }),
          );
          return "status";
        case "chuanop": {
          const request = { actor, units, sp, now: ctx.now, buttons: ctx.buttons, args: command.args };
          await say(await ctx.status.missingCommand(ctx.trx, request));
          return "status.missing";
        }
        case "dulieu":
          await say(await myData(ctx.trx, actor, units, sp));
          return "mydata";
        case "huylienket":
          await unlinkChat(ctx.trx, event.channel, event.chat.chatId);
          await say({
            parts: [
              { key: "bot:unlink.done" },
              { key: "bot:unlink.relink", params: { title: sp.title, contact: sp.contact } },
            ],
          });
          return "unlink";
      }
    }
  }
}

function conversationContext(ctx: RouteContext, resolved: ResolvedChat, sp: Speaker): ConversationContext {
  return {
    trx: ctx.trx,
    actor: resolved.actor,
    chat: ctx.event.chat,
    lang: ctx.lang,
    t: ctx.t,
    now: ctx.now,
    title: sp.title,
    contact: sp.contact,
    reply: (message) => ctx.reply(message, resolved.actor.person.id),
  };
}
