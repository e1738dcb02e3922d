import { afterEach, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../../src/app";
import { loadConfig } from "../../src/config";
import { countUnits } from "../../src/db/index";
import { translator } from "../../src/i18n/index";
import { createLogger } from "../../src/log";
import { startupSummary } from "../../src/startup-summary";
import { tempDir } from "../helpers/db";

const NOW = new Date("2026-11-23T03:00:00.000Z"); // 10:00 in Hà Nội
const log = createLogger("silent");
let running: RunningApp | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe("the product as npm start runs it", () => {
  it("migrates, loads the demo, serves the web chat and prints what is due this month", async () => {
    const dir = tempDir();
    const config = loadConfig({ DATA_DIR: dir, PORT: "0", HOST: "127.0.0.1" }, dir);
    running = await startApp(config, { log, now: () => NOW });
    expect(await countUnits(running.db)).toBe(24);
    expect(running.adapters.map((a) => a.id)).toEqual(["web"]);
    expect(running.plan.plan.id).toBe("modern");

    const port = running.server?.port;
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(await health.json()).toEqual({ ok: true });
    const root = await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual" });
    expect(root.headers.get("location")).toBe("/chat");
    const page = await fetch(`http://127.0.0.1:${port}/chat`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");

    const lines = await startupSummary(running, config, NOW);
    const t = translator("vi");
    expect(lines).toContain(t("main:org", { units: 24, people: 40 }));
    // The monthly report of the modern preset ("trước ngày 25") is due on 24/11/2026 for the 15 schools.
    expect(lines.some((l) => l.includes("24/11/2026") && l.includes("15"))).toBe(true);
    expect(running.demoAccess.map((a) => a.role)).toEqual(["school", "office"]);
    expect(running.demoAccess[0]?.url).toMatch(/\/chat\?code=[A-Z2-9]{10}$/);
  });

  it("restarts on the same data without loading the demo twice", async () => {
    const dir = tempDir();
    const config = loadConfig({ DATA_DIR: dir, PORT: "0", HOST: "127.0.0.1" }, dir);
    running = await startApp(config, { log, now: () => NOW });
    await running.stop();
    running = await startApp(config, { log, now: () => NOW });
    expect(await countUnits(running.db)).toBe(24);
  });

  it("starts without demo data when BAOCAO_DEMO=false", async () => {
    const dir = tempDir();
    const config = loadConfig({ DATA_DIR: dir, PORT: "0", HOST: "127.0.0.1", BAOCAO_DEMO: "false" }, dir);
    running = await startApp(config, { log, now: () => NOW, listen: false });
    expect(await countUnits(running.db)).toBe(0);
    expect(running.demoAccess).toEqual([]);
  });
});
