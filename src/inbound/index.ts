export {
  type Choice,
  consumeChoice,
  matchChoice,
  matchPendingChoice,
  rememberChoices,
  resolveChoiceAnswer,
  type UsedChoice,
} from "./choices";
export {
  acceptInboundEvent,
  acceptInboundEvents,
  countUnfinishedInboundEvents,
  finishInboundEvent,
  finishInboundEventsDone,
  type InboundRef,
  type InboundStatus,
  listUnhandledInboundEvents,
  markInboundHandled,
  pruneInboundEvents,
} from "./dedupe";
export { createKeyedQueue, type KeyedQueue } from "./keyed-queue";
export {
  createInboundPipeline,
  INBOUND_HANDLER_TIMEOUT_MS,
  type InboundHandler,
  type InboundPipeline,
  type InboundPipelineOptions,
  type InboundReceipt,
  LOST_NOTICE_MAX_AGE_MS,
  type LostInboundHandler,
  type ResumeResult,
} from "./pipeline";
export { INBOUND_RETENTION_DAYS, startInboundPruning } from "./prune";
export { type LostInboundEvent, rebuildEvent, serializeEvent } from "./record";
