/**
 * Obligations that several plans state in nearly the same words (incident reports, naming the comms
 * leader and officer, the Văn phòng's periodic reports), built once with the plan's own source.
 */
import type { Audience, Obligation } from "../../domain/plan";
import { DEFAULT_LADDER, NO_LADDER, obligation, tx } from "./common";
import { contactsForm, incidentForm, officeReportForm } from "./forms";

/**
 * Báo cáo đột xuất. The plans say "kịp thời" without a number of hours; 24 h is baocao's default
 * (DOMAIN §7: SLA unconfirmed, "e.g. same day"), editable per plan.
 */
export function incidentObligation(source: string, audience: Audience, code = "DL_ADHOC"): Obligation {
  return obligation({
    code,
    kind: "event",
    name: tx("Báo cáo đột xuất vụ việc, dư luận nóng", "Incident report (hot issue)"),
    description: tx(
      'Báo cáo ngay khi phát hiện vụ việc được dư luận, báo chí quan tâm, để cấp trên kịp thời chỉ đạo. Kế hoạch ghi "kịp thời"; thời hạn 24 giờ là mặc định của baocao.',
      'Report as soon as an issue draws public or press attention, so that the level above can direct in time. The plan says "promptly"; 24 hours is baocao\'s default.',
    ),
    source,
    audience,
    // To the level the unit reports to (school → Phòng/Sở); the alert also reaches the Văn phòng.
    submit_to: { relation: "reports_to" },
    period: { cadence: "anytime" },
    due: { rule: "none", holiday_policy: "none" },
    alert: { sla_hours: 24, notify: ["reports_to", "office"] },
    form: incidentForm(),
    reminders: NO_LADDER,
  });
}

/**
 * Naming a comms leader and officer, with the unit's channels. Standing duty in the plans; asked
 * once per school year, 10 working days after it starts (baocao's default), and carried over.
 */
export function contactsObligation(source: string, audience: Audience): Obligation {
  return obligation({
    code: "COMMS_CONTACTS",
    kind: "report",
    name: tx(
      "Phân công phụ trách truyền thông và kênh truyền thông của đơn vị",
      "Comms leader, officer and channels",
    ),
    description: tx(
      "Đơn vị cử một lãnh đạo phụ trách và một cán bộ (kiêm nhiệm) truyền thông; khai báo website, Fanpage, Zalo OA. Cập nhật đầu mỗi năm học và khi thay đổi.",
      "Each unit names a leader in charge and a communications officer, and lists its website, Fanpage and Zalo OA. Updated at the start of each school year and on change.",
    ),
    source,
    audience,
    period: { cadence: "school_year" },
    due: {
      rule: "school_milestone",
      milestone: "start",
      offset_days: 10,
      working_days: true,
      holiday_policy: "roll_forward",
    },
    form: contactsForm(),
  });
}

/** Văn phòng Sở's weekly, monthly, quarterly and yearly reports to the Sở leadership (Hải Phòng §III.1). */
export function officeReports(source: string): Obligation[] {
  const office: Audience = { kinds: ["office"] };
  const base = {
    kind: "report" as const,
    source,
    audience: office,
    submit_to: { relation: "parent" as const },
    form: officeReportForm(),
    reminders: { ...DEFAULT_LADDER, recipients: ["office_staff" as const, "head" as const], escalate: [] },
  };
  return [
    obligation({
      ...base,
      code: "OFFICE_WEEKLY",
      name: tx("Báo cáo tuần của Văn phòng về công tác truyền thông", "Office weekly communications report"),
      period: { cadence: "weekly" },
      due: { rule: "end_of_period", offset_days: -2, holiday_policy: "roll_back" },
      reminders: { ...base.reminders, before_working_days: [1], after_working_days: [1] },
    }),
    obligation({
      ...base,
      code: "OFFICE_MONTHLY",
      name: tx(
        "Báo cáo tháng của Văn phòng về công tác truyền thông",
        "Office monthly communications report",
      ),
      period: { cadence: "monthly" },
      due: { rule: "end_of_period", holiday_policy: "roll_back" },
    }),
    obligation({
      ...base,
      code: "OFFICE_QUARTERLY",
      name: tx(
        "Báo cáo quý của Văn phòng về công tác truyền thông",
        "Office quarterly communications report",
      ),
      period: { cadence: "quarterly" },
      due: { rule: "end_of_period", holiday_policy: "roll_back" },
    }),
    obligation({
      ...base,
      code: "OFFICE_YEARLY",
      name: tx("Báo cáo năm của Văn phòng về công tác truyền thông", "Office yearly communications report"),
      period: { cadence: "school_year" },
      due: {
        rule: "school_milestone",
        milestone: "end",
        offset_days: 10,
        working_days: true,
        holiday_policy: "roll_back",
      },
    }),
  ];
}
