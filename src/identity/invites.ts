/**
 * Making and using invite codes. The code leaves this module once, as the return value of
 * `createInvite` (printed by the CLI or put in the letter); afterwards only its hash exists.
 */
import type { ChannelId } from "../channels/types";
import { linkChat } from "../db/channel-links";
import type { Db } from "../db/index";
import { findInviteByHash, type Invite, insertInvite, inviteState, markInviteUsed } from "../db/invites";
import {
  channelLinkAttemptsSince,
  linkAttemptsSince,
  pruneLinkAttempts,
  recordLinkAttempt,
} from "../db/link-attempts";
import { generateInviteCode, hashInviteCode, inviteCodeHashCandidates, type RandomInt } from "./codes";
import {
  channelPausedUntil,
  LINK_ATTEMPTS_LOOKBACK_MS,
  LINK_CHANNEL_WINDOW_MS,
  lockedUntil,
} from "./lockout";

const DAY_MS = 86_400_000;

export interface CreateInviteInput {
  readonly personId: string;
  readonly ttlDays: number;
  readonly pepper: string | undefined;
  readonly now: Date;
  readonly createdBy: string | null;
  readonly random?: RandomInt | undefined;
}

export interface CreatedInvite {
  /** The bare code (no dash). Show it once; it is not stored. */
  readonly code: string;
  readonly invite: Invite;
}

/** Creates a code for the person. Use inside a transaction when making many. */
export async function createInvite(db: Db, input: CreateInviteInput): Promise<CreatedInvite> {
  // A collision among ~10^14 codes is practically impossible, but costs one lookup to rule out.
  for (;;) {
    const code = generateInviteCode(input.random);
    const codeHash = hashInviteCode(code, input.pepper);
    if (await findInviteByHash(db, inviteCodeHashCandidates(code, input.pepper))) continue;
    const invite = await insertInvite(db, {
      personId: input.personId,
      codeHash,
      createdAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.ttlDays * DAY_MS),
      createdBy: input.createdBy,
    });
    return { code, invite };
  }
}

export interface RedeemInput {
  readonly channel: ChannelId;
  readonly chatId: string;
  readonly platformUserId: string;
  readonly code: string;
  readonly pepper: string | undefined;
  readonly now: Date;
}

export type RedeemResult =
  | {
      readonly ok: true;
      readonly personId: string;
      readonly movedFromPersonId: string | null;
      readonly replacedChatId: string | null;
    }
  /** wrong: no such code; unusable: used, expired or revoked (said generically); locked: too many tries. */
  | { readonly ok: false; readonly reason: "wrong" | "unusable" }
  | { readonly ok: false; readonly reason: "locked"; readonly until: Date }
  /** paused: too many wrong codes on the whole channel (lockout.ts); nothing is counted. */
  | { readonly ok: false; readonly reason: "paused"; readonly until: Date };

/**
 * Links the chat to the code's person, or says why not. Every failure counts toward the chat's
 * lockout; a locked chat is refused before the code is even looked at, so that guessing on
 * gains nothing. Call inside the transaction that also queues the reply.
 */
export async function redeemInvite(db: Db, input: RedeemInput): Promise<RedeemResult> {
  const since = new Date(input.now.getTime() - LINK_ATTEMPTS_LOOKBACK_MS);
  const until = lockedUntil(await linkAttemptsSince(db, input.channel, input.chatId, since), input.now);
  if (until !== null) return { ok: false, reason: "locked", until };
  const channelSince = new Date(input.now.getTime() - LINK_CHANNEL_WINDOW_MS);
  const recent = await channelLinkAttemptsSince(db, input.channel, channelSince);
  const paused = channelPausedUntil(recent, input.now);
  if (paused !== null) return { ok: false, reason: "paused", until: paused };

  const invite = await findInviteByHash(db, inviteCodeHashCandidates(input.code, input.pepper));
  const usable =
    invite !== undefined &&
    inviteState(invite, input.now) === "pending" &&
    (await markInviteUsed(db, invite.id, input.now));
  if (!invite || !usable) {
    // Attempts older than any lock they could cause are personal data without a purpose: drop them.
    await pruneLinkAttempts(db, since);
    await recordLinkAttempt(db, input.channel, input.chatId, input.now);
    return { ok: false, reason: invite ? "unusable" : "wrong" };
  }
  const linked = await linkChat(db, {
    personId: invite.personId,
    channel: input.channel,
    chatId: input.chatId,
    platformUserId: input.platformUserId,
    at: input.now,
  });
  return {
    ok: true,
    personId: invite.personId,
    movedFromPersonId: linked.movedFromPersonId,
    replacedChatId: linked.replacedChatId,
  };
}
