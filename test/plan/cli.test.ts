import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { SHIPPED_CALENDARS_DIR } from "../../src/plan/index";
import { tempDir } from "../helpers/db";

const FIXTURES = path.resolve(__dirname, "../fixtures/plan");
const NOW = new Date("2026-11-20T03:00:00.000Z");

let dataDir: string;
beforeEach(() => {
  dataDir = tempDir();
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env: { DATA_DIR: dataDir },
    now: () => NOW,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    interactive: false,
  });
  return { code, out, err };
}

describe("baocao plan", () => {
  it("presets: one line per preset with title, seed and obligation count; --json", async () => {
    const text = await run("plan", "presets");
    expect(text.code).toBe(0);
    expect(text.out[0]).toBe("Mã | Tên kế hoạch | Kế hoạch nguồn | Số nhiệm vụ");
    expect(text.out.find((l) => l.startsWith("hoabinh-2025"))).toMatch(/Hòa Bình năm 2025 \| 004 \| 10$/);
    const json = await run("plan", "presets", "--json", "--lang", "en");
    const list = JSON.parse(json.out[0] ?? "[]") as {
      id: string;
      seed: string | null;
      obligations: number;
    }[];
    expect(list.map((p) => p.id)).toEqual([
      "modern",
      "hanoi-2017",
      "kimthanh-2024",
      "badinh-2024",
      "haiphong-2021",
      "hoabinh-2025",
    ]);
    expect(list.find((p) => p.id === "hanoi-2017")).toMatchObject({
      seed: "000_55dd8beeb9454b5f.txt",
      obligations: 5,
    });
  });

  it("validate: OK summary for a valid file", async () => {
    const r = await run("plan", "validate", path.join(FIXTURES, "example.yaml"));
    expect(r).toEqual({
      code: 0,
      out: [
        'Tệp example.yaml hợp lệ: kế hoạch "Kế hoạch truyền thông năm học 2026-2027" (so-vidu-2026), 3 nhiệm vụ, lịch vn.',
      ],
      err: [],
    });
  });

  it("validate: every error with its path and line, exit 1, in Vietnamese or English", async () => {
    const vi = await run("plan", "validate", path.join(FIXTURES, "bad.yaml"));
    expect(vi.code).toBe(1);
    expect(vi.err[0]).toBe("Tệp bad.yaml có 20 lỗi:");
    expect(vi.err).toHaveLength(21);
    expect(vi.err).toContain("  obligations[0].due.day (dòng 15, cột 44): Giá trị phải không quá 31");
    const en = await run("plan", "validate", path.join(FIXTURES, "bad.json"), "--lang", "en");
    expect(en.code).toBe(1);
    expect(en.err[0]).toBe("bad.json: 6 error(s):");
    expect(
      en.err.some(
        (l) => l.startsWith("  obligations[0].quota.target (line ") && l.endsWith("Must be 1 or more"),
      ),
    ).toBe(true);
  });

  it("validate --json prints the errors as data", async () => {
    const r = await run("plan", "validate", path.join(FIXTURES, "syntax.yaml"), "--json");
    expect(r.code).toBe(1);
    const data = JSON.parse(r.out[0] ?? "{}") as { ok: boolean; errors: { path: string; line: number }[] };
    expect(data.ok).toBe(false);
    expect(data.errors.length).toBeGreaterThan(0);
    expect(data.errors[0]?.line).toBe(2);
  });

  it("validate: a plan naming a calendar that does not exist is refused", async () => {
    const file = path.join(dataDir, "plan.yaml");
    fs.writeFileSync(
      file,
      fs
        .readFileSync(path.join(FIXTURES, "example.yaml"), "utf8")
        .replace("calendar: vn ", "calendar: lao-cai "),
    );
    const r = await run("plan", "validate", file, "--lang", "en");
    expect(r.code).toBe(1);
    expect(r.err[1]).toBe(
      '  calendar: The plan uses calendar "lao-cai", which does not exist; available: ha-noi, vn',
    );
    fs.mkdirSync(path.join(dataDir, "calendars"));
    fs.copyFileSync(
      path.join(SHIPPED_CALENDARS_DIR, "vn.yaml"),
      path.join(dataDir, "calendars", "lao-cai.yaml"),
    );
    const withCalendar = await run("plan", "validate", file, "--lang", "en");
    expect(withCalendar.err[1]).toMatch(
      /^ {2}calendars\/lao-cai\.yaml: id \(line \d+, column 5\): Calendar id "vn" differs from the file name lao-cai\.yaml: they must match$/,
    );
  });

  it("show: the default plan in plain words before anything is chosen", async () => {
    const r = await run("plan", "show");
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(
      "Kế hoạch đang dùng: Kế hoạch truyền thông mẫu của Sở GD&ĐT sau sắp xếp 2025 (modern)",
    );
    expect(r.out[1]).toMatch(/^Nguồn: kế hoạch mặc định · phiên bản [0-9a-f]{12} · lịch vn/);
    expect(r.out).toContain(
      "DL_MONTHLY — Báo cáo tháng công tác truyền thông và tình hình dư luận [báo cáo định kỳ, hằng tháng]",
    );
    expect(r.out).toContain(
      "  Hạn nộp: trước ngày 25 hằng tháng (hạn 23:59 ngày 24), lùi về ngày làm việc trước nếu trùng ngày nghỉ",
    );
    expect(r.out).toContain("  Chỉ tiêu: ít nhất 2 tin, bài mỗi tháng trên website của Sở");
    expect(r.out).toContain(
      "  Hạn nộp: không có hạn theo lịch; báo cáo trong vòng 24 giờ kể từ khi phát hiện vụ việc",
    );
  });

  it("use PRESET, then show: the stored plan, in English on request", async () => {
    const use = await run("plan", "use", "hoabinh-2025");
    expect(use.code).toBe(0);
    expect(use.out[0]).toMatch(
      /^Đã áp dụng kế hoạch "Kế hoạch thông tin, tuyên truyền về GD&ĐT tỉnh Hòa Bình năm 2025" \(hoabinh-2025\), phiên bản [0-9a-f]{12}, 10 nhiệm vụ\.$/,
    );
    const show = await run("plan", "show", "--lang", "en");
    expect(show.out[0]).toBe("Plan in use: Hòa Bình education communications plan 2025 (hoabinh-2025)");
    expect(show.out[1]).toMatch(/^Source: chosen with baocao plan use/);
    expect(show.out).toContain(
      "  Due: before 31/5 each year (due 23:59 on 30/5), moved back to the previous working day if it falls on a day off",
    );
    expect(show.out).toContain("  Quota: at least 8 press articles a year on press, radio and TV");
    expect(show.out).toContain("  Who: district education offices");
  });

  it("use FILE stores the file's plan; show --json returns it", async () => {
    const use = await run("plan", "use", path.join(FIXTURES, "example.yaml"), "--json");
    expect(JSON.parse(use.out[0] ?? "{}")).toMatchObject({ ok: true, id: "so-vidu-2026", origin: "file" });
    const show = await run("plan", "show", "--json");
    const data = JSON.parse(show.out[0] ?? "{}") as {
      from: string;
      plan: { id: string; obligations: unknown[] };
    };
    expect(data.from).toBe("stored");
    expect(data.plan.id).toBe("so-vidu-2026");
    expect(data.plan.obligations).toHaveLength(3);
  });

  it("use: an unknown reference or an invalid file fails with a one-line reason and changes nothing", async () => {
    const unknown = await run("plan", "use", "hanoi-2099");
    expect(unknown).toEqual({
      code: 1,
      out: [],
      err: ['Không có kế hoạch mẫu hay tệp "hanoi-2099". Xem danh sách mẫu: baocao plan presets'],
    });
    const bad = await run("plan", "use", path.join(FIXTURES, "bad.yaml"), "--lang", "en");
    expect(bad.code).toBe(1);
    expect(bad.err.at(-1)).toBe("Not applied: bad.yaml has 20 error(s) (see above).");
    expect((await run("plan", "show", "--json")).out[0]).toMatch(/"from":"default"/);
  });

  it("validate without a file is a usage error", async () => {
    const r = await run("plan", "validate");
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/FILE/);
  });
});
