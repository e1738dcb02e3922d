import { describe, expect, it } from "vitest";
import type { Obligation } from "../../src/domain/plan";
import { translator } from "../../src/i18n/index";
import { describeAudience, describeDue, describeQuota, describeReminders } from "../../src/plan/index";
import { DEFAULT_LADDER } from "../../src/plan/presets/common";

const vi = translator("vi");
const en = translator("en");
type Timing = Pick<Obligation, "due" | "period" | "alert">;
const monthly = (due: Obligation["due"]): Timing => ({
  due,
  period: { cadence: "monthly" },
  alert: undefined,
});

describe("plans in plain words", () => {
  it.each<[Timing, string]>([
    [
      monthly({ rule: "before_day_of_month", day: 25, holiday_policy: "roll_back" }),
      "trước ngày 25 hằng tháng (hạn 23:59 ngày 24), lùi về ngày làm việc trước nếu trùng ngày nghỉ",
    ],
    [
      monthly({
        rule: "before_day_of_month",
        day: 5,
        month_offset: 1,
        time: "17:00",
        holiday_policy: "none",
      }),
      "trước ngày 5 của tháng liền sau kỳ báo cáo (hạn 17:00 ngày 4)",
    ],
    [
      monthly({ rule: "day_of_month", day: -1, holiday_policy: "roll_forward" }),
      "chậm nhất ngày cuối tháng hằng tháng (hạn 23:59), dời sang ngày làm việc kế tiếp nếu trùng ngày nghỉ",
    ],
    [
      {
        due: { rule: "end_of_period", offset_days: 2, working_days: true, holiday_policy: "none" },
        period: { cadence: "quarterly", cutoff_day: 15 },
        alert: undefined,
      },
      "2 ngày làm việc sau khi hết kỳ báo cáo (hạn 23:59)",
    ],
    [
      {
        due: { rule: "fixed_date", month: 11, day: 30, before: true, holiday_policy: "roll_back" },
        period: { cadence: "fixed_annual" },
        alert: undefined,
      },
      "trước ngày 30/11 hằng năm (hạn 23:59 ngày 29/11), lùi về ngày làm việc trước nếu trùng ngày nghỉ",
    ],
    [
      {
        due: {
          rule: "school_milestone",
          milestone: "hk1_end",
          offset_days: 1,
          working_days: true,
          holiday_policy: "none",
        },
        period: { cadence: "school_year" },
        alert: undefined,
      },
      "1 ngày làm việc sau kết thúc học kỳ I (hạn 23:59)",
    ],
    [
      {
        due: { rule: "none", holiday_policy: "none" },
        period: { cadence: "anytime" },
        alert: { sla_hours: 4, notify: ["office"] },
      },
      "không có hạn theo lịch; báo cáo trong vòng 4 giờ kể từ khi phát hiện vụ việc",
    ],
  ])("due rule %#", (timing, words) => {
    expect(describeDue(timing, vi)).toBe(words);
  });

  it("English too", () => {
    expect(
      describeDue(monthly({ rule: "before_day_of_month", day: 25, holiday_policy: "roll_back" }), en),
    ).toBe(
      "before day 25 of each month (due 23:59 on day 24), moved back to the previous working day if it falls on a day off",
    );
  });

  it("audience, quota and reminder ladder", () => {
    expect(
      describeAudience({ kinds: ["school", "center"], levels: ["thpt", "gdtx"], exclude_units: ["T01"] }, vi),
    ).toBe("trường học (THPT, GDTX), trung tâm (GDNN-GDTX…); trừ: T01");
    expect(
      describeQuota({ target: 8, counts: { vi: "bài báo" }, channels: ["press"] }, "calendar_year", "vi", vi),
    ).toBe("ít nhất 8 bài báo mỗi năm trên báo chí, đài phát thanh – truyền hình");
    expect(describeReminders(DEFAULT_LADDER, vi)).toBe(
      "nhắc cán bộ truyền thông và thủ trưởng đơn vị: trước hạn 5 và 2 ngày làm việc; ngày hạn lúc 09:00; quá hạn 1 và 3 ngày làm việc; quá hạn 3 ngày làm việc thì báo lãnh đạo đơn vị cấp trên; quá hạn 5 ngày làm việc thì báo Văn phòng Sở",
    );
  });
});
