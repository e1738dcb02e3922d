/**
 * The forms of the presets. No public template of a school's monthly communications report was
 * found (DOMAIN §3.2), so these follow the plans' wording and the proposed fields there: counts by
 * channel, the dư luận issues register (asked only when there was an issue), difficulties and
 * proposals, and evidence (minh chứng) where the plan asks for it.
 */
import type { Form } from "../../domain/plan";
import { ask, tx } from "./common";
import {
  closingQuestions,
  countQuestions,
  evidenceQuestions,
  issueQuestions,
  MAX_COUNT,
  SEVERITY_OPTIONS,
  WHERE_OPTIONS,
} from "./questions";

/** The monthly report of a school or unit: counts, dư luận, difficulties, evidence. */
export function monthlyReportForm(options: {
  counts: boolean;
  evidence: "required" | "optional" | "none";
}): Form {
  return {
    version: 1,
    questions: [
      ...(options.counts ? countQuestions() : []),
      ...issueQuestions(),
      ...closingQuestions(),
      ...(options.evidence === "none" ? [] : evidenceQuestions(options.evidence === "required")),
    ],
  };
}

/** A consolidated report up the chain (Phòng, commune office, cluster): coverage + issues register. */
export function consolidatedForm(): Form {
  return {
    version: 1,
    questions: [
      ask("integer", "units_total", tx("Số đơn vị, trường thuộc phạm vi tổng hợp", "Units covered"), {
        min: 0,
        max: MAX_COUNT,
      }),
      ask("integer", "units_reported", tx("Số đơn vị, trường đã gửi báo cáo", "Units that reported"), {
        min: 0,
        max: MAX_COUNT,
      }),
      ...issueQuestions(true),
      ask(
        "long_text",
        "summary",
        tx(
          "Nhận định chung về tình hình dư luận trên địa bàn",
          "Overall assessment of public opinion in the area",
        ),
        { max: 3000 },
      ),
      ...closingQuestions(),
      ...evidenceQuestions(false),
    ],
  };
}

/** Báo cáo đột xuất: what happened, where it surfaced, when, how serious, first handling, evidence. */
export function incidentForm(): Form {
  return {
    version: 1,
    questions: [
      ask("long_text", "what", tx("Vụ việc gì đã xảy ra?", "What happened?"), { max: 3000 }),
      ask("choice", "where_surfaced", tx("Vụ việc xuất hiện ở đâu?", "Where did it surface?"), {
        options: WHERE_OPTIONS,
      }),
      ask("date", "happened_on", tx("Ngày xảy ra hoặc phát hiện", "Date it happened or was found")),
      ask("text", "happened_at", tx("Giờ, địa điểm cụ thể (nếu biết)", "Time and place (if known)"), {
        required: false,
        max: 300,
      }),
      ask("choice", "severity", tx("Mức độ", "Severity"), { options: SEVERITY_OPTIONS }),
      ask(
        "long_text",
        "first_handling",
        tx("Đơn vị đã xử lý ban đầu thế nào?", "First handling by the unit"),
        { max: 3000 },
      ),
      ask(
        "yes_no",
        "needs_support",
        tx("Đơn vị có cần cấp trên hỗ trợ, chỉ đạo không?", "Does the unit need support or direction?"),
      ),
      ask("long_text", "support_needed", tx("Cần hỗ trợ, chỉ đạo gì?", "What support is needed?"), {
        when: { question: "needs_support", equals: [true] },
        max: 2000,
      }),
      ...evidenceQuestions(false),
    ],
  };
}

/** Sơ kết học kỳ / tổng kết năm học, and the annual report with minh chứng (O6). */
export function reviewForm(evidence: "required" | "optional"): Form {
  return {
    version: 1,
    questions: [
      ask(
        "long_text",
        "results",
        tx(
          "Kết quả nổi bật của công tác truyền thông trong kỳ",
          "Main results of communications work in the period",
        ),
        { max: 4000 },
      ),
      ...countQuestions(),
      ask("long_text", "limitations", tx("Hạn chế và nguyên nhân", "Shortcomings and causes"), {
        required: false,
        max: 3000,
      }),
      ask(
        "long_text",
        "next_tasks",
        tx("Nhiệm vụ, giải pháp kỳ tới", "Tasks and measures for the next period"),
        { required: false, max: 3000 },
      ),
      ...closingQuestions().filter((q) => q.id === "proposals"),
      ...evidenceQuestions(evidence === "required"),
    ],
  };
}

/** Naming the comms leader and officer, and the unit's channels (O7b, O8). */
export function contactsForm(): Form {
  const url = (id: string, vi: string, en: string) =>
    ask("url", id, tx(vi, en), { required: false, carry_over: true });
  return {
    version: 1,
    questions: [
      ask(
        "text",
        "leader_name",
        tx("Họ tên lãnh đạo phụ trách công tác truyền thông", "Leader in charge of communications"),
        { max: 100, carry_over: true },
      ),
      ask("text", "leader_title", tx("Chức vụ của lãnh đạo phụ trách", "Their position"), {
        max: 100,
        carry_over: true,
      }),
      ask(
        "text",
        "officer_name",
        tx("Họ tên cán bộ phụ trách (kiêm nhiệm) truyền thông", "Communications officer"),
        { max: 100, carry_over: true },
      ),
      ask("phone", "officer_phone", tx("Số điện thoại của cán bộ truyền thông", "Officer's phone number"), {
        carry_over: true,
      }),
      ask(
        "email",
        "officer_email",
        tx("Thư điện tử công vụ của cán bộ truyền thông", "Officer's work e-mail"),
        { required: false, carry_over: true },
      ),
      url("website", "Địa chỉ trang thông tin điện tử (website) của đơn vị", "Unit website"),
      url("fanpage", "Địa chỉ Fanpage của đơn vị", "Unit Fanpage"),
      url("zalo_oa", "Địa chỉ Zalo OA của đơn vị", "Unit Zalo OA"),
    ],
  };
}

/** Văn phòng Sở's own periodic report to the Sở leadership (O7). */
export function officeReportForm(): Form {
  const count = (id: string, vi: string, en: string) =>
    ask("integer", id, tx(vi, en), { min: 0, max: MAX_COUNT * 10 });
  return {
    version: 1,
    questions: [
      count(
        "articles_so_website",
        "Số tin, bài đăng trên trang thông tin điện tử của Sở",
        "Articles on the Sở website",
      ),
      count("posts_so_fanpage", "Số bài đăng trên Fanpage của Sở", "Posts on the Sở Fanpage"),
      count("posts_so_zalo_oa", "Số bài đăng trên Zalo OA của Sở", "Posts on the Sở Zalo OA"),
      count("press_articles", "Số bài báo chí về ngành trong kỳ", "Press articles about the sector"),
      ask(
        "long_text",
        "hot_issues",
        tx("Vấn đề dư luận nổi bật và hướng xử lý", "Main public-opinion issues and handling"),
        { max: 4000 },
      ),
      ask(
        "long_text",
        "summary",
        tx("Đánh giá chung, đề xuất với lãnh đạo Sở", "Assessment and proposals to the Sở leadership"),
        { max: 4000 },
      ),
    ],
  };
}
