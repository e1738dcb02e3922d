import { describe, expect, it } from "vitest";
import { step } from "../../src/conversation/engine";
import { migrateState } from "../../src/conversation/migrate";
import { initialState, validateState } from "../../src/conversation/state";
import type { FormState } from "../../src/conversation/types";
import type { Form, Question } from "../../src/domain/plan";
import { Chat, cmd, ctxOf, monthlyReport, NOW, render, text } from "./fixtures";

function bumped(change: (qs: Question[]) => Question[]): Form {
  return { version: monthlyReport.version + 1, questions: change([...monthlyReport.questions]) };
}

/** A draft standing at the phone question, with a featured article. */
function draft(): FormState {
  const chat = new Chat(monthlyReport);
  for (const input of ["12", "1,3", "không", "có", "Khai giảng", "a.vn/x", "1/9/2026", "2", "không"]) {
    chat.send(input);
  }
  expect(chat.state.cursor).toEqual({ at: "q", id: "sdt" });
  return chat.state;
}

describe("migrateState", () => {
  it("leaves a valid state of the same version untouched", () => {
    const s = draft();
    const m = migrateState(monthlyReport, s, NOW);
    expect(m).toMatchObject({ changed: false, notice: null, lost: 0 });
    expect(m.state).toEqual(s);
  });

  it("carries a draft silently to a new version when everything still fits", () => {
    const form = bumped((qs) => [
      ...qs,
      { id: "moi", type: "text", label: { vi: "Câu mới" }, required: false },
    ]);
    const m = migrateState(form, draft(), NOW);
    expect(m).toMatchObject({ changed: true, notice: null, lost: 0, fromVersion: 3 });
    expect(m.state.formVersion).toBe(4);
    expect(m.state.cursor).toEqual({ at: "q", id: "sdt" });
    expect(validateState(form, m.state)).toEqual({ ok: true });
  });

  it("drops answers whose question is gone or no longer validates, and restarts at the first gap with an explanation", () => {
    const form = bumped(
      (qs) => qs.filter((q) => q.id !== "kenh").map((q) => (q.id === "so_tin_bai" ? { ...q, max: 10 } : q)), // 12 no longer fits
    );
    const m = migrateState(form, draft(), NOW);
    expect(m.lost).toBe(2);
    expect(m.notice).toEqual({ key: "form:migrate.changed", params: { lost: 2 } });
    expect(m.state.cursor).toEqual({ at: "q", id: "so_tin_bai" });
    expect(m.state.answers).not.toHaveProperty("kenh");
    expect(m.state.answers.bai_viet).toHaveLength(1);
    expect(validateState(form, m.state)).toEqual({ ok: true });
  });

  it("trims group repeats above a lowered max and drops sub-answers that no longer fit", () => {
    const group = monthlyReport.questions.find((q) => q.id === "bai_viet") as Question;
    const form = bumped((qs) =>
      qs.map((q) =>
        q.id === "bai_viet"
          ? { ...group, max: 1, questions: (group.questions ?? []).filter((s) => s.id !== "link") }
          : q,
      ),
    );
    const s = draft();
    const two = {
      ...s,
      answers: { ...s.answers, bai_viet: [...(s.answers.bai_viet as []), { tieu_de: "B" }] },
    };
    const m = migrateState(form, two, NOW);
    expect(m.lost).toBe(2); // the second repeat, and the first repeat's link
    expect(m.state.answers.bai_viet).toEqual([
      { tieu_de: "Khai giảng", ngay_dang: "2026-09-01", chu_de: "hoat_dong" },
    ]);
    expect(validateState(form, m.state)).toEqual({ ok: true });
  });

  it.each([
    ["null", null],
    ["a string", "garbage"],
    ["an old schema", { schema: 0, cursor: 3 }],
    ["a half-written row", { ...initialState(monthlyReport, NOW), answers: undefined }],
  ])("resets %s with an explanation, never throws", (_, raw) => {
    const m = migrateState(monthlyReport, raw, NOW);
    expect(m.notice).toEqual({ key: "form:migrate.reset" });
    expect(m.fromVersion).toBeNull();
    expect(validateState(monthlyReport, m.state)).toEqual({ ok: true });
  });

  it("moves a review to a question the new version added, explaining why", () => {
    const chat = new Chat(monthlyReport);
    for (const input of ["12", "1", "không", "không", "0912345678", "/boqua"]) chat.send(input);
    expect(chat.state.status).toBe("reviewing");
    const form = bumped((qs) => [...qs, { id: "email", type: "email", label: { vi: "Thư điện tử" } }]);
    const m = migrateState(form, chat.state, NOW);
    expect(m.notice).toEqual({ key: "form:migrate.moved" });
    expect(m.state).toMatchObject({ status: "answering", cursor: { at: "q", id: "email" }, editing: true });
  });
});

describe("step on a draft of an older form version", () => {
  it("explains, asks the current question, and does not apply the message to the wrong question", () => {
    const form = bumped((qs) => qs.filter((q) => q.id !== "kenh"));
    const result = step(form, draft(), text("0912345678"), ctxOf());
    expect(result.effects[0]).toEqual({ type: "migrated", fromVersion: 3, lost: 1 });
    const reply = result.effects[1];
    expect(reply?.type).toBe("reply");
    if (reply?.type !== "reply") return;
    expect(render(reply.message)).toMatch(
      /^Biểu mẫu báo cáo vừa được cập nhật\. Các câu trả lời còn phù hợp đã được giữ lại; 1 câu trả lời không còn phù hợp cần nhập lại\./,
    );
    expect(result.state.answers.sdt).toBeUndefined();
    expect(validateState(form, result.state)).toEqual({ ok: true });
  });

  it("still honours /huy", () => {
    const form = bumped((qs) => qs.filter((q) => q.id !== "kenh"));
    const result = step(form, draft(), cmd("cancel"), ctxOf());
    expect(result.effects.map((e) => e.type)).toEqual(["migrated", "cancel", "reply"]);
    expect(result.state.status).toBe("cancelled");
  });

  it("applies the message normally after a silent migration", () => {
    const form = bumped((qs) => [
      ...qs,
      { id: "moi", type: "text", label: { vi: "Câu mới" }, required: false },
    ]);
    const result = step(form, draft(), text("0912345678"), ctxOf());
    expect(result.effects[0]).toEqual({ type: "migrated", fromVersion: 3, lost: 0 });
    expect(result.state.answers.sdt).toBe("+84912345678");
  });
});
