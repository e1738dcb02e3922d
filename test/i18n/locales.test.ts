import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readLocaleResources, translator } from "../../src/i18n/index";

function flatten(obj: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v !== null && typeof v === "object"
      ? flatten(v as Record<string, unknown>, `${prefix}${k}.`)
      : [`${prefix}${k}`],
  );
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|mjs|html)$/.test(e.name) ? [p] : [];
  });
}

const resources = readLocaleResources();
const keysOf = (lang: "vi" | "en") =>
  new Set(Object.entries(resources[lang]).flatMap(([ns, tree]) => flatten(tree).map((k) => `${ns}:${k}`)));

describe("locales", () => {
  it("vi and en have exactly the same keys", () => {
    const vi = keysOf("vi");
    const en = keysOf("en");
    expect(
      [...vi].filter((k) => !en.has(k)),
      "in vi but not in en",
    ).toEqual([]);
    expect(
      [...en].filter((k) => !vi.has(k)),
      "in en but not in vi",
    ).toEqual([]);
  });

  it("every key the code references exists", () => {
    const vi = keysOf("vi");
    const namespaces = Object.keys(resources.vi);
    const pattern = new RegExp(`["'\`]((?:${namespaces.join("|")}):[A-Za-z0-9_.]+)["'\`]`, "g");
    const missing: string[] = [];
    for (const file of sourceFiles(path.resolve(__dirname, "../../src"))) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(pattern)) {
        const key = m[1] as string;
        // A key ending in "." is a prefix completed at run time from a closed set (checked where it is built).
        if (!key.endsWith(".") && !vi.has(key)) missing.push(`${path.relative(process.cwd(), file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("translate in Vietnamese by default and in English on request", () => {
    expect(translator()("cli:help.usage")).toBe("Cách dùng");
    expect(translator("en")("cli:help.usage")).toBe("Usage");
  });
});
