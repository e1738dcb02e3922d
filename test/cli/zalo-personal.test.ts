import fs from "node:fs";
import path from "node:path";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import type { CliContext, Command } from "../../src/cli/command";
import { CliError } from "../../src/cli/command";
import {
  createZaloPersonalGroupsCommand,
  createZaloPersonalLoginCommand,
} from "../../src/cli/commands/zalo-personal";
import { runCli } from "../../src/cli/run";
import { loadConfig } from "../../src/config";
import { translator } from "../../src/i18n/index";
import { createFakeZaloPersonal } from "../fakes/zalo-personal";
import { tempDir } from "../helpers/db";

function context(env: Record<string, string>, dir: string, json = false) {
  const out: string[] = [];
  const ctx: CliContext = {
    config: loadConfig({ DATA_DIR: dir, ...env }, dir),
    lang: "vi",
    t: translator("vi"),
    json,
    database: () => Promise.reject(new Error("not needed")),
    now: () => new Date("2026-11-24T03:00:00Z"),
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    interactive: false,
  };
  return { ctx, out };
}

async function run(command: Command, ctx: CliContext) {
  try {
    return await command.run(ctx, { values: {}, positionals: [] });
  } catch (err) {
    if (err instanceof CliError) return ctx.t(err.key, err.params);
    throw err;
  }
}

/** Reads the half-block QR back into modules (light = printed), dropping the 2-module quiet zone. */
function modulesFromTerminal(lines: string[]): boolean[][] {
  const rows: boolean[][] = [];
  for (const line of lines) {
    const upper: boolean[] = [];
    const lower: boolean[] = [];
    for (const ch of line) {
      upper.push(!(ch === "█" || ch === "▀"));
      lower.push(!(ch === "█" || ch === "▄"));
    }
    rows.push(upper, lower);
  }
  return rows.slice(2, rows[0] ? rows[0].length - 2 : 0).map((r) => r.slice(2, r.length - 2));
}

describe("baocao zalo-personal login", () => {
  it("states the risk, shows a scannable QR, saves it as PNG and stores the session owner-only", async () => {
    const dir = tempDir();
    const fake = createFakeZaloPersonal();
    const { ctx, out } = context({ ZALO_PERSONAL_ENABLED: "true" }, dir);
    expect(await run(createZaloPersonalLoginCommand(fake), ctx)).toBe(0);
    expect(out[0]).toMatch(/^CẢNH BÁO: .*không chính thức.*khóa tài khoản.*một phiên Zalo Web.*100 người lạ/);

    const qrLines = out.filter((l) => /^[█▀▄ ]+$/.test(l) && l.includes("█"));
    const expected = QRCode.create(fake.qrText, {}).modules;
    const shown = modulesFromTerminal(qrLines);
    expect(shown.length).toBe(expected.size);
    expect(shown.every((row, y) => row.every((dark, x) => dark === Boolean(expected.get(y, x))))).toBe(true);

    const folder = path.join(dir, "zalo-personal");
    const png = fs.readFileSync(path.join(folder, "login-qr.png"));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const credentials = path.join(folder, "credentials.json");
    expect(fs.statSync(credentials).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(folder, "login-qr.png")).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(credentials, "utf8"))).toEqual(fake.validCredentials);
    expect(out.at(-1)).toContain(credentials);
  });

  it("refuses while the channel is not enabled", async () => {
    const err: string[] = [];
    const code = await runCli(["zalo-personal", "login"], {
      env: { DATA_DIR: tempDir() },
      out: () => {},
      err: (l) => err.push(l),
    });
    expect(code).toBe(1);
    expect(err[0]).toContain("ZALO_PERSONAL_ENABLED=true");
  });
});

describe("baocao zalo-personal groups", () => {
  it("lists the account's groups to pick the digest group from", async () => {
    const dir = tempDir();
    const fake = createFakeZaloPersonal();
    fake.groups = [
      { id: "5000000000000009", name: "Tổ Văn phòng", memberCount: 12 },
      { id: "5000000000000002", name: "Hiệu trưởng các trường THCS", memberCount: 48 },
    ];
    const env = { ZALO_PERSONAL_ENABLED: "true" };
    const login = context(env, dir);
    await run(createZaloPersonalLoginCommand(fake), login.ctx);
    const { ctx, out } = context(env, dir);
    expect(await run(createZaloPersonalGroupsCommand(fake), ctx)).toBe(0);
    expect(out).toEqual([
      "5000000000000002  Hiệu trưởng các trường THCS (48 thành viên)",
      "5000000000000009  Tổ Văn phòng (12 thành viên)",
      "",
      "Đặt ZALO_PERSONAL_DIGEST_GROUP_ID=<mã nhóm> để bot gửi bản tin tổng hợp vào nhóm đó.",
    ]);
    const json = context(env, dir, true);
    await run(createZaloPersonalGroupsCommand(fake), json.ctx);
    expect(JSON.parse(json.out[0] ?? "[]")).toHaveLength(2);
  });

  it("names the group digests go to, and says when the account is not in it", async () => {
    const dir = tempDir();
    const fake = createFakeZaloPersonal();
    fake.groups = [{ id: "5000000000000009", name: "Tổ Văn phòng", memberCount: 12 }];
    await run(createZaloPersonalLoginCommand(fake), context({ ZALO_PERSONAL_ENABLED: "true" }, dir).ctx);
    const chosen = context(
      { ZALO_PERSONAL_ENABLED: "true", ZALO_PERSONAL_DIGEST_GROUP_ID: "5000000000000009" },
      dir,
    );
    expect(await run(createZaloPersonalGroupsCommand(fake), chosen.ctx)).toBe(0);
    expect(chosen.out.at(-1)).toBe(
      "Nhóm đang nhận bản tin tổng hợp (ZALO_PERSONAL_DIGEST_GROUP_ID): 5000000000000009 Tổ Văn phòng.",
    );
    const gone = context(
      { ZALO_PERSONAL_ENABLED: "true", ZALO_PERSONAL_DIGEST_GROUP_ID: "5000000000000001" },
      dir,
    );
    expect(await run(createZaloPersonalGroupsCommand(fake), gone.ctx)).toBe(0);
    expect(gone.out.at(-1)).toMatch(
      /^ZALO_PERSONAL_DIGEST_GROUP_ID=5000000000000001: tài khoản không ở trong nhóm này/,
    );
  });

  it("asks for a login first when there is no session", async () => {
    const { ctx } = context({ ZALO_PERSONAL_ENABLED: "true" }, tempDir());
    expect(await run(createZaloPersonalGroupsCommand(createFakeZaloPersonal()), ctx)).toBe(
      "Chưa đăng nhập Zalo cá nhân: chạy baocao zalo-personal login trước.",
    );
  });
});
