import net from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createZaloOaAdapter } from "../../src/channels/zalo-oa/index";
import { runCli } from "../../src/cli/run";
import { loadConfig } from "../../src/config";
import { openDatabase } from "../../src/db/index";
import { createZaloOaStores } from "../../src/db/zalo-oa";
import { createWebApp, type RunningServer, startServer } from "../../src/web/server";
import { type FakeZaloOaServer, startFakeZaloOaServer } from "../fakes/zalo-oa-server";
import { tempDir } from "../helpers/db";

let fake: FakeZaloOaServer;
let dir: string;
beforeEach(async () => {
  fake = await startFakeZaloOaServer();
  dir = tempDir();
});
afterEach(async () => {
  await fake.close();
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const envFor = (port: number) => ({
  DATA_DIR: dir,
  HOST: "127.0.0.1",
  PORT: String(port),
  PUBLIC_URL: "https://baocao.example.edu.vn",
  ZALO_OA_APP_ID: "2553928453557884079",
  ZALO_OA_APP_SECRET: "app-secret",
  ZALO_OA_SECRET_KEY: "oa-secret",
  ZALO_OA_API_BASE: fake.url,
  ZALO_OAUTH_BASE: fake.url,
  ZALO_ZBS_API_BASE: fake.url,
});

/** Waits until the CLI has printed the consent link, then plays the admin who taps "Allow". */
async function consentFrom(out: string[], callbackBase: string): Promise<Response> {
  for (let i = 0; i < 200 && !out.some((l) => l.includes("/v4/oa/permission?")); i++) {
    await new Promise((r) => setTimeout(r, 25));
  }
  const link = new URL(out.find((l) => l.includes("/v4/oa/permission?")) ?? "");
  expect(link.searchParams.get("redirect_uri")).toBe("https://baocao.example.edu.vn/oauth/zalo-oa/callback");
  const code = fake.issueCode(link.searchParams.get("code_challenge") ?? "");
  for (let i = 0; i < 200 && !out.some((l) => /cổng|máy chủ đang chạy/.test(l)); i++) {
    await new Promise((r) => setTimeout(r, 25));
  }
  return fetch(
    `${callbackBase}/oauth/zalo-oa/callback?code=${code}&oa_id=1&state=${link.searchParams.get("state")}`,
  );
}

async function storedTokens() {
  const opened = await openDatabase({ kind: "sqlite", file: `${dir}/baocao.db` });
  try {
    return await opened.db.selectFrom("zalo_oa_tokens").selectAll().executeTakeFirst();
  } finally {
    await opened.close();
  }
}

describe("baocao zalo-oa login", () => {
  it("prints the consent link, receives the callback on a temporary server and stores the tokens", async () => {
    const port = await freePort();
    const out: string[] = [];
    const run = runCli(["zalo-oa", "login"], {
      env: envFor(port),
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    const page = await consentFrom(out, `http://127.0.0.1:${port}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Đã kết nối Zalo OA");
    expect(await run).toBe(0);
    expect(out.at(-1)).toBe("Đã kết nối Zalo OA và lưu mã truy cập.");
    expect(await storedTokens()).toMatchObject({
      access_token: fake.accessToken,
      refresh_token: fake.refreshToken,
    });
  });

  it("lets the running server receive the callback when the port is taken", async () => {
    const env = envFor(0);
    const config = loadConfig(env, dir);
    const opened = await openDatabase(config.database);
    let server: RunningServer | undefined;
    try {
      const { migrateToLatest } = await import("../../src/db/index");
      await migrateToLatest(opened.db);
      const zaloOa = config.zaloOa;
      if (!zaloOa) throw new Error("config");
      const adapter = createZaloOaAdapter(zaloOa, {
        ...createZaloOaStores(opened.db, zaloOa.appId),
        publicUrl: config.publicUrl,
        alertAdmins: async () => {},
      });
      const app = createWebApp();
      for (const r of adapter.routes ?? []) app.get(r.path, (c) => r.handler(c.req.raw));
      server = await startServer(app, 0, "127.0.0.1");
      const out: string[] = [];
      const run = runCli(["zalo-oa", "login"], {
        env: { ...env, PORT: String(server.port) },
        out: (l) => out.push(l),
        err: (l) => out.push(l),
      });
      const page = await consentFrom(out, `http://127.0.0.1:${server.port}`);
      expect(page.status).toBe(200);
      expect(await run).toBe(0);
      expect(out).toContain("Đang chờ Zalo chuyển về máy chủ đang chạy…");
    } finally {
      await server?.close();
      await opened.close();
    }
    expect((await storedTokens())?.access_token).toBe(fake.accessToken);
  });

  it("reports a code Zalo refuses and stores nothing", async () => {
    const port = await freePort();
    const out: string[] = [];
    const err: string[] = [];
    const run = runCli(["zalo-oa", "login"], {
      env: envFor(port),
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    for (let i = 0; i < 200 && !out.some((l) => l.includes("cổng")); i++)
      await new Promise((r) => setTimeout(r, 25));
    const link = new URL(out.find((l) => l.includes("/v4/oa/permission?")) ?? "");
    const page = await fetch(
      `http://127.0.0.1:${port}/oauth/zalo-oa/callback?code=FORGED&state=${link.searchParams.get("state")}`,
    );
    expect(page.status).toBe(502);
    expect(await run).toBe(1);
    expect(err.join("\n")).toContain("Chưa kết nối được Zalo OA");
    expect(await storedTokens()).toBeUndefined();
  });

  it("explains what to set when Zalo OA is not configured", async () => {
    const err: string[] = [];
    const code = await runCli(["zalo-oa", "login"], {
      env: { DATA_DIR: dir },
      out: () => {},
      err: (l) => err.push(l),
    });
    expect(code).toBe(1);
    expect(err[0]).toContain("ZALO_OA_APP_ID");
  });
});
