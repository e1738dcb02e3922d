/**
 * A Sở after the 2025 reform (DOMAIN §1): no district Phòng; schools and centres report directly
 * to the Sở; commune offices (Phòng Văn hóa – Xã hội) and professional clusters consolidate for
 * their schools and are escalated to. The obligations combine the five seed plans, re-mapped:
 * Phòng → commune office or cluster; the defunct district Fanpage → the school's own channels.
 * The Phòng's press quota (8/year) has no successor (DOMAIN §7) and is left out.
 */
import type { Audience, Plan } from "../../domain/plan";
import {
  DEFAULT_LADDER,
  DEFAULT_WINDOW,
  obligation,
  SEED_BADINH_2024,
  SEED_HAIPHONG_2021,
  SEED_HANOI_2017,
  SEED_HOABINH_2025,
  SEED_KIMTHANH_2024,
  tx,
  WEEKLY_QUOTA_LADDER,
} from "./common";
import { consolidatedForm, monthlyReportForm, reviewForm } from "./forms";
import { HOABINH_TOPICS } from "./hoabinh-topics";
import { contactsObligation, incidentObligation, officeReports } from "./shared";

const UNITS: Audience = { kinds: ["school", "center"] };
const UNITS_AND_COMMUNES: Audience = { kinds: ["school", "center", "commune_office"] };
/** Schools escalate to their cluster head first, then to the Văn phòng Sở. */
const SCHOOL_LADDER = {
  ...DEFAULT_LADDER,
  escalate: [
    { after_working_days: 3, to: "cluster_head" as const },
    { after_working_days: 5, to: "office" as const },
  ],
};

