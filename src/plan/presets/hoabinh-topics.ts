/**
 * The appendix of the Hòa Bình 2025 plan ("Phụ lục phân công thực hiện"): content groups and the
 * division leading each (Chủ trì). Sub-rows are topics of their own because each has one lead;
 * 9.2 and 9.3 have no lead in the table and belong to 9.1's. "Phòng Tranh tra" in the seed is a
 * typo for Thanh tra Sở.
 */
import type { Topic } from "../../domain/plan";
import { tx } from "./common";

const VP = "Văn phòng";
const TCCB = "Phòng Tổ chức cán bộ";
const KHTC = "Phòng Kế hoạch tài chính";
const CTTT = "Phòng CTTT&GDTX,CN";
const QLCL = "Phòng Quản lý chất lượng giáo dục";

export const HOABINH_TOPICS: readonly Topic[] = [
  {
    code: "HB_1_1",
    name: tx("Đại hội Đảng trong ngành Giáo dục", "Party congresses in the sector"),
    lead: VP,
  },
  {
    code: "HB_1_2",
    name: tx("Ổn định tổ chức, hoạt động trong ngành Giáo dục", "Stabilising the sector's organisation"),
    lead: TCCB,
  },
  { code: "HB_2_1", name: tx("Thông tin chính sách", "Policy communication"), lead: VP },
  {
    code: "HB_2_2",
    name: tx(
      "Nâng cao hiệu lực, hiệu quả quản lý nhà nước về giáo dục",
      "Effective state management of education",
    ),
    lead: TCCB,
  },
  { code: "HB_3_1", name: tx("Giáo dục mầm non", "Preschool education"), lead: "Phòng GDMN&GDTH" },
  {
    code: "HB_3_2",
    name: tx("Giáo dục phổ thông", "General education"),
    lead: "Phòng GDMN&GDTH; Phòng GDTrH",
  },
  {
    code: "HB_3_3",
    name: tx("Phát triển giáo dục nghề nghiệp, đáp ứng thị trường lao động", "Vocational education"),
    lead: CTTT,
  },
  { code: "HB_3_4", name: tx("Tiếp cận công bằng trong giáo dục", "Equal access to education"), lead: CTTT },
  { code: "HB_3_5", name: tx("Giáo dục thường xuyên", "Continuing education"), lead: CTTT },
  { code: "HB_3_6", name: tx("Đánh giá chất lượng giáo dục", "Quality assessment"), lead: QLCL },
  {
    code: "HB_4_1",
    name: tx(
      "Tuyển dụng, sắp xếp giáo viên; chính sách thu hút giáo viên",
      "Teacher recruitment and policies",
    ),
    lead: TCCB,
  },
  {
    code: "HB_4_2",
    name: tx("Nâng chuẩn đào tạo, tập huấn, bồi dưỡng giáo viên", "Teacher training"),
    lead: TCCB,
  },
  {
    code: "HB_5_1",
    name: tx("Thu hút nguồn lực đầu tư xã hội cho giáo dục", "Private investment in education"),
    lead: KHTC,
  },
  {
    code: "HB_5_2",
    name: tx("Tiến trình, hiệu quả các Chương trình, Dự án", "Programmes and projects"),
    lead: KHTC,
  },
  {
    code: "HB_6",
    name: tx(
      "Giáo dục chính trị, tư tưởng; thể chất, y tế trường học; an toàn trường học",
      "Political education, school health and safety",
    ),
    lead: CTTT,
  },
  { code: "HB_7_1", name: tx("Đào tạo nhân lực chất lượng cao", "High-quality human resources"), lead: TCCB },
  {
    code: "HB_7_2",
    name: tx("Nghiên cứu khoa học và đổi mới sáng tạo", "Research and innovation"),
    lead: VP,
  },
  {
    code: "HB_8_1",
    name: tx("Ứng dụng công nghệ thông tin và chuyển đổi số", "IT and digital transformation"),
    lead: KHTC,
  },
  {
    code: "HB_8_2",
    name: tx("Hợp tác quốc tế về giáo dục", "International cooperation"),
    lead: "Phòng GDTrH",
  },
  {
    code: "HB_9",
    name: tx(
      "Kỳ thi tốt nghiệp THPT và tuyển sinh đại học, cao đẳng năm 2025",
      "2025 graduation exam and university admissions",
    ),
    lead: QLCL,
  },
  {
    code: "HB_10_1",
    name: tx("Thanh tra, kiểm tra và xử lý vi phạm trong lĩnh vực GD&ĐT", "Inspection and enforcement"),
    lead: "Thanh tra Sở",
  },
  { code: "HB_10_2", name: tx("Thi đua, khen thưởng", "Emulation and awards"), lead: VP },
];
