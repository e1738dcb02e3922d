/**
 * Property: whatever arrives — texts, stale buttons, commands, files, a plan change mid-way — step
 * never throws, the state always validates, and every submission satisfies the form's rules.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { step } from "../../src/conversation/engine";
import { questionAt } from "../../src/conversation/model";
import { reopenState } from "../../src/conversation/reopen";
import { initialState, validateState } from "../../src/conversation/state";
import { checkSubmission } from "../../src/conversation/submission";
import type { Answers, FileAnswer, FormState, StepContext, StepInput } from "../../src/conversation/types";
import type { ChoiceOption, Form, Question, QuestionType } from "../../src/domain/plan";

const LEAF_TYPES: QuestionType[] = [
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
];
const OPTIONS: ChoiceOption[] = ["a", "b", "c", "d"].map((v) => ({
  value: v,
  label: { vi: `Lựa chọn ${v}` },
}));

const optionalNumber = (values: (number | undefined)[]) => fc.constantFrom(...values);

function leafArb(id: string): fc.Arbitrary<Question> {
  return fc
    .record({
      type: fc.constantFrom(...LEAF_TYPES),
      required: fc.constantFrom(true, false, undefined),
      min: optionalNumber([undefined, 0, 1, 2]),
      max: optionalNumber([undefined, 2, 3, 100]),
      options: fc.integer({ min: 2, max: 4 }),
      carry: fc.boolean(),
      accept: fc.constantFrom(undefined, ["pdf"], ["jpg", "png"], ["image/*"]),
      maxMb: optionalNumber([undefined, 1, 5]),
    })
    .map((r) => {
      const bounded = ["integer", "decimal", "text", "long_text", "multi_choice"].includes(r.type);
      const min = bounded ? r.min : undefined;
      const max = bounded && r.max !== undefined && (min === undefined || r.max >= min) ? r.max : undefined;
      const q: Question = {
        id,
        type: r.type,
        label: { vi: `Câu ${id}`, en: `Question ${id}` },
        required: r.required,
        min,
        max: r.type === "multi_choice" && max !== undefined ? Math.min(max, r.options) : max,
        options: r.type === "choice" || r.type === "multi_choice" ? OPTIONS.slice(0, r.options) : undefined,
        carry_over: r.carry,
        accept: r.type === "file" ? r.accept : undefined,
        max_size_mb: r.type === "file" ? r.maxMb : undefined,
      };
      return q;
    });
}

/** A condition on an earlier yes/no or choice question, when there is one. */
function withCondition(q: Question, earlier: readonly Question[], pick: number, on: boolean): Question {
  const targets = earlier.filter((e) => e.type === "yes_no" || e.type === "choice");
  const target = targets[pick % Math.max(1, targets.length)];
  if (!on || !target) return q;
  const equals = target.type === "yes_no" ? [pick % 2 === 0] : [target.options?.[0]?.value ?? "a"];
  return { ...q, when: { question: target.id, equals } };
}

