/**
 * Sở GD&ĐT Hòa Bình, Kế hoạch thông tin, tuyên truyền về GD&ĐT năm 2025 (01/2025). Hòa Bình merged
 * into Phú Thọ on 01/7/2025; the plan is kept for its obligations (O4, O5, O6 in DOMAIN §3.1).
 */
import type { Audience, Plan } from "../../domain/plan";
import { DEFAULT_LADDER, DEFAULT_WINDOW, obligation, SEED_HOABINH_2025 as SEED, tx } from "./common";
import { monthlyReportForm, reviewForm } from "./forms";
import { HOABINH_TOPICS } from "./hoabinh-topics";
import { contactsObligation, incidentObligation } from "./shared";

const at = (section: string) => `${SEED} ${section}`;
/** "Các đơn vị, trường học trực thuộc Sở": upper-secondary and continuing-education schools, centres. */
const UNDER_SO: Audience = { kinds: ["school", "center"], levels: ["thpt", "gdtx"] };
const PHONG: Audience = { kinds: ["district_office"] };
const PHONG_AND_UNITS: Audience = {
  kinds: ["district_office", "school", "center"],
  levels: ["thpt", "gdtx"],
};
/** Yearly quotas: nudges well ahead of the year's end, then after it. */
const ANNUAL_QUOTA_LADDER = { ...DEFAULT_LADDER, before_working_days: [60, 20, 5] };

