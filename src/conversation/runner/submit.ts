/** What a `submit` effect becomes, by kind of draft. */
import type { ActivePlan } from "../../bot/status/sources";
import type { Draft } from "../../db/drafts";
import type { Submission } from "../types";
import { submitArticle } from "./article";
import type { Run } from "./context";
import type { FormTarget } from "./forms";
import { submitIncident, submitIncidentUpdate } from "./incident";
import { submitReport } from "./report-submit";
import type { Outgoing } from "./step";

export interface SubmitOutcome {
  readonly messages: readonly Outgoing[];
  /** What becomes of the draft; "refused" leaves it unchanged (at the review). */
  readonly draft: "submitted" | "discarded" | "refused";
}

export function submitDraft(
  run: Run,
  draft: Draft,
  target: FormTarget,
  active: ActivePlan,
  submission: Submission,
): Promise<SubmitOutcome> {
  switch (draft.kind) {
    case "report":
      return submitReport(run, draft, target, active, submission);
    case "article":
      return submitArticle(run, draft, active, submission);
    case "incident":
      return submitIncident(run, draft, target, submission);
    case "incident_update":
      return submitIncidentUpdate(run, draft, submission);
  }
}
