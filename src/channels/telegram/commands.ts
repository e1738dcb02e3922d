/**
 * The command menu Telegram shows next to the text box (setMyCommands). Vietnamese is the default
 * list; people whose Telegram is in English see the English descriptions. The commands themselves
 * are handled by the bot router (src/bot), which receives them as ordinary text events.
 */
import type { Translate } from "../../i18n/index";
import type { BotCommand } from "./bot";

const COMMAND_KEYS: readonly (readonly [command: string, key: string])[] = [
  ["baocao", "telegram:commands.baocao"],
  ["tieptuc", "telegram:commands.tieptuc"],
  ["tinbai", "telegram:commands.tinbai"],
  ["vuviec", "telegram:commands.vuviec"],
  ["trangthai", "telegram:commands.trangthai"],
  ["huy", "telegram:commands.huy"],
  ["dulieu", "telegram:commands.dulieu"],
  ["huylienket", "telegram:commands.huylienket"],
  ["trogiup", "telegram:commands.trogiup"],
];

export function telegramCommands(t: Translate): BotCommand[] {
  return COMMAND_KEYS.map(([command, key]) => ({ command, description: t(key) }));
}