export const hoabinh2025: Plan = {
  id: "hoabinh-2025",
  title: tx(
    "Kế hoạch thông tin, tuyên truyền về GD&ĐT tỉnh Hòa Bình năm 2025",
    "Hòa Bình education communications plan 2025",
  ),
  source: {
    seed: SEED,
    issuer: "Sở GD&ĐT Hòa Bình",
    note: "Ban hành tháng 01/2025. Kênh của Sở: Trang thông tin điện tử, Fanpage, Zalo OA. Liên hệ: Văn phòng Sở. Tỉnh Hòa Bình hợp nhất vào Phú Thọ từ 01/7/2025.",
  },
  valid_from: "2025-01-01",
  valid_to: "2025-12-31",
  calendar: "vn",
  calendar_kind: "office",
  sending_window: DEFAULT_WINDOW,
  max_reminders_per_person_per_day: 2,
  topics: HOABINH_TOPICS,
  obligations: [
    obligation({
      code: "MONTHLY_REPORT",
      kind: "report",
      name: tx("Báo cáo tháng kết quả công tác truyền thông", "Monthly communications report"),
      description: tx(
        'Phòng GD&ĐT và các đơn vị, trường học trực thuộc báo cáo kết quả thực hiện kế hoạch truyền thông theo chế độ báo cáo hằng tháng, kèm tình hình dư luận và kết quả xử lý. Kế hoạch không nêu ngày: "trước ngày 25" là mặc định của baocao.',
        'District offices and units under the Sở report monthly on their communications work, with public-opinion issues and their handling. The plan gives no day: "before the 25th" is baocao\'s default.',
      ),
      source: at("§III.3"),
      audience: PHONG_AND_UNITS,
      period: { cadence: "monthly" },
      due: { rule: "before_day_of_month", day: 25, holiday_policy: "roll_back" },
      nil_report: false,
      form: monthlyReportForm({ counts: true, evidence: "optional" }),
    }),
    obligation({
      code: "SEMESTER_REVIEW",
      kind: "report",
      name: tx("Báo cáo sơ kết học kỳ I công tác truyền thông", "Semester I communications review"),
      description: tx(
        "Báo cáo sơ kết học kỳ theo chế độ báo cáo của kế hoạch; hạn 5 ngày làm việc sau khi kết thúc học kỳ I là mặc định của baocao (Sở thông báo ngày cụ thể hằng năm).",
        "Semester review; due 5 working days after semester I ends by default (the Sở sets the date each year).",
      ),
      source: at("§III.3"),
      audience: PHONG_AND_UNITS,
      period: { cadence: "school_year" },
      due: {
        rule: "school_milestone",
        milestone: "hk1_end",
        offset_days: 5,
        working_days: true,
        holiday_policy: "roll_forward",
      },
      form: reviewForm("optional"),
    }),
    obligation({
      code: "YEAR_END",
      kind: "report",
      name: tx("Báo cáo tổng kết năm học công tác truyền thông", "Year-end communications review"),
      source: at("§III.3"),
      audience: PHONG_AND_UNITS,
      period: { cadence: "school_year" },
      due: { rule: "school_milestone", milestone: "end", offset_days: 0, holiday_policy: "roll_back" },
      form: reviewForm("optional"),
    }),
    obligation({
      code: "EVIDENCE_UNITS",
      kind: "report",
      name: tx(
        "Báo cáo và minh chứng kết quả công tác truyền thông (đơn vị trực thuộc Sở)",
        "Report with evidence (units under the Sở)",
      ),
      description: tx(
        "Gửi báo cáo và minh chứng kết quả thực hiện công tác truyền thông về Văn phòng Sở trước ngày 31/5 (đối với các đơn vị, trường học trực thuộc Sở).",
        "Send the report and evidence of communications work to the Sở office before 31 May (units and schools under the Sở).",
      ),
      source: at("§III.3"),
      audience: UNDER_SO,
      period: { cadence: "fixed_annual", year: "school_year" },
      due: { rule: "fixed_date", month: 5, day: 31, before: true, holiday_policy: "roll_back" },
      evidence_required: true,
      form: reviewForm("required"),
    }),
    obligation({
      code: "EVIDENCE_PHONG",
      kind: "report",
      name: tx(
        "Báo cáo và minh chứng kết quả công tác truyền thông (Phòng GD&ĐT)",
        "Report with evidence (district offices)",
      ),
      description: tx(
        "Phòng GD&ĐT các huyện, thành phố gửi báo cáo và minh chứng kết quả thực hiện công tác truyền thông về Văn phòng Sở trước ngày 30/11.",
        "District offices send the report and evidence of communications work to the Sở office before 30 November.",
      ),
      source: at("§III.3"),
      audience: PHONG,
      period: { cadence: "fixed_annual", year: "calendar_year" },
      due: { rule: "fixed_date", month: 11, day: 30, before: true, holiday_policy: "roll_back" },
      evidence_required: true,
      form: reviewForm("required"),
    }),
    obligation({
      code: "GUONG_DIEN_HINH",
      kind: "quota",
      name: tx(
        "Mô hình, gương điển hình, người tốt việc tốt gửi Văn phòng Sở",
        "Exemplary models and stories sent to the Sở office",
      ),
      description: tx(
        "Cung cấp thông tin giới thiệu các mô hình, nhân tố điển hình, hoạt động đổi mới sáng tạo, tấm gương người tốt việc tốt gửi Văn phòng Sở ít nhất 1 lần/tháng.",
        "Send the Sở office exemplary models, innovations and good deeds at least once a month.",
      ),
      source: at("§III.3"),
      audience: PHONG_AND_UNITS,
      period: { cadence: "monthly" },
      due: { rule: "end_of_period", holiday_policy: "roll_back" },
      quota: {
        target: 1,
        counts: tx("tin về mô hình, gương điển hình", "exemplary stories"),
        article_kind: "exemplary",
      },
    }),
    obligation({
      code: "PRESS_PHONG",
      kind: "quota",
      name: tx("Bài tuyên truyền trên báo chí, đài (Phòng GD&ĐT)", "Press articles (district offices)"),
      description: tx(
        "Phối hợp với cơ quan báo chí Trung ương, Đài PT-TH tỉnh, Báo Hòa Bình tuyên truyền kết quả nổi bật: tối thiểu 8 bài/năm đối với Phòng GD&ĐT.",
        "With national media, the provincial broadcaster and Báo Hòa Bình: at least 8 articles a year per district office.",
      ),
      source: at("§III.3"),
      audience: PHONG,
      period: { cadence: "calendar_year" },
      due: { rule: "end_of_period", holiday_policy: "roll_back" },
      quota: { target: 8, counts: tx("bài báo, phóng sự", "press articles"), channels: ["press"] },
      reminders: ANNUAL_QUOTA_LADDER,
    }),
    obligation({
      code: "PRESS_UNIT",
      kind: "quota",
      name: tx(
        "Bài tuyên truyền trên báo chí, đài (đơn vị, trường học trực thuộc)",
        "Press articles (units under the Sở)",
      ),
      description: tx(
        "Tối thiểu 2 bài/năm đối với đơn vị, trường học trực thuộc.",
        "At least 2 articles a year per unit or school under the Sở.",
      ),
      source: at("§III.3"),
      audience: UNDER_SO,
      period: { cadence: "calendar_year" },
      due: { rule: "end_of_period", holiday_policy: "roll_back" },
      quota: { target: 2, counts: tx("bài báo, phóng sự", "press articles"), channels: ["press"] },
      reminders: ANNUAL_QUOTA_LADDER,
    }),
    incidentObligation(at("§III.3; §III.1"), PHONG_AND_UNITS),
    contactsObligation(at("§III.3; §III.2; §I.3"), {
      kinds: ["division", "district_office", "school", "center"],
      levels: ["thpt", "gdtx"],
    }),
  ],
};
