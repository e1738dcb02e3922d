/**
 * The shape of a form: the questions the bot asks, one at a time. Cross-question rules (unique ids,
 * `when` naming an earlier question, options for choices…) live in form-rules.ts, because they
 * must run even when another question of the same form is malformed.
 */
import { z } from "zod";
import type { Question } from "../domain/plan";
import { identifier, localizedText, positiveInt } from "./fields";

export const QUESTION_TYPES = [
  "text",
  "long_text",
  "integer",
  "decimal",
  "choice",
  "multi_choice",
  "yes_no",
  "date",
  "url",
  "phone",
  "email",
  "file",
  "group",
] as const satisfies readonly Question["type"][];

export const choiceOptionSchema = z.strictObject({ value: identifier, label: localizedText });

const questionShape = {
  id: identifier,
  type: z.enum(QUESTION_TYPES),
  label: localizedText,
  help: localizedText.optional(),
  required: z.boolean().default(true),
  min: z.number().optional(),
  max: z.number().optional(),
  options: z.array(choiceOptionSchema).optional(),
  when: z
    .strictObject({
      question: identifier,
      equals: z.array(z.union([z.string(), z.boolean()])).min(1),
    })
    .optional(),
  carry_over: z.boolean().optional(),
  accept: z
    .array(
      z
        .string()
        .regex(/^[a-z0-9]+$/)
        .min(1),
    )
    .min(1)
    .optional(),
  max_size_mb: z.number().positive().optional(),
};

/** A question; a `group` holds the questions asked for each repeat. */
export const questionSchema: z.ZodType<Question> = z.strictObject({
  ...questionShape,
  questions: z.lazy(() => z.array(questionSchema)).optional(),
});

export const formSchema = z.strictObject({
  version: positiveInt,
  questions: z.array(questionSchema).min(1),
});
