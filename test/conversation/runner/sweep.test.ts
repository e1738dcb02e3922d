/** Drafts expire config.draftTtlDays after their last step, with one warning a day before. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sweepDrafts } from "../../../src/conversation/runner/index";
import { type Harness, joined, outbox, startHarness } from "./harness";

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ ttlDays: 3 });
});
afterEach(async () => {
  await h.dispose();
});

const DAY_MS = 24 * 60 * 60 * 1000;
const START = new Date("2026-11-10T03:00:00.000Z");
const at = (days: number) => new Date(START.getTime() + days * DAY_MS);

describe("sweepDrafts", () => {
  it("warns once a day before expiry, then expires the draft and says so", async () => {
    await h.tap("lan", "report:DL_MONTHLY:2026-11:u-thcs-nd");
    await h.text("lan", "7");
    const start = (await outbox(h.db)).length;

    expect(await sweepDrafts(h.db, at(1))).toEqual({ warned: 0, expired: 0 });
    expect(await sweepDrafts(h.db, at(2.5))).toEqual({ warned: 1, expired: 0 });
    expect(await sweepDrafts(h.db, at(2.6))).toEqual({ warned: 0, expired: 0 });
    const [warning] = (await outbox(h.db)).slice(start);
    expect(warning).toMatchObject({ chatId: "lan", kind: "reminder", personId: "p-lan" });
    expect(warning?.text).toContain(
      "Bản nháp Báo cáo tháng công tác truyền thông và tình hình dư luận, tháng 11/2026 chưa được gửi và sẽ bị xóa lúc 13/11/2026 10:00.",
    );
    const draft = await h.db.selectFrom("drafts").select(["id", "status"]).executeTakeFirstOrThrow();
    expect(warning?.payloads).toEqual([`resume:${draft.id}`]);

    expect(await sweepDrafts(h.db, at(3.1))).toEqual({ warned: 0, expired: 1 });
    expect((await h.db.selectFrom("drafts").select("status").executeTakeFirstOrThrow()).status).toBe(
      "expired",
    );
    expect((await outbox(h.db)).at(-1)?.text).toContain("đã bị xóa vì lâu không được làm tiếp");
    h.now = at(3.2);
    expect(joined(await h.tap("lan", `resume:${draft.id}`))).toContain(
      "Bản nháp này đã được gửi hoặc đã hết hạn.",
    );
  });

  it("a step pushes the expiry back and re-arms the warning", async () => {
    await h.tap("lan", "report:DL_MONTHLY:2026-11:u-thcs-nd");
    expect(await sweepDrafts(h.db, at(2.5))).toEqual({ warned: 1, expired: 0 });
    h.now = at(2.7);
    // (After hours away a typed answer is not taken; /tieptuc is a step and pushes the expiry back.)
    await h.text("lan", "/tieptuc");
    expect(await sweepDrafts(h.db, at(3.5))).toEqual({ warned: 0, expired: 0 });
    expect(await sweepDrafts(h.db, at(5.3))).toEqual({ warned: 1, expired: 0 });
  });
});
