/**
 * Drafts do not live for ever: config.draftTtlDays after their last step they expire, with a
 * warning a day before (to the chat the person last used, with a "Tiếp tục" button). The
 * scheduler calls `sweepDrafts` periodically (every few minutes is plenty); it is idempotent:
 * each warning has a dedupe key and is recorded on the draft.
 */

import { draftsExpired, draftsToWarn, markDraftWarned, setDraftStatus } from "../../db/drafts";
import type { Db } from "../../db/index";
import type { Lang } from "../../i18n/index";
import { translator } from "../../i18n/index";
import { enqueueMessage } from "../../outbox/index";
import { instantText, labelText } from "./labels";
import { formatPayload } from "./payloads";

/** The warning goes out this long before a draft expires. */
export const DRAFT_WARN_BEFORE_MS = 24 * 60 * 60 * 1000;

export interface SweepResult {
  readonly warned: number;
  readonly expired: number;
}

export async function sweepDrafts(
  db: Db,
  now: Date,
  options: { readonly lang?: Lang } = {},
): Promise<SweepResult> {
  const lang = options.lang ?? "vi";
  const t = translator(lang);
  return db.transaction().execute(async (trx) => {
    let expired = 0;
    for (const draft of await draftsExpired(trx, now)) {
      await setDraftStatus(trx, draft.id, "expired", now);
      await enqueueMessage(trx, {
        chat: draft.chat,
        message: {
          lang,
          parts: [{ key: "report:draft.expired", params: { name: labelText(draft.label, t, lang) } }],
        },
        kind: "reminder",
        now,
        personId: draft.personId,
        dedupeKey: `draft-expired:${draft.id}`,
      });
      expired++;
    }
    let warned = 0;
    for (const draft of await draftsToWarn(trx, now, DRAFT_WARN_BEFORE_MS)) {
      await enqueueMessage(trx, {
        chat: draft.chat,
        message: {
          lang,
          parts: [
            {
              key: "report:draft.expiring",
              params: { name: labelText(draft.label, t, lang), time: instantText(draft.expiresAt) },
            },
          ],
          buttons: [
            {
              label: { key: "report:button.resume" },
              payload: formatPayload({ type: "resume", draftId: draft.id }),
            },
          ],
        },
        kind: "reminder",
        now,
        personId: draft.personId,
        dedupeKey: `draft-expiring:${draft.id}:${draft.expiresAt.toISOString()}`,
      });
      await markDraftWarned(trx, draft.id, now);
      warned++;
    }
    return { warned, expired };
  });
}
