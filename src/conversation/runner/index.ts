/**
 * The conversation runner: the engine (../index.ts) wired to the database and the bot.
 * See README.md in this folder for how to wire it into src/main.ts.
 */
export type { RunnerDeps } from "./context";
export { eraseDrafts } from "./erase";
export { articleForm, incidentUpdateForm } from "./forms";
export { createConversationHook, DRAFT_IDLE_OFFER_HOURS } from "./hook";
export {
  INCIDENT_REFERENCE,
  type IncidentRecordData,
  incidentRecordParts,
  loadIncidentRecord,
  type RecordEnv,
  type RecordFile,
} from "./incident-record";
export {
  acceptSubmission,
  closeIncidentByRef,
  lockPeriodFor,
  type OfficeEnv,
  reportName,
  returnSubmission,
} from "./office";
export { cachePlanSource, PLAN_CACHE_TTL_MS } from "./plan-cache";
export { canEdit } from "./rules";
export { createSubmissionStatusSource } from "./status-source";
export { DRAFT_WARN_BEFORE_MS, type SweepResult, sweepDrafts } from "./sweep";
export { urlKey } from "./url-key";
