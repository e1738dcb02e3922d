import { describe, expect, it } from "vitest";
import { progressBar, renderProgress } from "../../src/org/progress";

describe("progress bar", () => {
  it("draws the share done", () => {
    expect(renderProgress("Đang ghi", 0, 200)).toBe(`Đang ghi ${"░".repeat(30)}   0% (0/200)`);
    expect(renderProgress("Đang ghi", 100, 200)).toBe(
      `Đang ghi ${"█".repeat(15)}${"░".repeat(15)}  50% (100/200)`,
    );
    expect(renderProgress("Đang ghi", 0, 0)).toContain("100%");
  });

  it("redraws in place only when the percentage changes, and ends the line when done", () => {
    const chunks: string[] = [];
    const tick = progressBar((s) => chunks.push(s), "Đang ghi");
    for (let i = 1; i <= 1000; i++) tick(i, 1000);
    expect(chunks).toHaveLength(101); // 0 % to 100 %
    expect(chunks.every((c) => c.startsWith("\r"))).toBe(true);
    expect(chunks.at(-1)?.endsWith("(1000/1000)\n")).toBe(true);
  });
});
