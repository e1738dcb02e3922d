export {
  exponentialBackoffMs,
  OUTBOX_BACKOFF_BASE_MS,
  OUTBOX_BACKOFF_MAX_MS,
  OUTBOX_MAX_ATTEMPTS,
} from "./backoff";
export {
  type BeforeSendDecision,
  createDispatcher,
  type Dispatcher,
  type DispatcherOptions,
  type Timers,
} from "./dispatcher";
export {
  type EnqueueInput,
  type EnqueueResult,
  enqueueMessage,
  OUTBOX_KINDS,
  type OutboxKind,
} from "./enqueue";
export type { OutboxRow } from "./rows";
