/**
 * A reminder waits (deferred overnight) and its person leaves the unit meanwhile: the dispatcher's
 * last check before sending finds the membership no longer in force on the sending day and cancels
 * the row, with its reason in `baocao outbox list`. The modern preset over the demo org: DL_MONTHLY
 * of November 2026, T−5 is Tue 17/11 09:00, to Kim Đồng's comms officer (Thầy Khoa) and head (Cô
 * Ngọc). The leaving is written the way the Văn phòng writes it: `baocao people import` with dates.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { importPeople } from "../../src/org/index";
import { writeCsvFile } from "../org/files";
import { createHarness, type Harness, vn } from "./harness";

const REPORT = "Báo cáo tháng công tác";
let h: Harness;
beforeEach(async () => {
  h = await createHarness("modern", vn("2026-11-17 09:00"));
});
afterEach(async () => h.dispose());

const rowsOf = (personName: string) =>
  h.db.db
    .selectFrom("outbox as o")
    .innerJoin("reminder_messages as r", "r.outbox_id", "o.id")
    .select(["o.status", "o.last_error", "r.step"])
    .where("o.person_id", "=", h.person(personName).id)
    .where("r.obligation_code", "=", "DL_MONTHLY")
    .orderBy("o.id")
    .execute();

const deliveredTo = (personName: string) =>
  h.telegram.delivered.filter(
    (d) => d.chat.chatId === h.person(personName).chatId && d.text.includes(REPORT),
  );

async function phoneOf(fullName: string): Promise<string> {
  const row = await h.db.db
    .selectFrom("people")
    .select("phone")
    .where("full_name", "=", fullName)
    .executeTakeFirstOrThrow();
  return row.phone ?? "";
}

describe("only to members in force when it leaves: a deferred reminder to someone who left the unit", () => {
  it("is cancelled before sending, with its reason in outbox list; a member still in force gets hers", async () => {
    await h.service.tick(vn("2026-11-17 09:00"));
    // The dispatcher only gets to them after the window closed: both wait for 18/11 07:30.
    h.setClock(vn("2026-11-17 18:00"));
    await h.dispatcher.tick();
    expect(await rowsOf("Trịnh Văn Khoa")).toMatchObject([{ status: "deferred", step: "b5" }]);
    expect(await rowsOf("Lê Thị Bích Ngọc")).toMatchObject([{ status: "deferred", step: "b5" }]);

    // That evening the office records that Thầy Khoa left on 17/11; Cô Ngọc leaves at the end of
    // 18/11, so she is still in force on the sending day.
    const file = writeCsvFile(h.db.dir, "nghi-viec.csv", [
      ["Mã đơn vị", "Họ và tên", "Vai trò", "Điện thoại", "Hiệu lực đến"],
      ["TH-KIMDONG", "Trịnh Văn Khoa", "Cán bộ truyền thông", await phoneOf("Trịnh Văn Khoa"), "17/11/2026"],
      ["TH-KIMDONG", "Lê Thị Bích Ngọc", "Hiệu trưởng", await phoneOf("Lê Thị Bích Ngọc"), "18/11/2026"],
    ]);
    expect(await importPeople(h.db.db, file, { now: vn("2026-11-17 19:00") })).toMatchObject({
      ok: true,
      summary: { updated: 2 },
    });

    h.setClock(vn("2026-11-18 07:30"));
    await h.step();
    expect(await rowsOf("Trịnh Văn Khoa")).toMatchObject([
      { status: "cancelled", last_error: "cancelled:member_left_unit", step: "b5" },
    ]);
    expect(deliveredTo("Trịnh Văn Khoa")).toEqual([]);
    expect(await rowsOf("Lê Thị Bích Ngọc")).toMatchObject([{ status: "sent", step: "b5" }]);
    expect(deliveredTo("Lê Thị Bích Ngọc")).toHaveLength(1);
    // Another school's comms officer, untouched, is reminded as usual.
    expect(await rowsOf("Đoàn Thị Thu")).toMatchObject([{ status: "sent", step: "b5" }]);

    // Nothing is sent to him later either: the row stays cancelled.
    h.setClock(vn("2026-11-18 09:00"));
    await h.step();
    expect(deliveredTo("Trịnh Văn Khoa")).toEqual([]);

    const out: string[] = [];
    const code = await runCli(["outbox", "list", "--status", "cancelled"], {
      env: { DATABASE_URL: `sqlite:${h.db.location}`, BAOCAO_LOG_LEVEL: "silent" },
      cwd: h.db.dir,
      now: () => vn("2026-11-18 09:00"),
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    expect(code).toBe(0);
    const lines = out.filter((l) => l.includes("Trịnh Văn Khoa"));
    // DL_MONTHLY and the other report of that morning: both held, both cancelled.
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toContain("cancelled:member_left_unit");
  });
});
