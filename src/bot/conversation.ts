/**
 * The seam to the conversation engine (issue 4): report commands, free text, button taps and files
 * of a linked person go to this hook. The engine writes its state and queues its replies through
 * `ctx` in the same transaction as the bot. Until the engine is wired in, the composition root
 * passes `reportFlowNotEnabled`, which says so plainly.
 */
import type { ChatRef, InboundFile, OutboundMessage } from "../channels/types";
import type { Db } from "../db/index";
import type { Lang, Translate } from "../i18n/index";
import type { Actor } from "./actor";
import type { ConversationCommand } from "./commands";

export type ConversationInput =
  | { readonly kind: "command"; readonly command: ConversationCommand; readonly args: string }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "action"; readonly payload: string }
  | { readonly kind: "file"; readonly file: InboundFile; readonly caption: string | undefined };

export interface ConversationContext {
  /** The open transaction: state changes and replies commit together. */
  readonly trx: Db;
  readonly actor: Actor;
  readonly chat: ChatRef;
  readonly lang: Lang;
  readonly t: Translate;
  readonly now: Date;
  /** "Cô", "Thầy/Cô": the actor's form of address, for texts that name them. */
  readonly title: string;
  /** Who to contact for help (the Văn phòng contact from config, or the default words). */
  readonly contact: string;
  /** Queues a message to this chat in the transaction. */
  reply(message: Omit<OutboundMessage, "lang">): Promise<void>;
}

export type ConversationHook = (ctx: ConversationContext, input: ConversationInput) => Promise<void>;

export const reportFlowNotEnabled: ConversationHook = async (ctx) => {
  await ctx.reply({
    parts: [{ key: "bot:conversation.notEnabled", params: { title: ctx.title, contact: ctx.contact } }],
  });
};
