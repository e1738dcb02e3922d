/**
 * Phòng GD&ĐT huyện Kim Thành (Hải Dương), Kế hoạch 92/KH-PGDĐT ngày 14/3/2024. Two-level
 * reporting: schools → Phòng (Bộ phận Tổng hợp – Thi đua) → Sở (via Văn phòng). The plan says
 * "theo quy định" for the periodic report; the days 20 (schools) and 25 (Phòng) are baocao's
 * defaults, leaving the Phòng five days to consolidate.
 */
import type { Plan } from "../../domain/plan";
import { DEFAULT_LADDER, DEFAULT_WINDOW, obligation, SEED_KIMTHANH_2024 as SEED, tx } from "./common";
import { consolidatedForm, monthlyReportForm } from "./forms";
import { incidentObligation } from "./shared";

const at = (section: string) => `${SEED} ${section}`;
const SCHOOLS = { kinds: ["school" as const], levels: ["mn" as const, "th" as const, "thcs" as const] };

export const kimthanh2024: Plan = {
  id: "kimthanh-2024",
  title: tx(
    "Kế hoạch triển khai công tác truyền thông năm 2024 – Phòng GD&ĐT Kim Thành",
    "Kim Thành district education communications plan 2024",
  ),
  source: {
    seed: SEED,
    issuer: "Phòng GD&ĐT huyện Kim Thành (Hải Dương)",
    document: "92/KH-PGDĐT",
    issued_on: "2024-03-14",
    note: "Thực hiện Kế hoạch 462/KH-SGDĐT ngày 11/3/2024 của Sở GD&ĐT Hải Dương. Huyện Kim Thành không còn từ 01/7/2025.",
  },
  valid_from: "2024-01-01",
  valid_to: "2024-12-31",
  calendar: "vn",
  calendar_kind: "office",
  sending_window: DEFAULT_WINDOW,
  max_reminders_per_person_per_day: 2,
  topics: [
    {
      code: "KT_01",
      name: tx(
        "Nghị quyết, chỉ thị, kết luận của Đảng và văn bản pháp luật về GD&ĐT",
        "Party resolutions and laws on education",
      ),
    },
    {
      code: "KT_02",
      name: tx(
        "Nâng cao chất lượng giáo dục các cấp; hướng nghiệp, phân luồng; phổ cập, xóa mù chữ; kiểm định, trường chuẩn",
        "Quality of education, guidance, literacy, accreditation",
      ),
    },
    {
      code: "KT_03",
      name: tx(
        "Triển khai Chương trình GDPT 2018, lựa chọn sách giáo khoa, đổi mới phương pháp",
        "The 2018 curriculum, textbooks, teaching methods",
      ),
    },
    {
      code: "KT_04",
      name: tx(
        "Giáo dục lý tưởng, đạo đức, văn hóa ứng xử; phòng chống bạo lực học đường, ma túy",
        "Values, school culture, violence and drug prevention",
      ),
    },
    {
      code: "KT_05",
      name: tx("Sức khỏe, y tế, thể chất học đường; trường học an toàn", "School health, sport and safety"),
    },
    {
      code: "KT_06",
      name: tx(
        "Đổi mới thi, kiểm tra, đánh giá; tuyển sinh lớp 10 và thi tốt nghiệp THPT 2024",
        "Examinations and assessment",
      ),
    },
    { code: "KT_07", name: tx("Chuyển đổi số, ứng dụng công nghệ thông tin", "Digital transformation") },
    {
      code: "KT_08",
      name: tx("Đội ngũ nhà giáo, cán bộ quản lý; tuyển dụng, chính sách", "Teachers and managers"),
    },
    { code: "KT_09", name: tx("Thu hút nguồn lực đầu tư cho giáo dục", "Investment in education") },
    {
      code: "KT_10",
      name: tx(
        "Điển hình tiên tiến, gương nhà giáo, học sinh tiêu biểu năm 2024",
        "Exemplary teachers and pupils",
      ),
    },
  ],
  obligations: [
    obligation({
      code: "DL_SCHOOL_MONTHLY",
      kind: "report",
      name: tx("Báo cáo tổng hợp tình hình dư luận của trường", "School report on public opinion"),
      description: tx(
        'Các trường MN, TH, THCS gửi báo cáo tổng hợp về tình hình dư luận quan tâm tới hoạt động GD&ĐT tại cơ sở và kết quả xử lý (nếu có) về Phòng GD&ĐT (Bộ phận Tổng hợp – Thi đua). Kế hoạch ghi "theo quy định"; hạn ngày 20 hằng tháng là mặc định của baocao.',
        'Preschools, primary and lower-secondary schools send the district office (Tổng hợp – Thi đua desk) a report on public opinion and its handling. The plan says "as regulated"; the 20th is baocao\'s default.',
      ),
      source: at("§IV.2"),
      audience: SCHOOLS,
      submit_to: { relation: "reports_to" },
      period: { cadence: "monthly" },
      due: { rule: "day_of_month", day: 20, holiday_policy: "roll_back" },
      nil_report: true,
      form: monthlyReportForm({ counts: false, evidence: "optional" }),
    }),
    obligation({
      code: "DL_DISTRICT_MONTHLY",
      kind: "report",
      name: tx(
        "Báo cáo tổng hợp dư luận của Phòng GD&ĐT gửi Sở",
        "District consolidated report on public opinion to the Sở",
      ),
      description: tx(
        "Phòng GD&ĐT gửi báo cáo tổng hợp tình hình dư luận quan tâm và kết quả xử lý về Sở GD&ĐT (qua Văn phòng) để tổng hợp báo cáo theo quy định. Hạn ngày 25 hằng tháng là mặc định của baocao.",
        "The district office sends the Sở (through its office) a consolidated report on public opinion and its handling. The 25th is baocao's default.",
      ),
      source: at("§IV.1"),
      audience: { kinds: ["district_office"] },
      submit_to: { relation: "office" },
      period: { cadence: "monthly" },
      due: { rule: "day_of_month", day: 25, holiday_policy: "roll_back" },
      nil_report: true,
      form: consolidatedForm(),
      reminders: { ...DEFAULT_LADDER, escalate: [{ after_working_days: 3, to: "office" }] },
    }),
    obligation({
      code: "GUONG_DIEN_HINH",
      kind: "quota",
      name: tx("Giới thiệu nhân tố điển hình, người tốt việc tốt", "Exemplary people and good deeds"),
      description: tx(
        "Phòng và các trường cung cấp thông tin giới thiệu nhân tố điển hình, hoạt động đổi mới sáng tạo, tấm gương người tốt việc tốt và tuyên truyền trên Trang thông tin điện tử. Kế hoạch không nêu số lượng: 1 tin mỗi học kỳ là mặc định của baocao.",
        "The district office and schools publish stories of exemplary people and innovation on their websites. The plan gives no number: one per semester is baocao's default.",
      ),
      source: at("§IV.1; §IV.2; §III.4"),
      audience: { kinds: ["district_office", "school"] },
      submit_to: { relation: "reports_to" },
      period: { cadence: "semester" },
      due: { rule: "end_of_period", holiday_policy: "roll_back" },
      quota: {
        target: 1,
        counts: tx("tin về gương điển hình", "exemplary stories"),
        article_kind: "exemplary",
      },
    }),
    incidentObligation(at("§IV.1; §IV.2"), { kinds: ["district_office", "school"] }),
  ],
};
