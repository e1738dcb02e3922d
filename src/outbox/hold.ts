/**
 * Two row states beyond channel-core's pending → sending → sent | failed | dead, used by a
 * `beforeSend` hook on a row it has claimed:
 *   cancelled — will never be sent (the unit submitted meanwhile); the reason is kept;
 *   deferred  — not sent now, woken back to "pending" at not_before (wakeDeferred). A deferred row
 *               is not "open", so it never holds back the later messages of its chat.
 * The claim counted an attempt that did not happen: it is given back. A deferred row's wait for its
 * channel (outbox.channel_wait_since) starts over when it is tried again.
 */
import type { Db } from "../db/index";

export async function cancelRow(db: Db, id: number, reason: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set((eb) => ({ status: "cancelled", last_error: reason, attempts: eb("attempts", "-", 1) }))
    .where("id", "=", id)
    .execute();
}

export async function deferRow(db: Db, id: number, until: Date, reason: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set((eb) => ({
      status: "deferred",
      not_before: until.toISOString(),
      last_error: reason,
      attempts: eb("attempts", "-", 1),
      // Waiting for its sending moment is not waiting for the channel: that clock starts over.
      channel_wait_since: null,
    }))
    .where("id", "=", id)
    .execute();
}
