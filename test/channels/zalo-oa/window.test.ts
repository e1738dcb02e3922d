import { describe, expect, it } from "vitest";
import {
  chooseOaRoute,
  msUntilZbsAllowed,
  normalizeVnPhone,
  vnDay,
} from "../../../src/channels/zalo-oa/window";

const now = new Date("2026-11-24T03:00:00Z"); // 10:00 in Hà Nội
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const templates = { overdue: "tpl1" };

describe("zalo-oa window", () => {
  it("replies always go as consultation messages; reminders only inside 48 hours", () => {
    expect(
      chooseOaRoute({ reminderType: null, lastInteractionAt: null, now, templates, phone: null }).kind,
    ).toBe("cs");
    expect(
      chooseOaRoute({ reminderType: "overdue", lastInteractionAt: hoursAgo(48), now, templates, phone: null })
        .kind,
    ).toBe("cs");
    expect(
      chooseOaRoute({
        reminderType: "overdue",
        lastInteractionAt: hoursAgo(48.01),
        now,
        templates,
        phone: "0912345678",
      }),
    ).toEqual({ kind: "zbs", templateId: "tpl1", phone: "84912345678" });
    expect(
      chooseOaRoute({ reminderType: "overdue", lastInteractionAt: null, now, templates, phone: "12" }).kind,
    ).toBe("closed");
    expect(
      chooseOaRoute({ reminderType: "other", lastInteractionAt: null, now, templates, phone: "0912345678" })
        .kind,
    ).toBe("closed");
  });

  it("normalizes Vietnamese mobile numbers to 84…", () => {
    expect(normalizeVnPhone("+84 912 345 678")).toBe("84912345678");
    expect(normalizeVnPhone("0383.456.789")).toBe("84383456789");
    expect(normalizeVnPhone("0243 123 4567")).toBeNull(); // a landline cannot receive ZBS
    expect(normalizeVnPhone(null)).toBeNull();
  });

  it("forbids ZBS from 22:00 to 06:00 Hà Nội time and counts quota per local day", () => {
    const at = (utc: string) => msUntilZbsAllowed(new Date(utc));
    expect(at("2026-11-24T14:59:59Z")).toBe(0); // 21:59:59
    expect(at("2026-11-24T15:00:00Z")).toBe(8 * 3_600_000); // 22:00 → 06:00
    expect(at("2026-11-24T17:30:00Z")).toBe(5.5 * 3_600_000); // 00:30 → 06:00
    expect(at("2026-11-24T23:00:00Z")).toBe(0); // 06:00
    expect(vnDay(new Date("2026-11-24T17:30:00Z"))).toBe("2026-11-25");
  });
});
