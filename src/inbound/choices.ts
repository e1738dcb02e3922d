/**
 * Numbered-choice fallback, core side. When a message with buttons goes to a channel without
 * buttons, the dispatcher remembers the rendered choices for that chat; the next text answer
 * "2", "2.", or the label itself ("Không", also typed without diacritics: "khong") is turned into
 * the button's `action` event, exactly as a tap would be on Telegram. A choice is used once.
 */
import type { ChatRef, InboundEvent } from "../channels/types";
import type { Db } from "../db/index";

export interface Choice {
  readonly label: string;
  readonly payload: string;
}

const NUMBER_ANSWER = /^\s*(\d{1,3})\s*[.)]?\s*$/;

function fold(text: string, keepMarks: boolean): string {
  const lowered = text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  const bare = lowered.replace(/[.!?,;:]+$/, "").trim();
  if (keepMarks) return bare;
  return bare.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");
}

/** The payload the answer designates, or null when it is not one of the choices. */
export function matchChoice(text: string, choices: readonly Choice[]): string | null {
  const num = NUMBER_ANSWER.exec(text);
  if (num) return choices[Number(num[1]) - 1]?.payload ?? null;
  for (const keepMarks of [true, false]) {
    const answer = fold(text, keepMarks);
    const hits = choices.filter((c) => fold(c.label, keepMarks) === answer);
    if (hits.length === 1) return hits[0]?.payload ?? null;
  }
  return null;
}

export async function rememberChoices(
  db: Db,
  chat: ChatRef,
  choices: readonly Choice[],
  outboxId: number | null,
  now: Date,
): Promise<void> {
  const row = {
    channel: chat.channel,
    chat_id: chat.chatId,
    choices: JSON.stringify(choices),
    outbox_id: outboxId,
    created_at: now.toISOString(),
  };
  await db
    .insertInto("chat_choices")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["channel", "chat_id"]).doUpdateSet({
        choices: row.choices,
        outbox_id: row.outbox_id,
        created_at: row.created_at,
      }),
    )
    .execute();
}

function parseChoices(json: string): Choice[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is Choice =>
      typeof c === "object" && c !== null && typeof c.label === "string" && typeof c.payload === "string",
  );
}

/** The remembered choices an answer used: consumed when the answer's event is marked handled. */
export interface UsedChoice {
  readonly chat: ChatRef;
  readonly choices: string;
  readonly createdAt: string;
}

/**
 * A text event that answers the chat's pending choices becomes an action event; others pass
 * unchanged. Nothing is deleted here: the choice is consumed (`consumeChoice`) in the transaction
 * that marks the event handled, so an answer interrupted by a crash still reads as a tap after
 * the restart.
 */
export async function matchPendingChoice(
  db: Db,
  event: InboundEvent,
): Promise<{ readonly event: InboundEvent; readonly used: UsedChoice | null }> {
  if (event.kind !== "text") return { event, used: null };
  const row = await db
    .selectFrom("chat_choices")
    .select(["choices", "created_at"])
    .where("channel", "=", event.channel)
    .where("chat_id", "=", event.chat.chatId)
    .executeTakeFirst();
  if (!row) return { event, used: null };
  const payload = matchChoice(event.text, parseChoices(row.choices));
  if (payload === null) return { event, used: null };
  const { text: _text, kind: _kind, ...base } = event;
  return {
    event: { ...base, kind: "action", payload },
    used: { chat: event.chat, choices: row.choices, createdAt: row.created_at },
  };
}

/** Forgets the choices an answer used, unless newer ones replaced them meanwhile. */
export async function consumeChoice(db: Db, used: UsedChoice): Promise<void> {
  await db
    .deleteFrom("chat_choices")
    .where("channel", "=", used.chat.channel)
    .where("chat_id", "=", used.chat.chatId)
    .where("created_at", "=", used.createdAt)
    .where("choices", "=", used.choices)
    .execute();
}

/** A text event that answers the chat's pending choices becomes an action event, used at once. */
export async function resolveChoiceAnswer(db: Db, event: InboundEvent): Promise<InboundEvent> {
  const matched = await matchPendingChoice(db, event);
  if (matched.used) await consumeChoice(db, matched.used);
  return matched.event;
}
