/**
 * The Văn phòng's missing list and "Nhắc các đơn vị này" under it, wired as src/app.ts wires them
 * (the bot inside withReminderCommands): the button is /nhacnho's own remind payload, and the
 * units it reminds are exactly the units the list showed. Demo organisation, modern preset.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { createBotHandler } from "../../src/bot/handler";
import { createStatusReporter } from "../../src/bot/status/reporter";
import type { InboundEvent, OutboundMessage } from "../../src/channels/types";
import { createSubmissionStatusSource } from "../../src/conversation/runner/index";
import type { Plan } from "../../src/domain/plan";
import { getPreset, loadCalendar } from "../../src/plan/index";
import { withReminderCommands } from "../../src/reminders/chat";
import { createHarness, type Harness, log, vn } from "./harness";

const AT = vn("2026-11-27 10:00"); // Friday, inside the window; November's report (due 24/11) overdue
const OFFICE = "Lê Thị Mai";

let h: Harness;
beforeEach(async () => {
  h = await createHarness("modern", AT);
});
afterEach(async () => h.dispose());

async function handler() {
  const plan = getPreset("modern") as Plan;
  const calendar = await loadCalendar(plan.calendar);
  if (!calendar.ok) throw new Error("calendar");
  const bot = createBotHandler({
    db: h.db.db,
    config: { lang: "vi", officeContact: "Văn phòng Sở", sessionSecret: undefined },
    log,
    dispatcher: { kick() {} },
    conversation: async () => {},
    status: createStatusReporter({
      lang: "vi",
      plan: async () => ({ plan, calendar: calendar.calendar }),
      submissions: createSubmissionStatusSource(),
    }),
    now: () => AT,
  });
  return withReminderCommands(bot, {
    db: h.db.db,
    log,
    lang: "vi",
    reminders: h.service,
    kick: () => {},
    now: () => AT,
  });
}

let n = 0;
function event(extra: { kind: "text"; text: string } | { kind: "action"; payload: string }): InboundEvent {
  const chatId = h.person(OFFICE).chatId;
  return {
    channel: "telegram",
    chat: { channel: "telegram", chatId },
    sender: { platformUserId: chatId },
    platformId: `missing-${++n}`,
    receivedAt: AT,
    ...extra,
  };
}

async function lastReply(): Promise<OutboundMessage> {
  const row = await h.db.db
    .selectFrom("outbox")
    .select("message")
    .where("kind", "=", "reply")
    .where("chat_id", "=", h.person(OFFICE).chatId)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  return JSON.parse(row.message) as OutboundMessage;
}

it("'Nhắc các đơn vị này' reminds exactly the units the list shows, as /nhacnho does", async () => {
  await h.submit("TH-KIMDONG", "DL_MONTHLY", "2026-11", vn("2026-11-20 10:00"));
  const handle = await handler();
  await handle(event({ kind: "text", text: "/chuanop DL_MONTHLY 11/2026" }));
  const list = await lastReply();
  const listed = new Set<string>();
  for (const part of list.parts) {
    if (!("text" in part)) continue;
    for (const m of part.text.matchAll(/^• .* \(([A-Z0-9-]+)\) — quá hạn 3 ngày$/gmu))
      listed.add(m[1] as string);
  }
  expect(listed.size).toBeGreaterThan(1);
  expect(listed.has("TH-KIMDONG")).toBe(false);
  const remind = list.buttons?.find((b) => b.payload.startsWith("remind:"));
  expect(remind?.payload).toBe("remind:DL_MONTHLY:2026-11");

  await handle(event({ kind: "action", payload: remind?.payload ?? "" }));
  const reminded = await h.db.db
    .selectFrom("reminder_messages")
    .innerJoin("units", "units.id", "reminder_messages.unit_id")
    .select("units.code")
    .where("reminder_messages.step", "=", "manual-2026-11-27")
    .execute();
  expect(new Set(reminded.map((r) => r.code))).toEqual(listed);
  expect((await lastReply()).parts[0]).toMatchObject({
    key: "reminders:chat.queued",
    params: { units: listed.size },
  });
});
