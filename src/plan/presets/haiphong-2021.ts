/**
 * Sở GD&ĐT Hải Phòng, Kế hoạch 959/KH-SGDĐT, truyền thông năm học 2021-2022. The seed is the OCR of
 * a scan with damaged diacritics ("Truyén thong vé gido duc"); the texts below are restored to
 * correct Vietnamese, the section numbers are the plan's.
 */
import type { Plan } from "../../domain/plan";
import { DEFAULT_LADDER, DEFAULT_WINDOW, obligation, SEED_HAIPHONG_2021 as SEED, tx } from "./common";
import { contactsObligation, incidentObligation, officeReports } from "./shared";

const at = (section: string) => `${SEED} ${section}`;

export const haiphong2021: Plan = {
  id: "haiphong-2021",
  title: tx(
    "Kế hoạch truyền thông về giáo dục và đào tạo năm học 2021-2022 – Sở GD&ĐT Hải Phòng",
    "Hải Phòng education communications plan, school year 2021-2022",
  ),
  source: {
    seed: SEED,
    issuer: "Sở GD&ĐT Hải Phòng",
    document: "959/KH-SGDĐT",
    note: "Văn bản gốc là bản quét (OCR), dấu tiếng Việt bị hỏng; nội dung ở đây đã khôi phục dấu.",
  },
  valid_from: "2021-09-01",
  valid_to: "2022-08-31",
  calendar: "vn",
  calendar_kind: "office",
  sending_window: DEFAULT_WINDOW,
  max_reminders_per_person_per_day: 2,
  topics: [
    {
      code: "HP_CS",
      name: tx("Chủ trương, chính sách, pháp luật về GD&ĐT; Luật Giáo dục 2019", "Education policy and law"),
    },
    {
      code: "HP_NQ29",
      name: tx(
        "Kết quả đổi mới, nâng cao chất lượng giáo dục (Nghị quyết 29-NQ/TW)",
        "Results of the education reform",
      ),
    },
    {
      code: "HP_GDPT",
      name: tx(
        "Chương trình GDPT 2018 và tài liệu giáo dục địa phương",
        "The 2018 curriculum and local materials",
      ),
    },
    { code: "HP_TD", name: tx("Phong trào thi đua, cuộc vận động của ngành", "Emulation movements") },
    {
      code: "HP_THI",
      name: tx(
        "Kỳ thi tốt nghiệp THPT 2022; tuyển sinh lớp 10, mầm non, lớp 1, lớp 6",
        "Examinations and admissions",
      ),
    },
    { code: "HP_HN", name: tx("Giáo dục hướng nghiệp, phân luồng sau THCS", "Career guidance") },
    {
      code: "HP_DN",
      name: tx(
        "Sắp xếp đội ngũ nhà giáo, cán bộ quản lý gắn với sắp xếp cơ sở giáo dục",
        "Staff and school network",
      ),
    },
    { code: "HP_QT", name: tx("Hội nhập quốc tế trong giáo dục", "International integration") },
    {
      code: "HP_AT",
      name: tx(
        "Đạo đức, kỹ năng sống; an ninh, an toàn trường học; y tế, thể chất",
        "Values, safety, health and sport",
      ),
    },
    {
      code: "HP_DH",
      name: tx("Nhân tố điển hình, gương người tốt việc tốt", "Exemplary people and good deeds"),
    },
    {
      code: "HP_CCHC",
      name: tx(
        "Cải cách thủ tục hành chính, dịch vụ công trực tuyến, ứng dụng CNTT",
        "Administrative reform, online services, IT",
      ),
    },
    { code: "HP_COVID", name: tx("Phòng, chống dịch COVID-19", "COVID-19 prevention") },
    {
      code: "HP_QL",
      name: tx(
        "Đổi mới quản lý, phương pháp dạy học, kiểm tra đánh giá",
        "Management, teaching and assessment",
      ),
    },
  ],
  obligations: [
    obligation({
      code: "WEB_SO_QUOTA",
      kind: "quota",
      name: tx(
        "Tin, bài của phòng chuyên môn trên Trang thông tin điện tử Sở",
        "Division articles on the Sở website",
      ),
      description: tx(
        "Trong một tháng, mỗi phòng chuyên môn, nghiệp vụ phải có ít nhất 02 tin, bài phản ánh hoạt động giáo dục ở cơ sở, việc thực hiện chương trình, sách giáo khoa mới hoặc gương người tốt việc tốt được đăng trên Trang thông tin điện tử Sở.",
        "Each Sở division must have at least two articles a month on the Sở website about school activities, the new curriculum or good deeds.",
      ),
      source: at("§III.2"),
      audience: { kinds: ["division"] },
      submit_to: { relation: "office" },
      period: { cadence: "monthly" },
      due: { rule: "end_of_period", holiday_policy: "none" },
      quota: { target: 2, counts: tx("tin, bài", "articles"), channels: ["so_website"] },
      reminders: {
        ...DEFAULT_LADDER,
        recipients: ["comms", "head"],
        before_working_days: [10, 3],
        escalate: [{ after_working_days: 3, to: "office" }],
      },
    }),
    ...officeReports(at("§III.1")),
    incidentObligation(at("§III.1; §III.2"), { kinds: ["division", "district_office", "school", "center"] }),
    contactsObligation(at("§III.3; §III.2"), { kinds: ["division", "district_office", "school", "center"] }),
  ],
};
