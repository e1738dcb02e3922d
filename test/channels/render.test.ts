import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunkText, numberedChoices, renderText, renderTextWithChoices } from "../../src/channels/render";
import { translator } from "../../src/i18n/index";

const vi = translator("vi");

describe("renderText", () => {
  it("renders keys with params and plain texts as paragraphs separated by a blank line", () => {
    const text = renderText(
      {
        lang: "vi",
        parts: [{ key: "channels:file.too_large", params: { limitMb: 20 } }, { text: "  Cảm ơn Thầy/Cô.  " }],
      },
      vi,
    );
    expect(text).toBe(`${vi("channels:file.too_large", { limitMb: 20 })}\n\nCảm ơn Thầy/Cô.`);
    expect(text).toContain("đến 20 MB");
  });

  it("numbers choices from 1 and appends how to answer", () => {
    const buttons = [
      { label: { text: "Có" }, payload: "y" },
      { label: { key: "telegram:commands.huy" }, payload: "n" },
    ];
    expect(numberedChoices(buttons, vi)).toBe("1. Có\n2. Hủy thao tác đang làm");
    expect(renderTextWithChoices({ lang: "vi", parts: [{ text: "Nộp?" }], buttons }, vi)).toBe(
      `Nộp?\n\n1. Có\n2. Hủy thao tác đang làm\n${vi("channels:choices.hint")}`,
    );
  });
});

describe("chunkText", () => {
  it("prefers a paragraph break, then a line break, then a space", () => {
    expect(chunkText("aaaa bbbb\n\ncccc", 12)).toEqual(["aaaa bbbb", "cccc"]);
    expect(chunkText("aaaa\nbbbb cccc", 11)).toEqual(["aaaa", "bbbb cccc"]);
    expect(chunkText("aaaa bbbb cccc", 10)).toEqual(["aaaa bbbb", "cccc"]);
    expect(chunkText("short", 10)).toEqual(["short"]);
    expect(chunkText("   ", 10)).toEqual([]);
  });

  it("cuts a word only when it alone is longer than the limit, never inside an emoji", () => {
    expect(chunkText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
    expect(chunkText("ab😀cd", 3)).toEqual(["ab", "😀c", "d"]);
  });

  it("keeps every word, in order, with every chunk within the limit (property)", () => {
    const word = fc.string({
      minLength: 1,
      maxLength: 12,
      unit: fc.constantFrom("a", "ă", "đ", "ữ", "b", "😀"),
    });
    const sep = fc.constantFrom(" ", "\n", "\n\n", "  ");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, sep), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 24, max: 200 }),
        (pairs, limit) => {
          const text = pairs.map(([w, s]) => w + s).join("");
          const chunks = chunkText(text, limit);
          for (const c of chunks) {
            expect(c.length).toBeLessThanOrEqual(limit);
            expect(c).toBe(c.trim());
            expect(c).not.toBe("");
          }
          // Words up to 24 UTF-16 units always fit, so none is cut.
          expect(chunks.flatMap((c) => c.split(/\s+/))).toEqual(text.trim().split(/\s+/));
        },
      ),
    );
  });
});