export const modern: Plan = {
  id: "modern",
  title: tx(
    "Kế hoạch truyền thông mẫu của Sở GD&ĐT sau sắp xếp 2025",
    "Model communications plan for a Sở after the 2025 reform",
  ),
  source: {
    seed: [SEED_HANOI_2017, SEED_KIMTHANH_2024, SEED_BADINH_2024, SEED_HAIPHONG_2021, SEED_HOABINH_2025].join(
      ", ",
    ),
    issuer: "baocao (mẫu tổng hợp từ năm kế hoạch nguồn)",
    note: "Trường học và trung tâm báo cáo trực tiếp về Sở; Phòng Văn hóa – Xã hội xã/phường và cụm chuyên môn tổng hợp, được báo khi đơn vị chậm. Các ngày hạn không có trong kế hoạch nguồn là mặc định của baocao, Sở sửa được.",
  },
  calendar: "vn",
  calendar_kind: "school",
  sending_window: DEFAULT_WINDOW,
  max_reminders_per_person_per_day: 2,
  topics: HOABINH_TOPICS,
  obligations: [
    obligation({
      code: "DL_MONTHLY",
      kind: "report",
      name: tx(
        "Báo cáo tháng công tác truyền thông và tình hình dư luận",
        "Monthly communications and public-opinion report",
      ),
      description: tx(
        "Trước ngày 25 hằng tháng, trường học và trung tâm báo cáo về Sở: số tin bài theo từng kênh, tình hình dư luận quan tâm và kết quả xử lý, khó khăn và đề xuất.",
        "Before the 25th of each month, schools and centres report to the Sở: articles per channel, public-opinion issues and their handling, difficulties and proposals.",
      ),
      source: `${SEED_HANOI_2017} §V.8; ${SEED_HOABINH_2025} §III.3`,
      audience: UNITS,
      period: { cadence: "monthly" },
      due: { rule: "before_day_of_month", day: 25, holiday_policy: "roll_back" },
      form: monthlyReportForm({ counts: true, evidence: "optional" }),
      reminders: SCHOOL_LADDER,
    }),
    obligation({
      code: "DL_CONSOLIDATED",
      kind: "report",
      name: tx(
        "Báo cáo tổng hợp dư luận của xã/phường và cụm chuyên môn",
        "Consolidated public-opinion report (communes and clusters)",
      ),
      description: tx(
        "Phòng Văn hóa – Xã hội xã/phường (thay Phòng GD&ĐT cũ) và cụm chuyên môn tổng hợp tình hình dư luận của các trường trên địa bàn, gửi Sở trước cuối tháng.",
        "Commune offices (successors of the district offices) and clusters consolidate their schools' public-opinion issues for the Sở by the end of the month.",
      ),
      source: `${SEED_KIMTHANH_2024} §IV.1; ${SEED_BADINH_2024} §III.1`,
      audience: { kinds: ["commune_office", "cluster"] },
      period: { cadence: "monthly" },
      due: { rule: "end_of_period", holiday_policy: "roll_back" },
      nil_report: true,
      form: consolidatedForm(),
      reminders: { ...DEFAULT_LADDER, escalate: [{ after_working_days: 3, to: "office" }] },
    }),
    obligation({
      code: "WEB_SO_QUOTA",
      kind: "quota",
      name: tx(
        "Tin, bài của phòng chuyên môn trên trang thông tin điện tử Sở",
        "Division articles on the Sở website",
      ),
      source: `${SEED_HAIPHONG_2021} §III.2`,
      audience: { kinds: ["division"] },
      period: { cadence: "monthly" },
      due: { rule: "end_of_period", holiday_policy: "none" },
      quota: { target: 2, counts: tx("tin, bài", "articles"), channels: ["so_website"] },
      reminders: {
        ...DEFAULT_LADDER,
        before_working_days: [10, 3],
        escalate: [{ after_working_days: 3, to: "office" }],
      },
    }),
    obligation({
      code: "WEEKLY_ARTICLE",
      kind: "quota",
      name: tx("Tin bài hay của trường mỗi tuần", "A good school article every week"),
      description: tx(
        "Mỗi trường đăng tối thiểu 01 tin bài hay, tiêu biểu mỗi tuần trên kênh của trường (website, Fanpage, Zalo OA) và khai báo đường link; Fanpage cấp quận trong kế hoạch nguồn không còn.",
        "Each school publishes at least one good article a week on its own channels and declares the link; the district Fanpage of the source plan no longer exists.",
      ),
      source: `${SEED_BADINH_2024} §III.2`,
      audience: { kinds: ["school"] },
      period: { cadence: "weekly" },
      due: { rule: "end_of_period", holiday_policy: "none" },
      quota: { target: 1, counts: tx("tin bài", "articles"), channels: ["website", "fanpage", "zalo_oa"] },
      reminders: WEEKLY_QUOTA_LADDER,
    }),
    obligation({
      code: "GUONG_DIEN_HINH",
      kind: "quota",
      name: tx("Mô hình, gương điển hình gửi Văn phòng Sở", "Exemplary stories sent to the Sở office"),
      source: `${SEED_HOABINH_2025} §III.3; ${SEED_HANOI_2017} §V.5; ${SEED_KIMTHANH_2024} §IV`,
      audience: UNITS_AND_COMMUNES,
      period: { cadence: "monthly" },
      due: { rule: "end_of_period", holiday_policy: "roll_back" },
      quota: {
        target: 1,
        counts: tx("tin về mô hình, gương điển hình", "exemplary stories"),
        article_kind: "exemplary",
      },
    }),
    obligation({
      code: "PRESS_UNIT",
      kind: "quota",
      name: tx("Bài tuyên truyền trên báo chí, đài phát thanh – truyền hình", "Press, radio and TV articles"),
      description: tx(
        "Tối thiểu 2 bài/năm học mỗi trường, trung tâm. Kế hoạch nguồn tính theo năm; baocao dùng năm học cho khớp kỳ báo cáo của trường (Sở sửa được).",
        "At least 2 a school year per school or centre. The source plan counts per year; baocao uses the school year (editable).",
      ),
      source: `${SEED_HOABINH_2025} §III.3`,
      audience: UNITS,
      period: { cadence: "school_year" },
      due: { rule: "school_milestone", milestone: "end", offset_days: 0, holiday_policy: "roll_back" },
      quota: { target: 2, counts: tx("bài báo, phóng sự", "press articles"), channels: ["press"] },
      reminders: { ...DEFAULT_LADDER, before_working_days: [60, 20, 5] },
    }),
    obligation({
      code: "EVIDENCE_ANNUAL",
      kind: "report",
      name: tx("Báo cáo và minh chứng kết quả công tác truyền thông năm học", "Annual report with evidence"),
      source: `${SEED_HOABINH_2025} §III.3`,
      audience: UNITS,
      period: { cadence: "fixed_annual", year: "school_year" },
      due: { rule: "fixed_date", month: 5, day: 31, before: true, holiday_policy: "roll_back" },
      evidence_required: true,
      form: reviewForm("required"),
      reminders: SCHOOL_LADDER,
    }),
    obligation({
      code: "SEMESTER_REVIEW",
      kind: "report",
      name: tx("Báo cáo sơ kết học kỳ I công tác truyền thông", "Semester I communications review"),
      source: `${SEED_HOABINH_2025} §III.3`,
      audience: UNITS_AND_COMMUNES,
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
      source: `${SEED_HOABINH_2025} §III.3`,
      audience: UNITS_AND_COMMUNES,
      period: { cadence: "school_year" },
      due: { rule: "school_milestone", milestone: "end", offset_days: 0, holiday_policy: "roll_back" },
      form: reviewForm("optional"),
    }),
    incidentObligation(
      `${SEED_HAIPHONG_2021} §III.1; ${SEED_BADINH_2024} §III.3; ${SEED_KIMTHANH_2024} §IV`,
      {
        kinds: ["school", "center", "commune_office", "cluster", "division"],
      },
    ),
    contactsObligation(`${SEED_HAIPHONG_2021} §III.3; ${SEED_HOABINH_2025} §III.3, §I.3`, {
      kinds: ["school", "center", "commune_office", "division"],
    }),
    ...officeReports(`${SEED_HAIPHONG_2021} §III.1`),
  ],
};
