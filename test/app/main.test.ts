/**
 * `npm start` as a newcomer runs it, in a child process: a port already taken gets one clear,
 * localized line and exit code 2, not a Node stack trace.
 */
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index";
import { tempDir } from "../helpers/db";

const ROOT = path.resolve(import.meta.dirname, "../..");

function run(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString("utf8");
    });
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

describe("npm start", () => {
  it("says which port is taken and what to do, and exits 2", async () => {
    const taken = net.createServer();
    await new Promise<void>((r) => taken.listen(0, "127.0.0.1", r));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const dir = tempDir();
      const { code, stderr } = await run({ DATA_DIR: dir, PORT: String(port), HOST: "127.0.0.1" });
      expect(stderr.trim()).toBe(translator("vi")("main:portInUse", { port }));
      expect(code).toBe(2);
    } finally {
      await new Promise((r) => taken.close(r));
    }
  });
});
