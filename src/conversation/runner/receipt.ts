/** Receipts and "already received" answers: what a principal keeps as proof of sending. */
import type { TextPart } from "../../channels/types";
import type { StoredSubmission } from "../../db/submissions";
import { instantText } from "./labels";
import { formatPayload } from "./payloads";
import type { Outgoing } from "./step";

export function receipt(
  s: StoredSubmission,
  p: { readonly name: string; readonly unit: string; readonly title: string; readonly editable: boolean },
): Outgoing {
  const due = instantText(s.dueAt);
  const parts: TextPart[] = [
    {
      key: s.revision > 1 ? "report:receipt.revised" : "report:receipt.title",
      params: { name: p.name, unit: p.unit, revision: s.revision },
    },
    {
      key: "report:receipt.details",
      params: {
        reference: s.reference,
        time: instantText(s.revision > 1 ? s.updatedAt : s.submittedAt),
      },
    },
    { key: s.late ? "report:receipt.late" : "report:receipt.onTime", params: { due } },
  ];
  if (s.nil) parts.push({ key: "report:receipt.nil" });
  if (s.reviewState === "resubmitted") parts.push({ key: "report:receipt.resubmitted" });
  if (p.editable) parts.push({ key: "report:receipt.editable", params: { title: p.title } });
  parts.push({ key: "report:receipt.thanks", params: { title: p.title } });
  return { parts };
}

/** A second "Gửi" (double tap, or a colleague who sent the same report first). */
export function alreadyReceived(
  s: StoredSubmission,
  p: { readonly name: string; readonly unit: string; readonly by: string | null; readonly editable: boolean },
): Outgoing {
  const params = { name: p.name, unit: p.unit, reference: s.reference, time: instantText(s.submittedAt) };
  const parts: TextPart[] = [
    p.by === null
      ? { key: "report:submit.already", params }
      : { key: "report:submit.receivedBefore", params: { ...params, by: p.by } },
  ];
  if (p.editable) parts.push({ key: "report:submit.editHint" });
  return {
    parts,
    buttons: p.editable
      ? [
          {
            label: { key: "report:button.edit" },
            payload: formatPayload({ type: "reopen", reference: s.reference }),
          },
        ]
      : undefined,
  };
}
