/**
 * Queuing a message is a row in `outbox`, written with the caller's db or transaction handle so the
 * message exists if and only if the change that caused it was committed. Call the dispatcher's
 * `kick()` after the commit to send it promptly.
 */
import type { ChatRef, OutboundMessage } from "../channels/types";
import type { Db } from "../db/index";

export const OUTBOX_KINDS = ["reply", "reminder", "alert", "digest"] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export interface EnqueueInput {
  readonly chat: ChatRef;
  readonly message: OutboundMessage;
  readonly kind: OutboxKind;
  readonly now: Date;
  readonly personId?: string | null | undefined;
  /** Unique across the outbox: a second message with the same key is not queued. */
  readonly dedupeKey?: string | undefined;
  /** Not sent before this instant (defaults to now). */
  readonly notBefore?: Date | undefined;
}

export type EnqueueResult = { readonly queued: true; readonly id: number } | { readonly queued: false };

export async function enqueueMessage(db: Db, input: EnqueueInput): Promise<EnqueueResult> {
  const row = await db
    .insertInto("outbox")
    .values({
      person_id: input.personId ?? null,
      channel: input.chat.channel,
      chat_id: input.chat.chatId,
      message: JSON.stringify(input.message),
      kind: input.kind,
      dedupe_key: input.dedupeKey ?? null,
      not_before: (input.notBefore ?? input.now).toISOString(),
      status: "pending",
      last_error: null,
      platform_message_id: null,
      created_at: input.now.toISOString(),
      sent_at: null,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row ? { queued: true, id: row.id } : { queued: false };
}
