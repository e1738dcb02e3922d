/**
 * A long missing list stays a readable chat message: at most MAX_UNITS_IN_CHAT units, then how many
 * more and where the full list is (the Văn phòng's "Tải Excel" and CLI; overseers are told it is cut).
 */
import { describe, expect, it } from "vitest";
import type { MissingEntry, MissingReport } from "../../src/bot/status/missing";
import { MAX_UNITS_IN_CHAT, renderMissing } from "../../src/bot/status/missing-render";
import { renderText } from "../../src/channels/render";
import type { StoredUnit } from "../../src/db/units";
import type { Plan } from "../../src/domain/plan";
import { scheduledPeriodFor } from "../../src/domain/schedule";
import { workingDays } from "../../src/domain/workdays";
import { translator } from "../../src/i18n/index";
import { getPreset, loadCalendar } from "../../src/plan/index";

const t = translator("vi");
const line: StoredUnit = {
  id: "u-so",
  code: "SO",
  name: "Sở Giáo dục và Đào tạo",
  shortName: null,
  kind: "so",
  levels: [],
  parentId: null,
  reportsToId: null,
  validFrom: null,
  validTo: null,
  phone: null,
  email: null,
};
const school = (i: number): MissingEntry => ({
  unit: {
    ...line,
    id: `u-${i}`,
    code: `TH-${1000 + i}`,
    name: `Trường Tiểu học số ${i}`,
    kind: "school",
    parentId: "u-so",
  },
  line,
  status: "overdue",
  daysLate: 3,
  contacts: [],
});

async function report(count: number): Promise<MissingReport> {
  const plan = getPreset("modern") as Plan;
  const obligation = plan.obligations.find((o) => o.code === "DL_MONTHLY");
  const calendar = await loadCalendar(plan.calendar);
  if (!obligation || !calendar.ok) throw new Error("modern preset");
  const wd = workingDays(calendar.calendar, plan.calendar_kind);
  const scheduled = scheduledPeriodFor(obligation, calendar.calendar, wd, "2026-11");
  if (!scheduled.ok) throw new Error("2026-11");
  return {
    obligation,
    scheduled: scheduled.value,
    total: count + 10,
    missing: Array.from({ length: count }, (_, i) => school(i + 1)),
  };
}

const rc = { t, lang: "vi" as const, title: "Cô" };

describe("a long missing list in the chat", () => {
  it("lists at most MAX_UNITS_IN_CHAT units, then says how many more and offers the Excel file", async () => {
    const reply = renderMissing(await report(MAX_UNITS_IN_CHAT + 25), rc, true, false);
    const text = renderText({ lang: "vi", ...reply }, t);
    expect(text).toContain(`Trường Tiểu học số ${MAX_UNITS_IN_CHAT}`);
    expect(text).not.toContain(`Trường Tiểu học số ${MAX_UNITS_IN_CHAT + 1}`);
    expect(text).toContain(t("missing:moreOffice", { count: 25 }));
    expect(reply.buttons?.map((b) => b.payload)).toContain("xlsx:DL_MONTHLY:2026-11");
  });

  it("an overseer's long list is cut the same way, without the office's buttons", async () => {
    const reply = renderMissing(await report(MAX_UNITS_IN_CHAT + 1), rc, false, false);
    const text = renderText({ lang: "vi", ...reply }, t);
    expect(text).toContain(t("missing:more", { count: 1 }));
    expect(reply.buttons).toBeUndefined();
  });

  it("a list that fits is whole, with no 'more' line", async () => {
    const reply = renderMissing(await report(MAX_UNITS_IN_CHAT), rc, true, false);
    const text = renderText({ lang: "vi", ...reply }, t);
    expect(text).toContain(`Trường Tiểu học số ${MAX_UNITS_IN_CHAT}`);
    expect(text).not.toContain("đơn vị khác chưa nộp");
  });
});
