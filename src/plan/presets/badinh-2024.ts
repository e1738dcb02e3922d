/**
 * Phòng GD&ĐT quận Ba Đình (Hà Nội), Kế hoạch truyền thông về GD&ĐT năm 2024. The district
 * Fanpage/Group that the weekly quota targets is defunct since 01/7/2025 (DOMAIN §7).
 */
import type { Plan } from "../../domain/plan";
import {
  DEFAULT_LADDER,
  DEFAULT_WINDOW,
  obligation,
  SEED_BADINH_2024 as SEED,
  tx,
  WEEKLY_QUOTA_LADDER,
} from "./common";
import { consolidatedForm } from "./forms";
import { incidentObligation } from "./shared";

const at = (section: string) => `${SEED} ${section}`;

export const badinh2024: Plan = {
  id: "badinh-2024",
  title: tx(
    "Kế hoạch truyền thông về GD&ĐT năm 2024 – Phòng GD&ĐT Ba Đình",
    "Ba Đình district education communications plan 2024",
  ),
  source: {
    seed: SEED,
    issuer: "Phòng GD&ĐT quận Ba Đình (Hà Nội)",
    note: 'Thực hiện Kế hoạch 612/KH-SGDĐT ngày 4/3/2024 của Sở GD&ĐT Hà Nội. Kênh: badinh.edu.vn, Fanpage và Group "Giáo dục Ba Đình", website các trường. Quận Ba Đình không còn từ 01/7/2025.',
  },
  valid_from: "2024-01-01",
  valid_to: "2024-12-31",
  calendar: "ha-noi",
  calendar_kind: "office",
  sending_window: DEFAULT_WINDOW,
  max_reminders_per_person_per_day: 2,
  topics: [
    {
      code: "BD_CS",
      name: tx("Chủ trương, chính sách, pháp luật về GD&ĐT; Luật Giáo dục 2019", "Education policy and law"),
    },
    {
      code: "BD_NQ29",
      name: tx(
        "Kết quả đổi mới căn bản, toàn diện GD&ĐT (Nghị quyết 29-NQ/TW)",
        "Results of the education reform (Resolution 29)",
      ),
    },
    {
      code: "BD_GDPT",
      name: tx(
        "Chương trình GDPT 2018; chỉ đạo của Trung ương, Thành phố, Quận; chuyển đổi số",
        "The 2018 curriculum, directives, digital transformation",
      ),
    },
    {
      code: "BD_TS",
      name: tx(
        "Tuyển sinh đầu cấp, tốt nghiệp, hướng nghiệp; chiến lược 2021-2030",
        "Admissions, graduation, guidance",
      ),
    },
    {
      code: "BD_DN",
      name: tx(
        "Sắp xếp đội ngũ, hội nhập quốc tế; nhân tố điển hình, người tốt việc tốt",
        "Staff, international cooperation, exemplary people",
      ),
    },
    {
      code: "BD_KNS",
      name: tx(
        "Đạo đức, kỹ năng sống; trường học hạnh phúc, thông minh; STEM; an toàn trường học",
        "Values, happy and smart schools, STEM, safety",
      ),
    },
    {
      code: "BD_TD",
      name: tx(
        "Phong trào thi đua, cuộc vận động; Đề án 06 về dữ liệu dân cư",
        "Emulation movements; Project 06",
      ),
    },
  ],
  obligations: [
    obligation({
      code: "FANPAGE_WEEKLY",
      kind: "quota",
      name: tx(
        "Tin bài hay của trường đăng Fanpage và Group ngành GD&ĐT quận",
        "Weekly standout article for the district Fanpage and Group",
      ),
      description: tx(
        "Ban biên tập cơ sở chọn tối thiểu 01 tin bài hay, tiêu biểu của trường mỗi tuần để đăng trên Fanpage và Group Ngành GD&ĐT quận; với tin bài tiêu biểu, trường gửi đường link về Phòng (pgd@badinhedu.vn) để đăng trên Cổng thông tin điện tử Ngành. Mỗi tin bài khai báo trong baocao kèm đường link.",
        "Each school picks at least one good article a week for the district Fanpage and Group, and sends the links of standout ones to the district office for the sector portal. Each article is declared in baocao with its link.",
      ),
      source: at("§III.2 (Tổ chức thực hiện, mục 2)"),
      audience: { kinds: ["school"], levels: ["mn", "th", "thcs"] },
      submit_to: { relation: "reports_to" },
      period: { cadence: "weekly" },
      due: { rule: "end_of_period", holiday_policy: "none" },
      quota: { target: 1, counts: tx("tin bài hay, tiêu biểu", "standout articles"), channels: ["fanpage"] },
      reminders: WEEKLY_QUOTA_LADDER,
    }),
    obligation({
      code: "DL_DISTRICT_MONTHLY",
      kind: "report",
      name: tx(
        "Báo cáo tổng hợp tình hình dư luận hằng tháng của Phòng",
        "District monthly report on public opinion",
      ),
      description: tx(
        'Định kỳ hằng tháng Phòng gửi báo cáo tổng hợp về tình hình dư luận quan tâm tới hoạt động GD&ĐT của quận và kết quả xử lý, báo cáo UBND quận và Sở GD&ĐT. Hạn "trước ngày 25" theo chế độ báo cáo của Sở GD&ĐT Hà Nội (Kế hoạch 2017, §V.8).',
        "Each month the district office reports on public opinion and its handling to the district People's Committee and the Sở. The \"before the 25th\" deadline follows the Hà Nội Sở's reporting rule (2017 plan, §V.8).",
      ),
      source: at("§III.1 (Tổ chức thực hiện, mục 1)"),
      audience: { kinds: ["district_office"] },
      submit_to: { relation: "office" },
      period: { cadence: "monthly" },
      due: { rule: "before_day_of_month", day: 25, holiday_policy: "roll_back" },
      nil_report: true,
      form: consolidatedForm(),
      reminders: { ...DEFAULT_LADDER, escalate: [{ after_working_days: 3, to: "office" }] },
    }),
    incidentObligation(at("§III.2; §III.3 (Chế độ thông tin báo cáo)"), {
      kinds: ["school"],
      levels: ["mn", "th", "thcs"],
    }),
  ],
};