const formArb = (version: number): fc.Arbitrary<Form> =>
  fc
    .array(
      fc.record({
        group: fc.boolean(),
        subs: fc.integer({ min: 1, max: 3 }),
        min: optionalNumber([undefined, 0, 1, 2]),
        max: optionalNumber([undefined, 1, 2, 3]),
        required: fc.constantFrom(true, false, undefined),
        cond: fc.boolean(),
        pick: fc.nat(10),
        seed: fc.array(leafArb("x"), { minLength: 3, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 6 },
    )
    .map((specs) => {
      const questions: Question[] = [];
      specs.forEach((spec, i) => {
        const id = `q${i}`;
        let q: Question;
        if (spec.group && i > 0) {
          const subs: Question[] = [];
          for (let k = 0; k < spec.subs; k++) {
            const sub = { ...(spec.seed[k] as Question), id: `${id}s${k}` };
            subs.push(withCondition(sub, subs, spec.pick + k, spec.cond && k > 0));
          }
          const max =
            spec.max !== undefined && spec.min !== undefined && spec.max < spec.min ? spec.min : spec.max;
          q = {
            id,
            type: "group",
            label: { vi: `Nhóm ${id}` },
            required: spec.required,
            min: spec.min,
            max,
            questions: subs,
          };
        } else {
          q = { ...(spec.seed[0] as Question), id };
        }
        questions.push(withCondition(q, questions, spec.pick, spec.cond));
      });
      return { version, questions };
    });

/** "smart": resolved at run time into a valid answer for whatever is asked, so runs reach the end. */
type Move = StepInput | { kind: "smart"; variant: number };

const fileArb: fc.Arbitrary<FileAnswer> = fc.record({
  fileId: fc.constantFrom("f1", "f2"),
  name: fc.constantFrom("a.pdf", "b.jpg", "", "c.docx", "d.PNG"),
  mimeType: fc.constantFrom("application/pdf", "image/jpeg", "image/png", "application/msword"),
  sizeBytes: fc.constantFrom(0, 1000, 3 * 1024 * 1024, 30 * 1024 * 1024),
  sha256: fc.constantFrom("a".repeat(64), "bad"),
});

const moveArb: fc.Arbitrary<Move> = fc.oneof(
  { weight: 6, arbitrary: fc.nat(5).map((variant) => ({ kind: "smart" as const, variant })) },
  {
    weight: 3,
    arbitrary: fc
      .oneof(
        fc.constantFrom(
          "1",
          "2",
          "3",
          "0",
          "12",
          "1,3",
          "1 2",
          "-5",
          "1.234,5",
          "có",
          "không",
          "co",
          "khong",
          "hôm nay",
          "24/11/2026",
          "31/02/2026",
          "15/8",
          "https://truong.edu.vn/a",
          "www.a.vn",
          "ftp://a.vn",
          "0912345678",
          "a@b.vn",
          "abc",
          "",
          "   ",
          "giữ",
          "/quaylai",
          "/boqua",
          "/huy",
          "/tieptuc",
          "/gui",
          "/start",
          "sửa 1",
          "sửa 2",
          "xóa 1",
          "xoá 2",
          "gửi",
          "không có phát sinh",
          "/xyz",
          "Lựa chọn b",
          "/sua 3",
        ),
        fc.string({ maxLength: 30 }),
      )
      .map((text) => ({ kind: "text" as const, text })),
  },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(
        "y:1",
        "y:0",
        "o:a",
        "o:b",
        "o:z",
        "o#1",
        "m:a",
        "m:b",
        "m:c",
        "m!",
        "k:cur",
        "k:prev",
        "c:back",
        "c:skip",
        "c:cancel",
        "c:resume",
        "c:submit",
        "c:nil",
        "c:unnil",
        "e:1",
        "e:4",
        "d:1",
        "d:2",
        "a:q1",
        "a:q2",
        "a:zz",
        "",
        "garbage",
      )
      .map((payload) => ({ kind: "action" as const, payload })),
  },
  { weight: 1, arbitrary: fileArb.map((file) => ({ kind: "file" as const, file })) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc
          .constantFrom("back", "skip", "cancel", "resume", "start", "submit", "nil", "unnil")
          .map((name) => ({ name })),
        fc.record({ name: fc.constantFrom("edit", "delete"), n: fc.integer({ min: -1, max: 8 }) }),
        fc.record({ name: fc.constant("add"), group: fc.constantFrom("q1", "q2", "q9") }),
      )
      .map((command) => ({ kind: "command" as const, command }) as StepInput),
  },
);

function smartAnswer(form: Form, s: FormState, variant: number): StepInput {
  if (s.status === "cancelled") return { kind: "command", command: { name: "resume" } };
  if (s.status === "reviewing") return { kind: "action", payload: "c:submit" };
  if (s.cursor.at === "more") return { kind: "text", text: variant % 3 === 0 ? "có" : "không" };
  const q = questionAt(form, s.cursor)?.question;
  if (!q) return { kind: "text", text: "x" };
  if (q.required === false && variant === 5) return { kind: "command", command: { name: "skip" } };
  const n = Math.max(q.min ?? 0, Math.min(q.max ?? 3, 3));
  switch (q.type) {
    case "text":
    case "long_text":
      return {
        kind: "text",
        text: "chữ".padEnd(Math.max(3, q.min ?? 0), "x").slice(0, Math.max(1, q.max ?? 500)),
      };
    case "integer":
    case "decimal":
      return { kind: "text", text: String(n) };
    case "choice":
      return { kind: "text", text: String(1 + (variant % (q.options?.length ?? 1))) };
    case "multi_choice": {
      const count = Math.max(1, q.min ?? 1);
      return { kind: "text", text: Array.from({ length: count }, (_, i) => i + 1).join(",") };
    }
    case "yes_no":
      return { kind: "text", text: variant % 2 === 0 ? "có" : "không" };
    case "date":
      return { kind: "text", text: "hôm nay" };
    case "url":
      return { kind: "text", text: "https://truong.edu.vn/tin" };
    case "phone":
      return { kind: "text", text: "0912 345 678" };
    case "email":
      return { kind: "text", text: "vp@truong.edu.vn" };
    case "file": {
      const accept = q.accept?.[0] ?? "pdf";
      const ext = accept === "image/*" ? "png" : accept;
      const mime = ext === "pdf" ? "application/pdf" : `image/${ext === "jpg" ? "jpeg" : ext}`;
      return {
        kind: "file",
        file: { fileId: "f", name: `m.${ext}`, mimeType: mime, sizeBytes: 10, sha256: "c".repeat(64) },
      };
    }
    case "group":
      return { kind: "text", text: "x" };
  }
}

const ctxArb: fc.Arbitrary<Omit<StepContext, "now">> = fc.record({
  lang: fc.constantFrom("vi" as const, "en" as const),
  buttons: fc.option(
    fc.record({
      maxButtons: fc.integer({ min: 1, max: 12 }),
      maxLabelChars: fc.integer({ min: 5, max: 64 }),
    }),
    { nil: null },
  ),
  nilAllowed: fc.boolean(),
  previous: fc.option(
    fc.dictionary(
      fc.constantFrom("q0", "q1", "q2", "q3"),
      fc.oneof(
        fc.constant<unknown>("+84912345678"),
        fc.constant<unknown>(3),
        fc.constant<unknown>(true),
        fc.constant<unknown>("a"),
        fc.constant<unknown>(null),
      ),
    ) as fc.Arbitrary<Answers>,
    { nil: undefined },
  ),
});

let submissions = 0;
let nilSubmissions = 0;

describe("engine properties", () => {
  it("never throws, always yields a valid state, and only submits what the form allows", () => {
    fc.assert(
      fc.property(
        formArb(1),
        formArb(2),
        ctxArb,
        fc.array(moveArb, { minLength: 1, maxLength: 70 }),
        fc.option(fc.nat(70), { nil: undefined }),
        (form1, form2, base, moves, switchAt) => {
          let form = form1;
          let now = Date.parse("2026-11-24T03:00:00Z");
          let state: unknown = initialState(form, new Date(now));
          for (const [i, move] of moves.entries()) {
            if (i === switchAt) form = form2; // the plan changed under a draft
            now += 60_000;
            const ctx: StepContext = { ...base, now: new Date(now) };
            const current = state as FormState;
            const input = move.kind === "smart" ? smartAnswer(form, current, move.variant) : move;
            const result = step(form, state, input, ctx);
            const check = validateState(form, result.state);
            if (!check.ok)
              throw new Error(`invalid state after ${JSON.stringify(input)}: ${check.problems.join("; ")}`);
            for (const effect of result.effects) {
              if (effect.type === "submit") {
                const { answers, nil } = effect.submission;
                const ok = checkSubmission(form, answers, { nil });
                if (!ok.ok) throw new Error(`bad submission ${JSON.stringify(ok.problems)}`);
                submissions++;
                if (nil) nilSubmissions++;
                else {
                  // Reopening what was sent and sending again gives back exactly the same answers.
                  const reopened = reopenState(form, answers, ctx.now);
                  expect(validateState(form, reopened)).toEqual({ ok: true });
                  const again = step(form, reopened, { kind: "action", payload: "c:submit" }, ctx).effects;
                  const resent = again.find((e) => e.type === "submit");
                  expect(resent?.type === "submit" && resent.submission.answers).toEqual(answers);
                }
              }
              if (effect.type === "reply") {
                expect(effect.message.parts.length).toBeGreaterThan(0);
                const buttons = effect.message.buttons ?? [];
                expect(buttons.length).toBeLessThanOrEqual(base.buttons?.maxButtons ?? 0);
                for (const b of buttons)
                  expect(new TextEncoder().encode(b.payload).length).toBeLessThanOrEqual(64);
              }
            }
            state = JSON.parse(JSON.stringify(result.state));
          }
        },
      ),
      { numRuns: 400 },
    );
    // The property must have exercised the end of the flow, or it proves little.
    expect(submissions).toBeGreaterThan(20);
    expect(nilSubmissions).toBeGreaterThan(0);
  });

  it("a state from anywhere (random JSON) is migrated into a valid one, never a crash", () => {
    fc.assert(
      fc.property(formArb(1), fc.jsonValue(), moveArb, (form, raw, move) => {
        const ctx: StepContext = {
          now: new Date("2026-11-24T03:00:00Z"),
          lang: "vi",
          buttons: null,
          nilAllowed: true,
        };
        const input = move.kind === "smart" ? ({ kind: "text", text: "1" } as const) : move;
        const result = step(form, raw, input, ctx);
        expect(validateState(form, result.state)).toEqual({ ok: true });
      }),
      { numRuns: 300 },
    );
  });
});
