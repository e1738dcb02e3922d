/**
 * The chat commands and their aliases. Vietnamese names first; English aliases; accents and case
 * are ignored ("/Trợgiúp" = "/trogiup"), and Telegram's "/help@baocao_bot" form is accepted.
 */
import { foldText } from "../domain/contact";

/** Handled here, by the bot itself. */
export type BotCommand = "start" | "trogiup" | "trangthai" | "chuanop" | "dulieu" | "huylienket";
/** Handed to the conversation engine (issue 4). */
export type ConversationCommand =
  | "report"
  | "resume"
  | "cancel"
  | "back"
  | "skip"
  | "article"
  | "incident"
  /** The record of one incident by reference, or the open incidents the person may see. */
  | "showIncident"
  /** Văn phòng staff: return / accept a submission, close an incident (by reference). */
  | "return"
  | "accept"
  | "close";

export type ParsedCommand =
  | { readonly type: "bot"; readonly name: BotCommand; readonly args: string }
  | { readonly type: "conversation"; readonly name: ConversationCommand; readonly args: string }
  | { readonly type: "unknown"; readonly word: string };

const BOT_ALIASES: Record<string, BotCommand> = {
  start: "start",
  batdau: "start",
  trogiup: "trogiup",
  help: "trogiup",
  huongdan: "trogiup",
  trangthai: "trangthai",
  status: "trangthai",
  chuanop: "chuanop",
  missing: "chuanop",
  dulieu: "dulieu",
  mydata: "dulieu",
  huylienket: "huylienket",
  unlink: "huylienket",
};

const CONVERSATION_ALIASES: Record<string, ConversationCommand> = {
  baocao: "report",
  report: "report",
  tieptuc: "resume",
  continue: "resume",
  resume: "resume",
  huy: "cancel",
  cancel: "cancel",
  quaylai: "back",
  back: "back",
  boqua: "skip",
  skip: "skip",
  tinbai: "article",
  article: "article",
  vuviec: "incident",
  incident: "incident",
  xemvuviec: "showIncident",
  incidentshow: "showIncident",
  tralai: "return",
  return: "return",
  chapnhan: "accept",
  accept: "accept",
  dongvuviec: "close",
  close: "close",
};

/** A text is a command when it starts with "/": the word, optional "@bot", then arguments. */
export function parseCommand(text: string): ParsedCommand | null {
  const m = /^\/(\S+?)(?:@\S+)?(?:\s+([\s\S]*))?$/u.exec(text.trim());
  if (!m) return null;
  const rawWord = m[1] as string;
  const word = foldText(rawWord).replace(/[\s_-]/g, "");
  const args = (m[2] ?? "").trim();
  const bot = Object.hasOwn(BOT_ALIASES, word) ? BOT_ALIASES[word] : undefined;
  if (bot) return { type: "bot", name: bot, args };
  const conversation = Object.hasOwn(CONVERSATION_ALIASES, word) ? CONVERSATION_ALIASES[word] : undefined;
  if (conversation) return { type: "conversation", name: conversation, args };
  return { type: "unknown", word: `/${rawWord}` };
}
