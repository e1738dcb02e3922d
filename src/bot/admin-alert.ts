/**
 * Alerts to the instance's admins (role `admin`) on every channel they linked, e.g. a Zalo OA
 * token that was revoked and needs the consent flow again. Queued in the outbox as kind "alert".
 */
import type { TextPart } from "../channels/types";
import { listLinksOfPerson } from "../db/channel-links";
import { type Db, membershipInForce } from "../db/index";
import { localDateOf } from "../domain/time";
import type { Lang } from "../i18n/index";
import { enqueueMessage } from "../outbox/index";

export async function alertAdmins(
  db: Db,
  parts: readonly TextPart[],
  options: { readonly lang: Lang; readonly now: Date },
): Promise<number> {
  const admins = await db
    .selectFrom("memberships")
    .select("person_id")
    .distinct()
    .where("role", "=", "admin")
    .where(membershipInForce(localDateOf(options.now)))
    .execute();
  const links = (await Promise.all(admins.map((a) => listLinksOfPerson(db, a.person_id)))).flat();
  let queued = 0;
  await db.transaction().execute(async (trx) => {
    for (const link of links) {
      const result = await enqueueMessage(trx, {
        chat: { channel: link.channel, chatId: link.chatId },
        message: { lang: options.lang, parts },
        kind: "alert",
        now: options.now,
        personId: link.personId,
      });
      if (result.queued) queued++;
    }
  });
  return queued;
}
