/**
 * Writing a plan: in ONE transaction, claim the due steps, queue the messages of the steps this
 * process claimed (dedupe keys unique: a message already queued is skipped), record what each
 * message is about, and who could not be reached. A crash before the commit leaves nothing; after
 * it, everything. Running it twice, or on two processes, queues nothing twice.
 *
 * A wave is 60,000 rows of each kind: what the reminders of a step share is stored once with the
 * step (spec.ts), and the rows go in as multi-row statements compiled once (db/bulk-insert.ts).
 */
import type { Db } from "../db/index";
import { claimSteps, insertReminderMeta, recordUndelivered } from "../db/reminders";
import { enqueueMany } from "../outbox/enqueue-many";
import { ownSpecJson, sharedSpecJson, sharesPart, specToJson } from "./spec";
import { type MessageSpec, type PlannedMessage, type PlanResult, stepKeyString } from "./types";

export interface WriteResult {
  readonly steps: number;
  readonly queued: number;
  readonly deferred: number;
  readonly unreachable: number;
}

type ReminderSpec = Extract<MessageSpec, { kind: "reminder" }>;

interface StepPart {
  queued: number;
  /** The first reminder of the step: the others store only their own part when they share its. */
  first: ReminderSpec | null;
}

/** Per step: how many messages, and the reminder whose shared part is stored with it. */
function stepParts(messages: readonly PlannedMessage[], keys: readonly string[]): Map<string, StepPart> {
  const parts = new Map<string, StepPart>();
  messages.forEach((m, i) => {
    const k = keys[i] as string;
    let part = parts.get(k);
    if (!part) {
      part = { queued: 0, first: null };
      parts.set(k, part);
    }
    part.queued++;
    if (!part.first && m.spec.kind === "reminder") part.first = m.spec;
  });
  return parts;
}

export async function writePlan(db: Db, result: PlanResult, now: Date): Promise<WriteResult> {
  if (result.steps.length === 0) return { steps: 0, queued: 0, deferred: 0, unreachable: 0 };
  const keys = result.messages.map((m) => stepKeyString(m.stepKey));
  const parts = stepParts(result.messages, keys);
  return db.transaction().execute(async (trx) => {
    const claimed = await claimSteps(
      trx,
      result.steps.map((s) => {
        const part = parts.get(stepKeyString(s));
        return { ...s, queued: part?.queued ?? 0, spec: part?.first ? sharedSpecJson(part.first) : null };
      }),
      now,
    );
    const mine = result.messages.filter((_, i) => claimed.has(keys[i] as string));
    const ids = await enqueueMany(
      trx,
      mine.map((m) => ({
        chat: m.chat,
        message: m.message,
        kind: m.outboxKind,
        personId: m.personId,
        dedupeKey: m.dedupeKey,
        notBefore: m.notBefore,
        deferred: m.deferred,
      })),
      now,
    );
    const written = mine.filter((m) => ids.has(m.dedupeKey));
    await insertReminderMeta(
      trx,
      written.map((m) => {
        const first = parts.get(stepKeyString(m.stepKey))?.first;
        return {
          outboxId: ids.get(m.dedupeKey) as number,
          kind: m.spec.kind,
          unitId: m.unitId,
          obligationCode: m.obligationCode,
          periodKey: m.periodKey,
          step: m.spec.step.id,
          personId: m.personId,
          baseKey: m.dedupeKey,
          sendDay: m.sendDay,
          counted: m.counted,
          spec: first && sharesPart(m.spec, first) ? ownSpecJson(m.spec) : specToJson(m.spec),
        };
      }),
    );
    if (claimed.size > 0 && result.unreachable.length > 0) {
      await recordUndelivered(
        trx,
        result.unreachable.map((u) => ({ ...u, detail: u.detail ?? null })),
        now,
      );
    }
    return {
      steps: claimed.size,
      queued: written.length,
      deferred: written.filter((m) => m.deferred).length,
      unreachable: result.unreachable.length,
    };
  });
}
