/**
 * The answer to an event lost in a restart. A file cannot be handed to the bot again (its download
 * belongs to the adapter that received it), so the person is asked to send it again, by the time
 * they sent it; the reply and the event's "handled" mark commit together. An unlinked chat gets
 * what it would have got anyway: how to link.
 */
import { formatDateVi, localDateOf, localTimeOf } from "../domain/time";
import { translator } from "../i18n/index";
import type { LostInboundHandler } from "../inbound/index";
import { enqueueMessage } from "../outbox/index";
import { addressOf } from "./address";
import type { BotDeps } from "./handler";
import { resolveChat } from "./identity";
import { notLinked, type Reply } from "./messages";
import { createOrgCache } from "./org-cache";

export function createLostEventNotice(
  deps: Pick<BotDeps, "db" | "config" | "log" | "dispatcher" | "org" | "now">,
): LostInboundHandler {
  const lang = deps.config.lang;
  const t = translator(lang);
  const contact = deps.config.officeContact ?? t("bot:contact.default");
  const org = deps.org ?? createOrgCache();
  const now = deps.now ?? (() => new Date());

  return async (lost, receipt) => {
    await deps.db.transaction().execute(async (trx) => {
      const resolved = await resolveChat(trx, lost.chat, now(), org);
      let reply: Reply;
      if (!resolved) reply = notLinked(contact);
      else {
        const params = {
          title: addressOf(resolved.actor.person, t).title,
          time: localTimeOf(lost.receivedAt),
          date: formatDateVi(localDateOf(lost.receivedAt)),
          name: lost.fileName ?? "",
        };
        const key =
          lost.kind !== "file"
            ? "inbound:lost.message"
            : lost.fileName
              ? "inbound:lost.fileNamed"
              : "inbound:lost.file";
        reply = { parts: [{ key, params }] };
      }
      await enqueueMessage(trx, {
        chat: lost.chat,
        message: { lang, ...reply },
        kind: "reply",
        now: now(),
        personId: resolved?.actor.person.id ?? null,
      });
      await receipt.markHandled(trx);
    });
    deps.log.info("bot.lost_answered", {
      channel: lost.channel,
      kind: lost.kind,
    });
    deps.dispatcher.kick();
  };
}
