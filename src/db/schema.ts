/**
 * Table types for Kysely. Portable SQL only (SQLite and PostgreSQL): ids are text, instants are
 * ISO-8601 UTC strings ("2026-11-24T16:59:59.999Z"), calendar dates are "YYYY-MM-DD" strings,
 * booleans are 0/1 integers, structured values are JSON text.
 */
import type { ColumnType, Generated } from "kysely";

export interface UnitTable {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  /** Comma-separated school levels, e.g. "th,thcs"; empty for non-schools. */
  levels: string;
  parent_id: string | null;
  reports_to_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  phone: string | null;
  email: string | null;
  created_at: string;
  updated_at: string;
}

export interface UnitLinkTable {
  id: string;
  from_unit_id: string;
  to_unit_id: string;
  /** merge | rename | split | transfer */
  kind: string;
  effective_date: string;
  note: string | null;
}

export interface PersonTable {
  id: string;
  full_name: string;
  phone: string | null;
  email: string | null;
  /** thay | co | dong_chi | anh | chi | null (use the neutral form) */
  address_as: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipTable {
  id: string;
  person_id: string;
  unit_id: string;
  /** head | deputy | comms | office_staff | admin | cluster_head | staff */
  role: string;
  valid_from: string | null;
  valid_to: string | null;
  created_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface PlanTable {
  id: string;
  /** preset | file */
  source: string;
  /** The validated plan as JSON. */
  content: string;
  /** Hash of content: drafts and instances remember which version they were made under. */
  version: string;
  created_at: string;
}

export interface ArticleTable {
  id: string;
  unit_id: string;
  url: string;
  /** Lower-cased host + path without tracking parameters: the same link counts once per unit. */
  url_key: string;
  title: string;
  /** website | fanpage | zalo_oa | press | other */
  channel: string;
  /** Press outlet name when channel is press. */
  outlet: string | null;
  topic: string | null;
  published_on: string;
  submitted_by: string | null;
  created_at: string;
  /** A stored file (migration 0047). */
  screenshot_file_id?: string | null;
}

export interface InviteTable {
  id: string;
  person_id: string;
  /** SHA-256 (HMAC when a pepper is set) of the normalised code; never the code itself. */
  code_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
  /** Who made it ("cli" or a person id). */
  created_by: string | null;
}

export interface ChannelLinkTable {
  id: string;
  person_id: string;
  /** A ChannelId: web | telegram | zalo-oa | zalo-bot | zalo-personal */
  channel: string;
  chat_id: string;
  platform_user_id: string;
  linked_at: string;
  last_interaction_at: string | null;
  unreachable_at: string | null;
}

export interface LinkAttemptTable {
  id: string;
  channel: string;
  chat_id: string;
  at: string;
}

export interface ZaloOaTokenTable {
  app_id: string;
  access_token: string;
  /** Single-use: replaced together with the access token on every refresh. */
  refresh_token: string;
  access_expires_at: string;
  refresh_expires_at: string | null;
  version: number;
  updated_at: string;
}

export interface ZaloOaConsentTable {
  /** OAuth state (random); also the key the CLI waits on. */
  state: string;
  code_verifier: string;
  created_at: string;
  completed_at: string | null;
  error: string | null;
}

export interface ZaloZbsUsageTable {
  /** YYYY-MM-DD in Asia/Ho_Chi_Minh. */
  day: string;
  sent: number;
  zalo_remaining: number | null;
  updated_at: string;
}

export interface InboundEventTable {
  channel: string;
  platform_id: string;
  chat_id: string;
  kind: string;
  /** received | done | failed | timed_out */
  status: string;
  error: string | null;
  received_at: string;
  processed_at: string | null;
  /** Accept order (migration 0070); null on rows accepted before it. */
  seq: ColumnType<number | null, number | null | undefined, number | null>;
  /** What rebuilds the event (JSON) until it is handled, then null (migration 0070). */
  body: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OutboxTable {
  id: Generated<number>;
  person_id: string | null;
  channel: string;
  chat_id: string;
  /** OutboundMessage as JSON. */
  message: string;
  /** reply | reminder | alert | digest */
  kind: string;
  dedupe_key: string | null;
  not_before: string;
  attempts: Generated<number>;
  /** pending | sending | sent | failed | dead | deferred | cancelled */
  status: string;
  last_error: string | null;
  platform_message_id: string | null;
  created_at: string;
  sent_at: string | null;
  /**
   * When the open row began waiting for its channel (down, unreachable, throttling, pacing); null
   * when it is not waiting (migration 0078). Bounds such waits, which do not count as attempts.
   */
  channel_wait_since: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ChatChoiceTable {
  channel: string;
  chat_id: string;
  /** [{label, payload}] JSON. */
  choices: string;
  outbox_id: number | null;
  created_at: string;
}

export interface StoredFileTable {
  id: string;
  sha256: string;
  path: string;
  size_bytes: number;
  mime_type: string;
  original_name: string | null;
  channel: string | null;
  created_at: string;
}

export interface MigrationLockRow {
  id: Generated<number>;
}

/** Web chat sessions (migration 0020): the signed cookie names a row. */
export interface WebSessionTable {
  id: string;
  chat_id: string;
  /** 0/1: issued for a chat already linked to a person. */
  linked: number;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

/** Web chat history (migration 0021). */
export interface WebMessageTable {
  id: string;
  chat_id: string;
  seq: number;
  /** in | out */
  direction: string;
  /** JSON, see src/channels/web/store.ts */
  body: string;
  client_id: string | null;
  created_at: string;
}

/** Web chat files (migration 0022); bytes on disk under DATA_DIR/webchat/files. */
export interface WebFileTable {
  id: string;
  chat_id: string;
  /** in | out */
  direction: string;
  name: string;
  mime_type: string;
  size_bytes: number;
  storage_key: string;
  created_at: string;
}

/** Conversation drafts (migration 0040): the engine's state per person and thing being filled. */
export interface DraftTable {
  id: string;
  person_id: string;
  unit_id: string;
  /** report | article | incident | incident_update */
  kind: string;
  obligation_code: string;
  /** "" for articles and incidents. */
  period_key: string;
  submission_id: string | null;
  incident_id: string | null;
  form_version: number;
  /** FormState JSON. */
  state: string;
  /** open | submitted | expired | discarded */
  status: string;
  /** 0/1: the draft the person is answering now (at most one). */
  active: number;
  revision: number;
  /** {name: LocalizedText, period: PeriodLabel | null} JSON. */
  label: string;
  channel: string;
  chat_id: string;
  created_at: string;
  updated_at: string;
  expires_at: string;
  warned_at: string | null;
}

/** Current submission per (unit, obligation, period) (migration 0041). */
export interface SubmissionTable {
  id: string;
  reference: string;
  unit_id: string;
  obligation_code: string;
  period_key: string;
  form_version: number;
  /** Answers JSON of the current revision. */
  answers: string;
  nil: number;
  /** submitted | returned | resubmitted | accepted */
  review_state: string;
  revision: number;
  submitted_by: string | null;
  submitted_at: string;
  updated_by: string | null;
  updated_at: string;
  due_at: string;
  late: number;
  idempotency_key: string;
}

/** Every version of a submission (migration 0042). */
export interface SubmissionRevisionTable {
  id: string;
  submission_id: string;
  revision: number;
  form_version: number;
  answers: string;
  nil: number;
  revision_key: string;
  by_person: string | null;
  /** chat | cli */
  source: string;
  at: string;
}

/** Office actions on submissions and unit reopenings (migration 0043). */
export interface ReviewTable {
  id: string;
  submission_id: string;
  /** return | accept | reopen */
  action: string;
  note: string | null;
  by_person: string | null;
  source: string;
  at: string;
}

/** Closed periods (migration 0044). */
export interface PeriodLockTable {
  obligation_code: string;
  period_key: string;
  locked_at: string;
  locked_by: string | null;
}

/** Incident reports (migration 0045). */
export interface IncidentTable {
  id: string;
  reference: string;
  unit_id: string;
  obligation_code: string;
  form_version: number;
  answers: string;
  severity: string | null;
  reported_by: string | null;
  reported_at: string;
  /** open | closed */
  status: string;
  closed_at: string | null;
  closed_by: string | null;
  idempotency_key: string;
}

/** Follow-ups of incidents (migration 0046). */
export interface IncidentUpdateTable {
  id: string;
  incident_id: string;
  answers: string;
  by_person: string | null;
  at: string;
  idempotency_key: string;
}

/** Stored files referenced by revisions, incidents, updates and articles (migration 0048). */
export interface SubmissionFileTable {
  id: string;
  /** submission_revision | incident | incident_update | article */
  owner_kind: string;
  owner_id: string;
  file_id: string;
  question_path: string;
}

/** Per-unit exemptions from an obligation (migration 0060). */
export interface ExemptionTable {
  id: string;
  unit_id: string;
  obligation_code: string;
  /** A period key, or "*" for every period. */
  period_key: string;
  reason: string;
  created_by: string | null;
  created_at: string;
}

/** What a queued reminder/escalation/digest is about (migration 0061); outbox_id = outbox.id. */
export interface ReminderMessageTable {
  outbox_id: number;
  /** reminder | escalation | digest_missing | digest_group | digest_weekly */
  kind: string;
  unit_id: string | null;
  obligation_code: string | null;
  period_key: string | null;
  step: string;
  person_id: string | null;
  base_key: string;
  send_day: string;
  counted: number;
  /** MessageSpec JSON (src/reminders/types.ts). */
  spec: string;
  fallback_at: string | null;
}

/** Ladder steps already planned (migration 0062). */
export interface ReminderStepTable {
  scope: string;
  period_key: string;
  step: string;
  planned_at: string;
  queued: number;
  /** What the step's reminders share, as JSON (migration 0075); NULL when they carry it all. */
  spec: string | null;
}

/** Reminders that reached nobody (migration 0063). */
export interface ReminderUndeliveredTable {
  key: string;
  person_id: string | null;
  unit_id: string | null;
  obligation_code: string | null;
  period_key: string | null;
  /** no_link | all_channels_failed | no_recipient | group_post_failed */
  reason: string;
  detail: string | null;
  at: string;
}

export interface Database {
  units: UnitTable;
  unit_links: UnitLinkTable;
  people: PersonTable;
  memberships: MembershipTable;
  settings: SettingTable;
  plans: PlanTable;
  articles: ArticleTable;
  invites: InviteTable;
  channel_links: ChannelLinkTable;
  link_attempts: LinkAttemptTable;
  zalo_oa_tokens: ZaloOaTokenTable;
  zalo_oa_consents: ZaloOaConsentTable;
  zalo_zbs_usage: ZaloZbsUsageTable;
  web_sessions: WebSessionTable;
  web_messages: WebMessageTable;
  web_files: WebFileTable;
  inbound_events: InboundEventTable;
  outbox: OutboxTable;
  chat_choices: ChatChoiceTable;
  stored_files: StoredFileTable;
  drafts: DraftTable;
  submissions: SubmissionTable;
  submission_revisions: SubmissionRevisionTable;
  reviews: ReviewTable;
  period_locks: PeriodLockTable;
  incidents: IncidentTable;
  incident_updates: IncidentUpdateTable;
  submission_files: SubmissionFileTable;
  exemptions: ExemptionTable;
  reminder_messages: ReminderMessageTable;
  reminder_steps: ReminderStepTable;
  reminder_undelivered: ReminderUndeliveredTable;
}
