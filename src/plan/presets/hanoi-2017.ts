/**
 * Sở GD&ĐT Hà Nội, Kế hoạch truyền thông năm học 2017-2018 và các năm tiếp theo (02/11/2017).
 * Legacy org chart: district Phòng GD&ĐT (district_office) still exist in this plan.
 */
import type { Plan } from "../../domain/plan";
import { DEFAULT_WINDOW, obligation, SEED_HANOI_2017 as SEED, tx } from "./common";
import { monthlyReportForm } from "./forms";
import { contactsObligation, incidentObligation } from "./shared";

const at = (section: string) => `${SEED} ${section}`;

export const hanoi2017: Plan = {
  id: "hanoi-2017",
  title: tx("Kế hoạch truyền thông về GD&ĐT Hà Nội (2017)", "Hà Nội education communications plan (2017)"),
  source: {
    seed: SEED,
    issuer: "Sở GD&ĐT Hà Nội",
    issued_on: "2017-11-02",
    note: "Năm học 2017-2018 và các năm tiếp theo; báo cáo trực tuyến qua truyenthong.hanoi.edu.vn (§V.8).",
  },
  calendar: "ha-noi",
  calendar_kind: "office",
  sending_window: DEFAULT_WINDOW,
  max_reminders_per_person_per_day: 2,
  topics: [
    {
      code: "HN_MN",
      name: tx("Công tác giáo dục Mầm non", "Preschool education"),
      lead: "Phòng Giáo dục Mầm non",
    },
    {
      code: "HN_PT",
      name: tx("Công tác giáo dục Tiểu học, THCS, THPT", "Primary and secondary education"),
      lead: "Phòng Giáo dục phổ thông",
    },
    {
      code: "HN_GDTX",
      name: tx("Công tác giáo dục thường xuyên, chuyên nghiệp", "Continuing and professional education"),
      lead: "Phòng GDTX-GDCN",
    },
    {
      code: "HN_TCCB",
      name: tx("Công tác tổ chức cán bộ", "Personnel and organisation"),
      lead: "Phòng Tổ chức cán bộ",
    },
    {
      code: "HN_KHTC",
      name: tx("Công tác cơ sở vật chất và kế hoạch tài chính", "Facilities, planning and finance"),
      lead: "Phòng Kế hoạch tài chính",
    },
    {
      code: "HN_CTTT",
      name: tx("Công tác giáo dục chính trị tư tưởng", "Political and ethical education"),
      lead: "Phòng Chính trị tư tưởng",
    },
    {
      code: "HN_KT",
      name: tx("Công tác thi và kiểm định chất lượng giáo dục", "Examinations and quality assurance"),
      lead: "Phòng Quản lý thi và kiểm định chất lượng",
    },
    { code: "HN_TT", name: tx("Công tác thanh tra, kiểm tra", "Inspection"), lead: "Thanh tra Sở" },
  ],
  obligations: [
    obligation({
      code: "DL_MONTHLY",
      kind: "report",
      name: tx(
        "Báo cáo tình hình dư luận quan tâm và kết quả xử lý",
        "Monthly report on public opinion and its handling",
      ),
      description: tx(
        "Định kỳ trước ngày 25 hằng tháng, báo cáo trực tuyến về Sở tình hình dư luận quan tâm tới hoạt động GD&ĐT và kết quả xử lý tại đơn vị, để Sở tổng hợp báo cáo Bộ GD&ĐT và UBND Thành phố.",
        "Before the 25th of each month, report online to the Sở on public opinion about education and how the unit handled it; the Sở consolidates for the Ministry and the city.",
      ),
      source: at("§V.8"),
      // "Các phòng thuộc Sở, các Phòng GD&ĐT quận, huyện, thị xã, các đơn vị trực thuộc Sở" (THPT, centres).
      audience: { kinds: ["division", "district_office", "school", "center"], levels: ["thpt", "gdtx"] },
      period: { cadence: "monthly" },
      due: { rule: "before_day_of_month", day: 25, holiday_policy: "roll_back" },
      nil_report: true,
      form: monthlyReportForm({ counts: false, evidence: "optional" }),
    }),
    obligation({
      code: "WEB_ARTICLES_MONTHLY",
      kind: "report",
      name: tx(
        "Báo cáo số lượng tin bài trên website ngành",
        "Monthly count of articles on the sector website",
      ),
      description: tx(
        "Văn phòng Sở quản lý lượng tin bài đăng lên website ngành (hanoi.edu.vn) và báo cáo định kỳ trong giao ban hằng tháng.",
        "The Sở office tracks the articles posted on the sector website (hanoi.edu.vn) and reports at the monthly briefing.",
      ),
      source: at("§V.1"),
      audience: { kinds: ["office"] },
      submit_to: { relation: "parent" },
      period: { cadence: "monthly" },
      due: { rule: "end_of_period", holiday_policy: "roll_back" },
      form: {
        version: 1,
        questions: [
          {
            id: "articles_so_website",
            type: "integer",
            label: tx(
              "Số tin, bài đăng trên website ngành trong tháng",
              "Articles on the sector website this month",
            ),
            required: true,
            min: 0,
            max: 10000,
          },
          {
            id: "articles_by_units",
            type: "integer",
            label: tx(
              "Trong đó, số tin bài do các đơn vị, cộng tác viên gửi",
              "Of which sent by units and contributors",
            ),
            required: true,
            min: 0,
            max: 10000,
          },
          {
            id: "notes",
            type: "long_text",
            label: tx("Nhận xét, đề xuất", "Notes and proposals"),
            required: false,
            max: 3000,
          },
        ],
      },
      reminders: {
        recipients: ["office_staff"],
        before_working_days: [2],
        due_day_at: "09:00",
        after_working_days: [1],
        escalate: [],
      },
    }),
    obligation({
      code: "GUONG_DIEN_HINH",
      kind: "quota",
      name: tx(
        "Cung cấp thông tin nhân tố điển hình, người tốt việc tốt",
        "Exemplary people and good deeds sent to the Sở",
      ),
      description: tx(
        "Phòng GD&ĐT gửi về Văn phòng Sở thông tin giới thiệu nhân tố điển hình, hoạt động đổi mới sáng tạo, tấm gương người tốt việc tốt. Kế hoạch không nêu số lượng: chỉ tiêu 1 tin mỗi học kỳ là mặc định của baocao.",
        "District offices send the Sở office stories of exemplary people and innovations. The plan gives no number: one per semester is baocao's default.",
      ),
      source: at("§V.5"),
      audience: { kinds: ["district_office"] },
      period: { cadence: "semester" },
      due: { rule: "end_of_period", holiday_policy: "roll_back" },
      quota: {
        target: 1,
        counts: tx("tin về gương điển hình", "exemplary stories"),
        article_kind: "exemplary",
      },
    }),
    incidentObligation(at("§V.5; §I.2"), { kinds: ["district_office", "school", "center"] }),
    contactsObligation(at("§V.6"), { kinds: ["school", "center"] }),
  ],
};
