import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  loadOrCreateSessionSecret,
  signSessionToken,
  verifySessionToken,
} from "../../src/channels/web/session";
import { tempDir } from "../helpers/db";

const NOW = new Date("2026-11-24T02:00:00Z");
const SECRET = "s".repeat(40);

describe("session cookie signing", () => {
  it("verifies its own token until it expires", () => {
    const token = { sessionId: "abcdefghijklmnopqrstuvwx", expiresAt: new Date("2026-12-24T02:00:00Z") };
    const value = signSessionToken(SECRET, token);
    expect(verifySessionToken(SECRET, value, NOW)).toEqual(token);
    expect(verifySessionToken(SECRET, value, token.expiresAt)).toBeUndefined();
    expect(verifySessionToken(`${SECRET}x`, value, NOW)).toBeUndefined();
    // Extending the expiry by hand breaks the signature.
    const stretched = value.replace(/\.(\d+)\./, (_, s: string) => `.${Number(s) + 86_400}.`);
    expect(verifySessionToken(SECRET, stretched, NOW)).toBeUndefined();
    for (const junk of ["", "v1", "v2.a.b.c", `${value}.x`, "v1.short.1.sig"]) {
      expect(verifySessionToken(SECRET, junk, NOW)).toBeUndefined();
    }
  });
});

describe("session secret", () => {
  it("uses SESSION_SECRET when configured", () => {
    const dir = tempDir();
    expect(loadOrCreateSessionSecret("configured-secret-with-32-characters!", dir)).toBe(
      "configured-secret-with-32-characters!",
    );
    expect(fs.existsSync(path.join(dir, "session-secret"))).toBe(false);
  });

  it("otherwise creates one in DATA_DIR with mode 0600 and reuses it after a restart", () => {
    const dir = path.join(tempDir(), "data");
    const first = loadOrCreateSessionSecret(undefined, dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(path.join(dir, "session-secret")).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSessionSecret(undefined, dir)).toBe(first);
  });
});
