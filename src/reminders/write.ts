/**
 * Writing a plan: in ONE transaction, claim the due steps, queue the messages of the steps this
 * process claimed (dedupe keys unique: a message already queued is skipped), record what each
 * message is about, and who could not be reached. A crash before the commit leaves nothing; after
 * it, everything. Running it twice, or on two processes, queues nothing twice.
 */
import type { Db } from "../db/index";
import { claimSteps, insertReminderMeta, recordUndelivered } from "../db/reminders";
import { enqueueMany } from "../outbox/enqueue-many";
import { specToJson } from "./spec";
import { type PlanResult, stepKeyString } from "./types";

export interface WriteResult {
  readonly steps: number;
  readonly queued: number;
  readonly deferred: number;
  readonly unreachable: number;
}

export async function writePlan(db: Db, result: PlanResult, now: Date): Promise<WriteResult> {
  if (result.steps.length === 0) return { steps: 0, queued: 0, deferred: 0, unreachable: 0 };
  const perStep = new Map<string, number>();
  for (const m of result.messages) {
    const k = stepKeyString(m.stepKey);
    perStep.set(k, (perStep.get(k) ?? 0) + 1);
  }
  return db.transaction().execute(async (trx) => {
    const claimed = await claimSteps(
      trx,
      result.steps.map((s) => ({ ...s, queued: perStep.get(stepKeyString(s)) ?? 0 })),
      now,
    );
    const mine = result.messages.filter((m) => claimed.has(stepKeyString(m.stepKey)));
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
      written.map((m) => ({
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
        spec: specToJson(m.spec),
      })),
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
