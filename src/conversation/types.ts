/**
 * The vocabulary of the form engine. Everything here is plain JSON so that a state can be stored
 * in one column and read back after a restart or a deploy (see README.md in this folder).
 */
import type { OutboundMessage } from "../channels/types";
import type { Lang } from "../i18n/index";

/** Evidence as the runner describes it once the bytes are stored (the engine never sees bytes). */
export interface FileAnswer {
  readonly fileId: string;
  readonly name: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  /** Lower-case hex SHA-256 of the stored bytes. */
  readonly sha256: string;
}

/**
 * A typed answer: text/long_text/url/phone/email/choice → string (a choice stores the option
 * value, a phone its E.164 form), date → LocalDate "YYYY-MM-DD", integer/decimal → number,
 * yes_no → boolean, multi_choice → option values, file → FileAnswer, group → one record per repeat.
 */
export type AnswerValue = string | number | boolean | readonly string[] | FileAnswer | readonly GroupItem[];

/** `null` = the question was shown and skipped (/boqua); an absent key = never answered. */
export type Answers = Readonly<Record<string, AnswerValue | null>>;
export type GroupItem = Readonly<Record<string, AnswerValue | null>>;

/** Where the conversation stands. Item and "more" cursors live inside a repeatable group. */
export type Cursor =
  | { readonly at: "q"; readonly id: string }
  | { readonly at: "item"; readonly group: string; readonly index: number; readonly id: string }
  /** "Add another?" after the group's current items (their count is the array's length). */
  | { readonly at: "more"; readonly group: string }
  | { readonly at: "review" };

export type Status = "answering" | "reviewing" | "cancelled" | "submitted";

/** Bumped when the shape of FormState itself changes; unknown shapes are reset with an explanation. */
export const STATE_SCHEMA = 1;

export interface FormState {
  readonly schema: typeof STATE_SCHEMA;
  /** The Form.version the answers were given against. */
  readonly formVersion: number;
  readonly status: Status;
  readonly cursor: Cursor;
  readonly answers: Answers;
  /** Positions visited before the cursor, for /quaylai. Never holds the same position twice. */
  readonly history: readonly Cursor[];
  /** Groups whose "add another?" loop was closed (answered no, or max reached). */
  readonly groupsDone: readonly string[];
  /** After answering, jump to the first unanswered position (or the review) instead of the next one. */
  readonly editing: boolean;
  /** The principal chose "Không có phát sinh": the review offers a nil submission. */
  readonly nil: boolean;
  /** Selection being built with toggle buttons on a multi_choice question. */
  readonly pending: readonly string[] | null;
  readonly startedAt: string;
  readonly updatedAt: string;
}

export type CommandName = "back" | "skip" | "cancel" | "resume" | "start" | "submit" | "nil" | "unnil";

export type Command =
  | { readonly name: CommandName }
  /** n is the number shown in the review ("sửa câu 3"). */
  | { readonly name: "edit"; readonly n: number }
  | { readonly name: "delete"; readonly n: number }
  /** Review: add one more repeat to a group. */
  | { readonly name: "add"; readonly group: string };

export type StepInput =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "action"; readonly payload: string }
  | { readonly kind: "file"; readonly file: FileAnswer }
  | { readonly kind: "command"; readonly command: Command };

export interface StepContext {
  readonly now: Date;
  readonly lang: Lang;
  /** The subset of ChannelCapabilities the engine reads; null buttons = numbered lists. */
  readonly buttons: { readonly maxButtons: number; readonly maxLabelChars: number } | null;
  /** Last period's submitted answers, proposed where a question has carry_over. */
  readonly previous?: Answers | undefined;
  /** The obligation allows a nil report ("Không có phát sinh"). */
  readonly nilAllowed: boolean;
}

export interface Submission {
  readonly formVersion: number;
  readonly nil: boolean;
  /** Only visible, non-skipped answers (see cleanAnswers). */
  readonly answers: Answers;
  readonly submittedAt: string;
}

export type Effect =
  | { readonly type: "reply"; readonly message: OutboundMessage }
  | { readonly type: "submit"; readonly submission: Submission }
  | { readonly type: "cancel" }
  | { readonly type: "resume" }
  /** The draft was written against another form version and was migrated (or reset). */
  | { readonly type: "migrated"; readonly fromVersion: number | null; readonly lost: number };

export interface StepResult {
  readonly state: FormState;
  readonly effects: readonly Effect[];
}
