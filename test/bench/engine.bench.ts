/**
 * The form engine never replays a conversation: one step reads the stored state, moves, and
 * writes it back. These benchmarks measure one step as the runner will do it (JSON.parse the
 * stored state, step, JSON.stringify) at question 1 and at question 40 of a long repeatable form
 * (10 articles × 4 questions), and after 1,000 unusable messages at question 40.
 * Targets: a step at question 40 under 1 ms; after 1,000 more messages, at most 1.5× that (it
 * must not grow with the conversation's length). A step at question 40 does cost more than at
 * question 1 — the state holds 40 answers, each re-checked on load — and the note prints both.
 */
import { start, step } from "../../src/conversation/engine";
import type { FormState, StepContext, StepInput } from "../../src/conversation/types";
import type { Form } from "../../src/domain/plan";
import type { Bench } from "./types";

const ITERATIONS = 2000;
const STEP_TARGET_MS = 1;
const LENGTH_TARGET_RATIO = 1.5;

const form: Form = {
  version: 1,
  questions: [
    {
      id: "bai_viet",
      type: "group",
      label: { vi: "Bài viết đã đăng" },
      min: 1,
      max: 50,
      questions: [
        { id: "tieu_de", type: "text", label: { vi: "Tiêu đề" } },
        { id: "link", type: "url", label: { vi: "Đường dẫn" } },
        { id: "ngay", type: "date", label: { vi: "Ngày đăng" } },
        {
          id: "kenh",
          type: "choice",
          label: { vi: "Kênh" },
          options: [
            { value: "website", label: { vi: "Trang web" } },
            { value: "fanpage", label: { vi: "Fanpage" } },
          ],
        },
      ],
    },
    { id: "ghi_chu", type: "text", label: { vi: "Ghi chú" }, required: false },
  ],
};

const ctx: StepContext = {
  now: new Date("2026-11-24T03:00:00Z"),
  lang: "vi",
  buttons: { maxButtons: 10, maxLabelChars: 40 },
  nilAllowed: true,
};

const ANSWERS = ["Lễ khai giảng năm học mới", "https://thcs-abc.edu.vn/tin-tuc/khai-giang", "hôm qua", "1"];

/** Drives the engine to the given question number of the repeat form. */
function stateAt(question: number): FormState {
  let state = start(form, ctx).state;
  for (let i = 1; i < question; i++) {
    const within = (i - 1) % 4;
    state = step(form, state, { kind: "text", text: ANSWERS[within] as string }, ctx).state;
    if (within === 3) state = step(form, state, { kind: "text", text: "có" }, ctx).state; // add another
  }
  return state;
}

/** Milliseconds of one load-step-save round. */
function oneStepMs(stored: string, input: StepInput): number {
  const t0 = performance.now();
  const result = step(form, JSON.parse(stored), input, ctx);
  JSON.stringify(result.state);
  return performance.now() - t0;
}

const median = (times: number[]): number =>
  times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;

/**
 * Median milliseconds per state, ITERATIONS runs each, taken in turns (q1, q40, noisy, q1…) so that
 * a garbage collection or a JIT tier-up lands on all three alike instead of on whichever ran last.
 */
function perStepMs(states: readonly FormState[], input: StepInput): number[] {
  const stored = states.map((s) => JSON.stringify(s));
  const times = states.map(() => [] as number[]);
  for (let i = 0; i < ITERATIONS; i++) {
    for (const [k, json] of stored.entries()) times[k]?.push(oneStepMs(json, input));
  }
  return times.map(median);
}

function measure(): { q1: number; q40: number; noisy: number } {
  const input: StepInput = { kind: "text", text: ANSWERS[0] as string };
  const q1 = stateAt(1);
  const q40 = stateAt(40);
  // 1,000 messages the engine refuses: the state (and so the next step) must not grow.
  let noisy = q40;
  for (let i = 0; i < 1000; i++) noisy = step(form, noisy, { kind: "action", payload: "y:1" }, ctx).state;
  perStepMs([q1, q40, noisy], input); // warm-up
  const [a = 0, b = 0, c = 0] = perStepMs([q1, q40, noisy], input);
  return { q1: a, q40: b, noisy: c };
}

let cached: ReturnType<typeof measure> | undefined;
const figures = () => {
  cached ??= measure();
  return cached;
};

export const engineStepBench: Bench = {
  name: "engine step at question 40 (repeat form)",
  async run() {
    const f = figures();
    return {
      value: f.q40,
      unit: "ms",
      target: STEP_TARGET_MS,
      note: `question 1: ${f.q1.toFixed(3)} ms; question 40: ${f.q40.toFixed(3)} ms; question 40 after 1,000 refused messages: ${f.noisy.toFixed(3)} ms (median of ${ITERATIONS}, parse + step + stringify)`,
    };
  },
};

export const engineLengthBench: Bench = {
  name: "engine step after 1,000 messages / before",
  async run() {
    const f = figures();
    return { value: f.noisy / f.q40, unit: "×", target: LENGTH_TARGET_RATIO };
  },
};
