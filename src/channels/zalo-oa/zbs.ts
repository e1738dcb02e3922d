/**
 * ZBS template messages (ex-ZNS) by phone number: the official way to reach a follower outside
 * the free window. They cost money per message, so: never between 22:00 and 06:00 (Zalo refuses
 * with -133; we do not even try), within our own daily ceiling reserved before each send, and
 * within Zalo's own quota (remainingQuota from the last answer).
 */
import { randomUUID } from "node:crypto";
import type { SendResult } from "../types";
import { type Authorized, sendResultForToken, withAccessToken } from "./authorized";
import type { ZaloOaClient } from "./client";
import { sendResultForError } from "./errors";
import type { TokenManager } from "./tokens";
import { msUntilZbsAllowed, vnDay } from "./window";

/** Daily ZBS counters; implemented over the database in src/db/zalo-zbs-usage.ts. */
export interface ZbsUsageStore {
  /** Takes one unit of today's allowance; false when none is left. */
  reserve(day: string, limit: number): Promise<boolean>;
  /** Gives back a unit Zalo did not charge. */
  release(day: string): Promise<void>;
  recordRemaining(day: string, remaining: number): Promise<void>;
}

export interface ZbsSendRequest {
  readonly phone: string;
  readonly templateId: string;
  readonly params: Readonly<Record<string, string>>;
}

export interface ZbsSenderOptions {
  readonly client: Pick<ZaloOaClient, "sendZbs">;
  readonly tokens: TokenManager;
  readonly usage: ZbsUsageStore;
  readonly dailyLimit: number;
  readonly mode: "production" | "development";
  readonly now: () => Date;
}

/** Template parameters are short fields; Zalo refuses over-long ones (-1121). */
const ZBS_PARAM_MAX_CHARS = 200;

export function createZbsSender(options: ZbsSenderOptions) {
  const { client, tokens, usage, now } = options;
  return async function sendZbs(request: ZbsSendRequest): Promise<SendResult> {
    const wait = msUntilZbsAllowed(now());
    if (wait > 0) return { status: "retryable", retryAfterMs: wait, reason: "zbs quiet hours 22:00-06:00" };

    const day = vnDay(now());
    if (!(await usage.reserve(day, options.dailyLimit))) {
      return { status: "permanent", reason: "window_closed", detail: "zbs daily limit reached" };
    }
    const templateData = Object.fromEntries(
      Object.entries(request.params).map(([k, v]) => [k, v.slice(0, ZBS_PARAM_MAX_CHARS)]),
    );
    const body = {
      phone: request.phone,
      template_id: request.templateId,
      template_data: templateData,
      tracking_id: randomUUID(),
      ...(options.mode === "development" ? { mode: "development" } : {}),
    };
    let result: Authorized<{ msgId: string; remainingQuota: number | null }>;
    try {
      result = await withAccessToken(tokens, (token) => client.sendZbs(token, body));
    } catch (err) {
      await usage.release(day);
      throw err;
    }
    if (result.ok) {
      if (result.data.remainingQuota !== null) await usage.recordRemaining(day, result.data.remainingQuota);
      return { status: "sent", platformMessageId: `zbs:${result.data.msgId}` };
    }
    // Failed sends are not charged (vinacis policy): give the unit back.
    await usage.release(day);
    if ("token" in result) return sendResultForToken(result.token);
    if (result.code === -144 || result.code === -115) await usage.recordRemaining(day, 0);
    return sendResultForError(result.code, result.message, now(), msUntilZbsAllowed);
  };
}
