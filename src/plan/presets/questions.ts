/**
 * Question blocks shared by the preset forms (forms.ts): counts by channel, the dư luận issues
 * register, difficulties and proposals, evidence.
 */
import type { Question } from "../../domain/plan";
import { ask, option, tx } from "./common";

export const MAX_COUNT = 1000;
const EVIDENCE_FILE_TYPES = ["pdf", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx"];
const EVIDENCE_MAX_SIZE_MB = 20;

/** Articles published in the period, by channel (integers ≥ 0). */
export function countQuestions(): Question[] {
  const count = (id: string, vi: string, en: string) =>
    ask("integer", id, tx(vi, en), { min: 0, max: MAX_COUNT });
  return [
    count(
      "articles_website",
      "Số tin, bài đăng trên trang thông tin điện tử (website) của đơn vị",
      "Articles on the unit's website",
    ),
    count("posts_fanpage", "Số bài đăng trên Fanpage của đơn vị", "Posts on the unit's Fanpage"),
    count("posts_zalo_oa", "Số bài đăng trên Zalo OA của đơn vị", "Posts on the unit's Zalo OA"),
    count(
      "items_so_website",
      "Số tin, bài gửi đăng trên trang thông tin điện tử của Sở",
      "Items sent to the Sở website",
    ),
    count(
      "press_articles",
      "Số bài trên báo chí, đài phát thanh – truyền hình",
      "Press, radio and TV articles",
    ),
    count("exemplary_stories", "Số gương điển hình, người tốt việc tốt đã gửi", "Exemplary stories sent"),
  ];
}

export const WHERE_OPTIONS = [
  option("social", "Mạng xã hội (Facebook, Zalo, TikTok…)", "Social networks (Facebook, Zalo, TikTok…)"),
  option("press", "Báo chí, đài phát thanh – truyền hình", "Press, radio, TV"),
  option("parents", "Phụ huynh, người dân phản ánh trực tiếp", "Parents or residents, directly"),
  option("internal", "Trong nội bộ đơn vị", "Inside the unit"),
  option("other", "Khác", "Other"),
];

export const SEVERITY_OPTIONS = [
  option("low", "Thấp: ít người quan tâm, đã kiểm soát", "Low: little attention, under control"),
  option("medium", "Trung bình: lan rộng trong địa phương", "Medium: spreading locally"),
  option(
    "high",
    "Cao: lan rộng, báo chí đưa tin, cần chỉ đạo",
    "High: widespread or in the press, needs direction",
  ),
];

/** The dư luận register: one repeat per issue, asked only when the unit had any (O1). */
export function issueQuestions(withUnit = false): Question[] {
  return [
    ask(
      "yes_no",
      "has_issues",
      tx(
        "Trong kỳ có vụ việc, dư luận quan tâm liên quan đến đơn vị không?",
        "Was there any incident or public concern about the unit in this period?",
      ),
    ),
    ask("group", "issues", tx("Các vụ việc, dư luận trong kỳ", "Issues in this period"), {
      help: tx(
        "Nhập lần lượt từng vụ việc; có thể thêm nhiều vụ việc.",
        "Enter one issue at a time; add as many as needed.",
      ),
      when: { question: "has_issues", equals: [true] },
      min: 1,
      max: 20,
      questions: [
        ...(withUnit
          ? [ask("text", "issue_unit", tx("Đơn vị xảy ra vụ việc", "Unit concerned"), { max: 200 })]
          : []),
        ask("date", "issue_date", tx("Ngày phát hiện", "Date first seen")),
        ask("choice", "issue_where", tx("Vụ việc xuất hiện ở đâu?", "Where did it surface?"), {
          options: WHERE_OPTIONS,
        }),
        ask("long_text", "issue_summary", tx("Tóm tắt nội dung vụ việc", "Summary"), { max: 2000 }),
        ask("choice", "issue_severity", tx("Mức độ", "Severity"), { options: SEVERITY_OPTIONS }),
        ask(
          "long_text",
          "issue_handling",
          tx(
            "Đơn vị đã xử lý thế nào (xác minh, báo cáo ai, trả lời, kết quả)?",
            "How was it handled (checked, reported to whom, response, result)?",
          ),
          { max: 2000 },
        ),
        ask("choice", "issue_status", tx("Tình trạng", "Status"), {
          options: [
            option("resolved", "Đã giải quyết xong", "Resolved"),
            option("ongoing", "Đang xử lý, theo dõi", "Ongoing"),
          ],
        }),
        ask(
          "url",
          "issue_link",
          tx("Đường dẫn bài viết liên quan (nếu có)", "Link to the post or article (if any)"),
          { required: false },
        ),
      ],
    }),
  ];
}

export function closingQuestions(): Question[] {
  return [
    ask("long_text", "difficulties", tx("Khó khăn, vướng mắc", "Difficulties"), {
      required: false,
      max: 2000,
    }),
    ask("long_text", "proposals", tx("Đề xuất, kiến nghị", "Proposals"), { required: false, max: 2000 }),
  ];
}

/** Minh chứng: a file (PDF, photos, office documents) and, optionally, a link. */
export function evidenceQuestions(required: boolean): Question[] {
  return [
    ask(
      "file",
      "evidence_file",
      tx("Tệp minh chứng (PDF, ảnh chụp, văn bản)", "Evidence file (PDF, screenshots, documents)"),
      {
        required,
        accept: EVIDENCE_FILE_TYPES,
        max_size_mb: EVIDENCE_MAX_SIZE_MB,
      },
    ),
    ask(
      "url",
      "evidence_link",
      tx(
        "Đường dẫn minh chứng (thư mục chia sẻ, bài viết…), nếu có",
        "Evidence link (shared folder, article…), if any",
      ),
      { required: false },
    ),
  ];
}
