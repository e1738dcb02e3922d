/**
 * When may a unit change what it sent? Until the deadline, unless the office accepted it or locked
 * the period; a returned submission may always be reopened (the office asked for it). Pure.
 */
import type { ReviewState } from "../../db/submissions";

export type EditRefusal = "accepted" | "locked" | "past_due";
export type EditCheck = { readonly ok: true } | { readonly ok: false; readonly reason: EditRefusal };

export function canEdit(
  s: { readonly reviewState: ReviewState; readonly dueAt: Date },
  locked: boolean,
  now: Date,
): EditCheck {
  if (s.reviewState === "accepted") return { ok: false, reason: "accepted" };
  if (locked) return { ok: false, reason: "locked" };
  if (s.reviewState === "returned") return { ok: true };
  if (now.getTime() > s.dueAt.getTime()) return { ok: false, reason: "past_due" };
  return { ok: true };
}

export const EDIT_REFUSAL_KEYS: Readonly<Record<EditRefusal, string>> = {
  accepted: "report:edit.accepted",
  locked: "report:edit.locked",
  past_due: "report:edit.pastDue",
};

/** The office may return what is submitted or resubmitted, and accept it; nothing after accepting. */
export function canReturn(state: ReviewState): boolean {
  return state === "submitted" || state === "resubmitted";
}

export function canAccept(state: ReviewState): boolean {
  return state === "submitted" || state === "resubmitted";
}
