export {
  channelWaitBackoffMs,
  exponentialBackoffMs,
  OUTBOX_BACKOFF_BASE_MS,
  OUTBOX_BACKOFF_MAX_MS,
  OUTBOX_CHANNEL_RETRY_MAX_MS,
  OUTBOX_CHANNEL_RETRY_MIN_MS,
  OUTBOX_MAX_ATTEMPTS,
  OUTBOX_MAX_CHANNEL_WAIT_MS,
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
