export { type Choice, matchChoice, rememberChoices, resolveChoiceAnswer } from "./choices";
export {
  acceptInboundEvent,
  acceptInboundEvents,
  countUnfinishedInboundEvents,
  finishInboundEvent,
  finishInboundEventsDone,
  type InboundStatus,
  pruneInboundEvents,
} from "./dedupe";
export { createKeyedQueue, type KeyedQueue } from "./keyed-queue";
export {
  createInboundPipeline,
  INBOUND_HANDLER_TIMEOUT_MS,
  type InboundHandler,
  type InboundPipeline,
  type InboundPipelineOptions,
} from "./pipeline";
