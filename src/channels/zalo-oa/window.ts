/**
 * Which door a message to a Zalo OA follower goes through (reference §1.4, §8.2):
 * - a reply, or a reminder within 48 h of the person's last interaction → free consultation message;
 * - a reminder outside that window → a ZBS template by phone when one is configured for its type,
 *   otherwise a permanent `window_closed` so the dispatcher falls back to another channel.
 * Consultation messages between 48 h and 7 days are billable and after 7 days refused (-230):
 * reminders never rely on them. Pure: time is passed in.
 */

export const ZALO_FREE_WINDOW_HOURS = 48;
/** ZBS (ex-ZNS) template messages are refused at night: -133, 22:00–06:00 local time. */
export const ZBS_QUIET_START_HOUR = 22;
export const ZBS_QUIET_END_HOUR = 6;
/** Vietnam has used UTC+7 without daylight saving since 1975 (see src/domain/time.ts). */
const VN_OFFSET_MS = 7 * 3_600_000;

export type OaRoute =
  | { readonly kind: "cs" }
  | { readonly kind: "zbs"; readonly templateId: string; readonly phone: string }
  | { readonly kind: "closed"; readonly detail: string };

export interface RouteInput {
  readonly reminderType: string | null;
  readonly lastInteractionAt: Date | null;
  readonly now: Date;
  readonly templates: Readonly<Record<string, string>>;
  readonly phone: string | null;
}

export function insideFreeWindow(lastInteractionAt: Date | null, now: Date): boolean {
  if (!lastInteractionAt) return false;
  const age = now.getTime() - lastInteractionAt.getTime();
  return age <= ZALO_FREE_WINDOW_HOURS * 3_600_000;
}

export function chooseOaRoute(input: RouteInput): OaRoute {
  if (input.reminderType === null) return { kind: "cs" };
  if (insideFreeWindow(input.lastInteractionAt, input.now)) return { kind: "cs" };
  const templateId = input.templates[input.reminderType.toLowerCase()];
  if (!templateId)
    return { kind: "closed", detail: "outside the 48-hour window; no ZBS template for this type" };
  const phone = normalizeVnPhone(input.phone);
  if (!phone) return { kind: "closed", detail: "outside the 48-hour window; no valid phone number for ZBS" };
  return { kind: "zbs", templateId, phone };
}

/** "0912 345 678", "+84912345678", "84912345678" → "84912345678"; null when it is not a VN mobile. */
export function normalizeVnPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[^\d]/g, "");
  const national = digits.startsWith("84")
    ? digits.slice(2)
    : digits.startsWith("0")
      ? digits.slice(1)
      : digits;
  return /^[35789]\d{8}$/.test(national) ? `84${national}` : null;
}

/** Local (Asia/Ho_Chi_Minh) calendar day, the unit of the ZBS daily quota. */
export function vnDay(now: Date): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Milliseconds until ZBS may send again, or 0 when it may send now. */
export function msUntilZbsAllowed(now: Date): number {
  const local = new Date(now.getTime() + VN_OFFSET_MS);
  const hour = local.getUTCHours();
  if (hour >= ZBS_QUIET_END_HOUR && hour < ZBS_QUIET_START_HOUR) return 0;
  const morning = new Date(local);
  morning.setUTCHours(ZBS_QUIET_END_HOUR, 0, 0, 0);
  if (hour >= ZBS_QUIET_START_HOUR) morning.setUTCDate(morning.getUTCDate() + 1);
  return morning.getTime() - local.getTime();
}
