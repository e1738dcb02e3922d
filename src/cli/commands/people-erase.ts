import { removeWebChatFiles, webChatFilesDir } from "../../channels/web/index";
import { eraseDrafts } from "../../conversation/runner/index";
import { eraseWebChats } from "../../db/web-chat";
import { erasePerson, type PersonalDataEraser } from "../../identity/erase";
import { findPersonByRef } from "../../identity/find-person";
import { CliError, type Command } from "../command";

const USAGE = "baocao people erase PHONE|EMAIL|ID --yes [--json]";

/** The right to erasure (Law 91/2025): personal data goes, what the unit submitted stays. */
export const peopleEraseCommand: Command = {
  path: ["people", "erase"],
  summaryKey: "identity:cli.peopleErase",
  usage: USAGE,
  flags: { yes: { type: "boolean" } },
  positionals: { min: 1, max: 1, names: ["PHONE|EMAIL|ID"] },
  async run(ctx, args) {
    const ref = args.positionals[0] as string;
    const { db } = await ctx.database();
    const person = await findPersonByRef(db, ref);
    if (!person) throw new CliError("identity:person.notFound", { ref });
    if (args.values.yes !== true)
      throw new CliError("identity:erase.confirm", { name: person.fullName, usage: USAGE });
    // Web chat history and uploads are personal data too: erased in the same transaction, and the
    // uploaded bytes removed from disk once it committed.
    const webFileKeys: string[] = [];
    const eraseWebHistory: PersonalDataEraser = async (trx, { chats }) => {
      const webChats = chats.filter((c) => c.channel === "web").map((c) => c.chatId);
      webFileKeys.push(...(await eraseWebChats(trx, webChats)));
    };
    const summary = await erasePerson(db, person.id, ctx.now(), [eraseWebHistory, eraseDrafts]);
    await removeWebChatFiles(webChatFilesDir(ctx.config.dataDir), webFileKeys);
    if (ctx.json) ctx.out(JSON.stringify({ personId: person.id, erased: summary }));
    else
      ctx.out(
        ctx.t("identity:erase.done", {
          links: summary.channelLinks,
          invites: summary.invites,
          memberships: summary.memberships,
          messages: summary.messages,
        }),
      );
    return 0;
  },
};
