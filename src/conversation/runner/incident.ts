/**
 * Incident reports (đột xuất): on sending, an immediate alert (outbox kind "alert": it bypasses
 * quiet hours) to the comms officer and head of the unit the reporting unit reports to, and to the
 * Văn phòng staff — never to anyone else. Follow-ups attach to the same incident until the office
 * closes it, and alert the same people. Each alert carries "Xem vụ việc", which opens the record in
 * the chat (incident-view.ts).
 */
import type { TextPart } from "../../channels/types";
import type { Draft } from "../../db/drafts";
import {
  addIncidentUpdate,
  findIncidentById,
  findIncidentByKey,
  type Incident,
  insertIncident,
} from "../../db/incidents";
import { getUnitById, newId } from "../../db/index";
import { newReference } from "../../db/references";
import { linkFiles } from "../../db/submission-files";
import type { Form, Obligation } from "../../domain/plan";
import { localized, shorten } from "../text";
import type { Submission } from "../types";
import type { Run } from "./context";
import { filesInAnswers } from "./files";
import { type FormTarget, incidentUpdateForm } from "./forms";
import { REPORTING_LINE_ROLES, reportsToOf } from "./incident-access";
import { instantText } from "./labels";
import { notifyPeople, peopleWithRoles } from "./notify";
import { formatPayload } from "./payloads";
import type { SubmitOutcome } from "./submit";

/** How much of the description an alert quotes. */
const ALERT_QUOTE_CHARS = 300;

function optionLabel(form: Form, questionId: string, value: unknown, run: Run): string | null {
  if (typeof value !== "string") return null;
  const q = form.questions.find((x) => x.id === questionId);
  const option = q?.options?.find((o) => o.value === value);
  return option ? localized(option.label, run.lang) : value;
}

/** The reporting line of a unit: its reports-to (or parent) unit's comms and head, and the office staff. */
async function reportingLine(run: Run, unitId: string, obligation: Obligation | null): Promise<string[]> {
  const unit = await getUnitById(run.trx, unitId);
  const notify = obligation?.alert?.notify ?? ["reports_to", "office"];
  const people = new Set<string>();
  const upId = unit ? reportsToOf(unit) : null;
  if (notify.includes("reports_to") && upId !== null) {
    for (const p of await peopleWithRoles(run.trx, [upId], REPORTING_LINE_ROLES, run.now)) people.add(p);
  }
  if (notify.includes("office")) {
    const offices = await run.trx.selectFrom("units").select("id").where("kind", "=", "office").execute();
    const ids = offices.map((o) => o.id);
    for (const p of await peopleWithRoles(run.trx, ids, ["office_staff"], run.now)) people.add(p);
  }
  people.delete(run.personId);
  return [...people];
}

async function alert(
  run: Run,
  incident: Incident,
  obligation: Obligation | null,
  parts: TextPart[],
  key: string,
) {
  const people = await reportingLine(run, incident.unitId, obligation);
  return notifyPeople(run.trx, people, {
    message: {
      lang: run.lang,
      parts: [...parts, { key: "report:incident.viewHint", params: { reference: incident.reference } }],
      // Opens the record in the chat (incident-view.ts), checked against the Actor when tapped;
      // channels without buttons show it as "1. Xem vụ việc".
      buttons: [
        {
          label: { key: "report:button.viewIncident" },
          payload: formatPayload({ type: "incidentView", reference: incident.reference }),
        },
      ],
    },
    kind: "alert",
    now: run.now,
    dedupeKey: key,
  });
}

export async function submitIncident(
  run: Run,
  draft: Draft,
  target: FormTarget,
  submission: Submission,
): Promise<SubmitOutcome> {
  const key = `draft:${draft.id}`;
  const unit = await getUnitById(run.trx, draft.unitId);
  const same = await findIncidentByKey(run.trx, key);
  if (same) {
    return {
      messages: [{ parts: [{ key: "report:incident.already", params: { reference: same.reference } }] }],
      draft: "submitted",
    };
  }
  const severity = typeof submission.answers.severity === "string" ? submission.answers.severity : null;
  const incident = await insertIncident(run.trx, {
    id: newId(),
    reference: await newReference(run.trx, "incidents", "VV", run.now, run.random),
    unitId: draft.unitId,
    obligationCode: draft.obligationCode,
    formVersion: submission.formVersion,
    answers: submission.answers,
    severity,
    reportedBy: run.personId,
    at: run.now,
    idempotencyKey: key,
  });
  await linkFiles(run.trx, { kind: "incident", id: incident.id }, filesInAnswers(submission.answers));
  const what =
    typeof submission.answers.what === "string" ? shorten(submission.answers.what, ALERT_QUOTE_CHARS) : "";
  const severityText =
    optionLabel(target.form, "severity", severity, run) ?? run.t("report:incident.severityUnknown");
  const sent = await alert(
    run,
    incident,
    target.obligation,
    [
      {
        key: "report:incident.alert",
        params: {
          reference: incident.reference,
          unit: unit?.name ?? "",
          severity: severityText,
          time: instantText(run.now),
        },
      },
      ...(what ? [{ key: "report:incident.alertWhat", params: { what } }] : []),
    ],
    `incident:${incident.id}`,
  );
  return {
    messages: [
      {
        parts: [
          {
            key: "report:incident.received",
            params: { reference: incident.reference, time: instantText(run.now) },
          },
          {
            key: sent > 0 ? "report:incident.alerted" : "report:incident.nobodyToAlert",
            params: { count: sent },
          },
          { key: "report:incident.followUp" },
        ],
      },
    ],
    draft: "submitted",
  };
}

export async function submitIncidentUpdate(
  run: Run,
  draft: Draft,
  submission: Submission,
): Promise<SubmitOutcome> {
  const incident = draft.incidentId ? await findIncidentById(run.trx, draft.incidentId) : undefined;
  if (!incident) throw new Error(`incident of draft ${draft.id} is missing`);
  if (incident.status === "closed") {
    return {
      messages: [{ parts: [{ key: "report:incident.closed", params: { reference: incident.reference } }] }],
      draft: "discarded",
    };
  }
  const id = newId();
  const added = await addIncidentUpdate(run.trx, {
    id,
    incidentId: incident.id,
    answers: submission.answers,
    byPerson: run.personId,
    at: run.now,
    key: `draft:${draft.id}`,
  });
  if (added) {
    await linkFiles(run.trx, { kind: "incident_update", id }, filesInAnswers(submission.answers));
    const unit = await getUnitById(run.trx, incident.unitId);
    const state = optionLabel(incidentUpdateForm(), "state", submission.answers.state, run) ?? "";
    const update =
      typeof submission.answers.update === "string"
        ? shorten(submission.answers.update, ALERT_QUOTE_CHARS)
        : "";
    const obligation =
      (await run.plan())?.plan.obligations.find((o) => o.code === incident.obligationCode) ?? null;
    await alert(
      run,
      incident,
      obligation,
      [
        {
          key: "report:incident.updateAlert",
          params: { reference: incident.reference, unit: unit?.name ?? "", state },
        },
        ...(update ? [{ key: "report:incident.alertWhat", params: { what: update } }] : []),
      ],
      `incident-update:${id}`,
    );
  }
  return {
    messages: [
      {
        parts: [
          {
            key: "report:incident.updated",
            params: { reference: incident.reference, time: instantText(run.now) },
          },
        ],
      },
    ],
    draft: "submitted",
  };
}
