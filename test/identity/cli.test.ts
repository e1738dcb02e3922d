import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { listLinksOfPerson } from "../../src/db/channel-links";
import { getPersonById, setSetting } from "../../src/db/index";
import { ERASED_NAME } from "../../src/identity/erase";
import type { PersonData } from "../../src/identity/person-data";
import { createBot, ev, NOW, P, seedOrg, t, U } from "../bot/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let tdb: TestDatabase;
beforeEach(async () => {
  tdb = await createTestDatabase();
  await seedOrg(tdb.db);
});
afterEach(async () => {
  await tdb.dispose();
});

async function cli(args: string[], extraEnv: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    env: {
      DATABASE_URL: `sqlite:${tdb.location}`,
      PUBLIC_URL: "https://baocao.example.vn",
      BAOCAO_LOG_LEVEL: "silent",
      ...extraEnv,
    },
    cwd: tdb.dir,
    now: () => NOW,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

interface CreatedJson {
  personId: string;
  code: string;
  display: string;
  expiresAt: string;
  links: { web: string; telegram?: string };
}

describe("baocao invite create", () => {
  it("prints the code and the web link; the code links a chat", async () => {
    const r = await cli(["invite", "create", "--person", "+84 912 345 678", "--json"]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const created = JSON.parse(r.out[0] as string) as CreatedJson;
    expect(created.personId).toBe(P.lan);
    expect(created.expiresAt).toBe("2026-12-10T03:00:00.000Z");
    expect(created.links).toEqual({ web: `https://baocao.example.vn/chat?code=${created.code}` });
    const bot = createBot(tdb.db);
    const [reply] = await bot.send(ev.start("100", created.code));
    expect(reply?.text.startsWith("Kính chào Cô Lan")).toBe(true);
  });

  it("in text, localized, and with the Telegram deep link once the bot's username is known", async () => {
    const env = { TELEGRAM_BOT_TOKEN: "123:abc" };
    const before = await cli(["invite", "create", "--person", P.lan], env);
    expect(before.out[2]).toBe(t("identity:invite.telegramPending"));
    await setSetting(tdb.db, "telegram.username", "baocao_hn_bot", NOW);
    const r = await cli(["invite", "create", "--person", P.lan], env);
    const code = /: ([A-Z0-9]{5}-[A-Z0-9]{5}) /.exec(r.out[0] ?? "")?.[1] ?? "";
    const bare = code.replace("-", "");
    expect(r.out).toEqual([
      t("identity:invite.created", { name: "Nguyễn Thị Lan", code, expires: "10/12/2026" }),
      t("identity:invite.linkWeb", { url: `https://baocao.example.vn/chat?code=${bare}` }),
      t("identity:invite.linkTelegram", { url: `https://t.me/baocao_hn_bot?start=${bare}` }),
    ]);
  });

  it("INVITE_TTL_DAYS sets the expiry", async () => {
    const r = await cli(["invite", "create", "--person", P.lan, "--json"], { INVITE_TTL_DAYS: "7" });
    expect((JSON.parse(r.out[0] as string) as CreatedJson).expiresAt).toBe("2026-11-17T03:00:00.000Z");
  });

  it("refuses an unknown person and a missing --person", async () => {
    const unknown = await cli(["invite", "create", "--person", "0999999999"]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toEqual([t("identity:person.notFound", { ref: "0999999999" })]);
    const missing = await cli(["invite", "create"]);
    expect(missing.code).toBe(2);
  });
});

describe("baocao invite revoke", () => {
  it("revokes a code, which then no longer links", async () => {
    const created = JSON.parse(
      (await cli(["invite", "create", "--person", P.lan, "--json"])).out[0] as string,
    ) as CreatedJson;
    const r = await cli(["invite", "revoke", created.display]);
    expect(r.out).toEqual([t("identity:revoke.done")]);
    expect((await cli(["invite", "revoke", created.code])).err).toEqual([t("identity:revoke.inactive")]);
    expect((await cli(["invite", "revoke", "ZZZZZ99999"])).err).toEqual([t("identity:revoke.notFound")]);
    const bot = createBot(tdb.db);
    const [reply] = await bot.send(ev.start("100", created.code));
    expect(reply?.text.startsWith("Kính chào")).toBe(false);
  });

  it("--person revokes every pending code of that person", async () => {
    await cli(["invite", "create", "--person", P.lan]);
    await cli(["invite", "create", "--person", P.lan]);
    const r = await cli(["invite", "revoke", "--person", "0912345678"]);
    expect(r.out).toEqual([t("identity:revoke.personDone", { count: 2, name: "Nguyễn Thị Lan" })]);
  });
});

describe("baocao invite bulk", () => {
  it("writes one row per person of the unit kind, with a QR image per row, and creates the codes", async () => {
    const file = path.join(tdb.dir, "invites.xlsx");
    const r = await cli(["invite", "bulk", "--out", file, "--unit-kind", "school"]);
    expect(r.err).toEqual([]);
    expect(r.out).toEqual([t("identity:bulk.done", { count: 3, file })]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    expect(sheet.getRow(1).getCell(1).value).toBe(t("identity:bulk.headers.unitCode"));
    const rows = [2, 3, 4].map((n) => sheet.getRow(n));
    expect(rows.map((row) => [row.getCell(1).value, row.getCell(3).value])).toEqual([
      ["TH-KD", "Trần Văn Minh"],
      ["THCS-ND", "Nguyễn Thị Lan"],
      ["THPT-CVA", "Vũ Bình"],
    ]);
    expect(sheet.getImages()).toHaveLength(3);
    expect(
      sheet
        .getImages()
        .map((i) => i.range.tl.nativeRow)
        .sort(),
    ).toEqual([1, 2, 3]);
    expect(await tdb.db.selectFrom("invites").select("person_id").execute()).toHaveLength(3);
    // The code in the sheet links its person.
    const code = String(rows[1]?.getCell(5).value);
    const [reply] = await createBot(tdb.db).send(ev.start("100", code));
    expect(reply?.text.startsWith("Kính chào Cô Lan")).toBe(true);
  });

  it("--unlinked skips people who already linked a chat", async () => {
    await createBot(tdb.db).send(
      ev.start(
        "100",
        JSON.parse((await cli(["invite", "create", "--person", P.lan, "--json"])).out[0] as string).code,
      ),
    );
    const file = path.join(tdb.dir, "rest.xlsx");
    const r = await cli(["invite", "bulk", "--out", file, "--unit-kind", "school", "--unlinked"]);
    expect(r.out).toEqual([t("identity:bulk.done", { count: 2, file })]);
  });

  it("refuses an unknown unit kind and a non-xlsx file", async () => {
    expect((await cli(["invite", "bulk", "--out", "x.xlsx", "--unit-kind", "truong"])).code).toBe(2);
    expect((await cli(["invite", "bulk", "--out", "x.csv"])).code).toBe(2);
    expect(fs.existsSync(path.join(tdb.dir, "x.xlsx"))).toBe(false);
  });
});

describe("baocao people show and erase", () => {
  async function linkLan() {
    const created = JSON.parse(
      (await cli(["invite", "create", "--person", P.lan, "--json"])).out[0] as string,
    ) as CreatedJson;
    const bot = createBot(tdb.db);
    await bot.send(ev.start("100", created.code));
    await bot.send(
      ev.start(
        "w1",
        (
          JSON.parse(
            (await cli(["invite", "create", "--person", P.lan, "--json"])).out[0] as string,
          ) as CreatedJson
        ).code,
        "web",
      ),
    );
    await cli(["invite", "create", "--person", P.lan]); // one pending
    await tdb.db
      .insertInto("articles")
      .values({
        id: "a1",
        unit_id: U.nguyenDu,
        url: "https://thcsnguyendu.edu.vn/tin-1",
        url_key: "thcsnguyendu.edu.vn/tin-1",
        title: "Lễ khai giảng",
        channel: "website",
        outlet: null,
        topic: null,
        published_on: "2026-09-05",
        submitted_by: P.lan,
        created_at: NOW.toISOString(),
      })
      .execute();
    return created;
  }

  it("show lists memberships, links and invites, never a code; --json is the full export", async () => {
    const created = await linkLan();
    const text = await cli(["people", "show", "0912345678"]);
    expect(text.out.slice(0, 10)).toEqual([
      t("identity:show.title", { name: "Nguyễn Thị Lan", id: P.lan }),
      t("identity:show.phone", { value: "0912345678" }),
      t("identity:show.email", { value: t("identity:show.none") }),
      t("identity:show.addressAs", { value: "Cô" }),
      t("identity:show.memberships"),
      t("identity:show.membership", {
        role: t("bot:role.comms"),
        unit: "Trường THCS Nguyễn Du",
        code: "THCS-ND",
        period: t("identity:show.period.open"),
        state: t("identity:show.membershipState.in_force"),
      }),
      t("identity:show.links"),
      t("identity:show.link", { channel: "Telegram", linkedOn: "10/11/2026", lastOn: "10/11/2026" }),
      t("identity:show.link", {
        channel: t("bot:channel.web"),
        linkedOn: "10/11/2026",
        lastOn: "10/11/2026",
      }),
      t("identity:show.invites"),
    ]);
    // Invites made in the same instant come in no particular order.
    const invite = (state: string) =>
      t("identity:show.invite", { created: "10/11/2026", expires: "10/12/2026", state: t(state) });
    expect(text.out.slice(10, 13).sort()).toEqual(
      [
        invite("identity:show.state.used"),
        invite("identity:show.state.used"),
        invite("identity:show.state.pending"),
      ].sort(),
    );
    expect(text.out.slice(13)).toEqual([t("identity:show.articles", { count: 1 })]);
    const json = await cli(["people", "show", P.lan, "--json"]);
    expect(json.out.join("")).not.toContain(created.code);
    const data = JSON.parse(json.out[0] as string) as PersonData;
    expect(data.channelLinks.map((l) => [l.channel, l.chatId]).sort()).toEqual([
      ["telegram", "100"],
      ["web", "w1"],
    ]);
    expect(data.invites.map((i) => i.state).sort()).toEqual(["pending", "used", "used"]);
    expect(data.articles.map((a) => a.id)).toEqual(["a1"]);
    const file = path.join(tdb.dir, "lan.json");
    expect((await cli(["people", "show", P.lan, "--out", file])).out).toEqual([
      t("identity:show.written", { file }),
    ]);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(data);
  });

  it("erase refuses without --yes and explains; with --yes removes personal data, keeps the unit's articles", async () => {
    await linkLan();
    const refused = await cli(["people", "erase", "0912345678"]);
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual([
      t("identity:erase.confirm", {
        name: "Nguyễn Thị Lan",
        usage: "baocao people erase PHONE|EMAIL|ID --yes [--json]",
      }),
    ]);
    expect((await getPersonById(tdb.db, P.lan))?.fullName).toBe("Nguyễn Thị Lan");

    const messages = (await tdb.db.selectFrom("outbox").select("id").where("person_id", "=", P.lan).execute())
      .length;
    const done = await cli(["people", "erase", "0912345678", "--yes"]);
    expect(done.out).toEqual([t("identity:erase.done", { links: 2, invites: 3, memberships: 1, messages })]);
    expect(await getPersonById(tdb.db, P.lan)).toEqual({
      id: P.lan,
      fullName: ERASED_NAME,
      phone: null,
      email: null,
      addressAs: null,
    });
    expect(await listLinksOfPerson(tdb.db, P.lan)).toEqual([]);
    expect(await tdb.db.selectFrom("invites").selectAll().execute()).toEqual([]);
    expect(await tdb.db.selectFrom("outbox").selectAll().where("person_id", "=", P.lan).execute()).toEqual(
      [],
    );
    const article = await tdb.db.selectFrom("articles").selectAll().executeTakeFirstOrThrow();
    expect(article.unit_id).toBe(U.nguyenDu);
    // The chat is now unknown: it gets only how to link.
    const [reply] = await createBot(tdb.db).send(ev.text("100", "/dulieu"));
    expect(reply?.text.startsWith(t("bot:unlinked.intro"))).toBe(true);
  });

  it("erase also removes the person's web chat history, uploads and sessions, and only theirs", async () => {
    await linkLan(); // links Telegram chat "100" and web chat "w1"
    const at = NOW.toISOString();
    const filesDir = path.join(tdb.dir, "data", "webchat", "files");
    fs.mkdirSync(filesDir, { recursive: true });
    const keys = {
      lan: "11111111-1111-1111-1111-111111111111",
      other: "22222222-2222-2222-2222-222222222222",
    };
    for (const [chat, key] of [
      ["w1", keys.lan],
      ["w-other", keys.other],
    ] as const) {
      fs.writeFileSync(path.join(filesDir, key), "minh chứng");
      await tdb.db
        .insertInto("web_messages")
        .values({
          id: `m-${chat}`,
          chat_id: chat,
          seq: 1,
          direction: "in",
          body: "{}",
          client_id: null,
          created_at: at,
        })
        .execute();
      await tdb.db
        .insertInto("web_files")
        .values({
          id: `f-${chat}`,
          chat_id: chat,
          direction: "in",
          name: "bao-cao.pdf",
          mime_type: "application/pdf",
          size_bytes: 10,
          storage_key: key,
          created_at: at,
        })
        .execute();
    }
    expect((await cli(["people", "erase", P.lan, "--yes"])).code).toBe(0);
    const left = async (table: "web_messages" | "web_files") =>
      (await tdb.db.selectFrom(table).select("chat_id").execute()).map((r) => r.chat_id);
    expect(await left("web_messages")).toEqual(["w-other"]);
    expect(await left("web_files")).toEqual(["w-other"]);
    expect(fs.existsSync(path.join(filesDir, keys.lan))).toBe(false);
    expect(fs.existsSync(path.join(filesDir, keys.other))).toBe(true);
  });
});
