/**
 * The public face of src/plan: the plan format and its validation, the presets built from the
 * seed plans, holiday calendars, and which plan is in force. See README.md in this folder.
 */
export { type CalendarResult, listCalendars, loadCalendar, SHIPPED_CALENDARS_DIR } from "./calendars";
export {
  describeAudience,
  describeCadence,
  describeDue,
  describeKind,
  describeQuota,
  describeReminders,
  describeSubmitTo,
  describeWeekdays,
  localized,
} from "./describe";
export { formatIssue, type PlanIssue } from "./issues";
export { loadPlanFile, type PlanResult, parsePlan, parsePlanText } from "./load";
export { DEFAULT_PRESET_ID, getPreset, presets } from "./presets/index";
export { DEFAULT_REMINDERS, DEFAULT_SENDING_WINDOW, planSchema } from "./schema";
export {
  ACTIVE_PLAN_SETTING,
  type ActivePlan,
  loadActivePlan,
  PlanInvalidError,
  type PlanOrigin,
  planFromRef,
  planVersion,
  resolveActivePlan,
  usePlan,
} from "./store";
export { type DataFormat, formatOfPath } from "./text";
