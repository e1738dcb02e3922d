/**
 * Opening an incident's record in the chat, without a browser: the alert's "Xem vụ việc" button
 * (`incv:<ref>`), `/xemvuviec [REF]`, and the Văn phòng's "Đóng vụ việc" (`incx:<ref>`). Who may see
 * it: the unit itself, its reporting line (comms and head of the unit it reports to), the Văn phòng
 * — a forged payload or a typed reference from anyone else gets a refusal, never the data.
 * Typed without the slash ("xem vụ việc VV-…", or the bare reference), it is /xemvuviec.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chatOf, type Harness, joined, P, startHarness, to } from "./harness";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.dispose();
});

const WHAT = "Một clip về học sinh đánh nhau lan truyền trên TikTok.";
const HANDLING = "Đã mời phụ huynh, báo cáo Phòng, liên hệ gỡ clip.";

/** Reports an incident from this chat (answers as a person would); returns its reference. */
async function reportIncident(chat: string, options: { file?: boolean } = {}): Promise<string> {
  const say = async (text: string) => joined(to(await h.text(chat, text), chat));
  expect(await say("/baocao vuviec")).toContain("Vụ việc gì đã xảy ra?");
  for (const answer of [WHAT, "1", "hôm nay", "/boqua", "3", HANDLING, "không"]) await say(answer);
  if (options.file) {
    const pdf = new TextEncoder().encode("%PDF-1.4 anh chup clip");
    await h.file(chat, { name: "anh-chup-clip.pdf", mimeType: "application/pdf", bytes: pdf });
  } else await say("/boqua");
  expect(await say("/boqua")).toContain("Xin Thầy/Cô xem lại");
  await h.tap(chat, "c:submit");
  const row = await h.db
    .selectFrom("incidents")
    .select("reference")
    .orderBy("reported_at", "desc")
    .executeTakeFirstOrThrow();
  return row.reference;
}

const tap = async (personId: string, payload: string) =>
  to(await h.tap(chatOf(personId), payload), chatOf(personId));
const type = async (personId: string, text: string) =>
  to(await h.text(chatOf(personId), text), chatOf(personId));

describe("the alert's “Xem vụ việc”", () => {
  it("carries the button and the reference; the reports-to head and comms officer open the record", async () => {
    const ref = await reportIncident("lan", { file: true });
    const alerts = (await h.db.selectFrom("outbox").selectAll().where("kind", "=", "alert").execute()).map(
      (r) => JSON.parse(r.message) as { buttons?: { payload: string }[] },
    );
    expect(alerts).toHaveLength(3);
    for (const a of alerts) expect(a.buttons?.map((b) => b.payload)).toEqual([`incv:${ref}`]);

    const [record] = await tap(P.hung, `incv:${ref}`);
    expect(record?.text).toContain(`Hồ sơ vụ việc ${ref} — Trường THCS Nguyễn Du`);
    expect(record?.text).toContain("Tình trạng: đang mở.");
    expect(record?.text).toContain("Báo cáo lúc 10/11/2026 10:00, người báo cáo: Nguyễn Thị Lan.");
    expect(record?.text).toContain(`Vụ việc gì đã xảy ra?: ${WHAT}`);
    expect(record?.text).toContain("Vụ việc xuất hiện ở đâu?: Mạng xã hội (Facebook, Zalo, TikTok…)");
    expect(record?.text).toContain("Ngày xảy ra hoặc phát hiện: 10/11/2026");
    expect(record?.text).toContain("Mức độ: Cao: lan rộng, báo chí đưa tin, cần chỉ đạo");
    expect(record?.text).toContain(`Đơn vị đã xử lý ban đầu thế nào?: ${HANDLING}`);
    expect(record?.text).toContain("Đơn vị có cần cấp trên hỗ trợ, chỉ đạo không?: Không");
    expect(record?.text).toContain("Tệp minh chứng (1): anh-chup-clip.pdf");
    expect(record?.text).toContain("Chưa có cập nhật nào.");
    // The Phòng neither updates nor closes: no buttons.
    expect(record?.payloads).toEqual([]);

    // The Phòng's comms officer gets the alert too, though she oversees no school: she may open it.
    expect((await tap(P.mai, `incv:${ref}`))[0]?.text).toContain(`Hồ sơ vụ việc ${ref}`);
  });

  it("shows the office staff the record with follow-ups and “Đóng vụ việc”, which closes it", async () => {
    const ref = await reportIncident("lan");
    await h.tap("minh", `incu:${ref}`);
    await h.text("minh", "Clip đã được gỡ, phụ huynh hai bên đã gặp nhau.");
    await h.text("minh", "2");
    await h.text("minh", "/boqua");
    h.now = new Date(h.now.getTime() + 90 * 60 * 1000);
    await h.tap("minh", "c:submit");

    const [record] = await tap(P.tuan, `incv:${ref}`);
    expect(record?.text).toContain(`Hồ sơ vụ việc ${ref} — Trường THCS Nguyễn Du`);
    expect(record?.text).toContain("Các lần cập nhật (1):");
    expect(record?.text).toContain(
      "1. 10/11/2026 11:30, Trần Văn Minh — Đã xử lý xong. Clip đã được gỡ, phụ huynh hai bên đã gặp nhau.",
    );
    expect(record?.text).toContain("[Đóng vụ việc]");
    expect(record?.payloads).toEqual([`incx:${ref}`]);

    const closed = await tap(P.tuan, `incx:${ref}`);
    expect(closed[0]?.text).toBe(`Đã đóng vụ việc ${ref}.`);
    expect((await h.db.selectFrom("incidents").select("status").executeTakeFirstOrThrow()).status).toBe(
      "closed",
    );
    expect((await tap(P.tuan, `incx:${ref}`))[0]?.text).toBe(`Vụ việc ${ref} đã được đóng trước đó.`);
    const [after] = await tap(P.tuan, `incv:${ref}`);
    expect(after?.text).toContain("Tình trạng: Văn phòng đã đóng lúc 10/11/2026 11:30.");
    expect(after?.payloads).toEqual([]);
  });

  it("offers the unit's own people “Cập nhật vụ việc” while it is open", async () => {
    const ref = await reportIncident("lan");
    const [record] = await tap(P.minh, `incv:${ref}`);
    expect(record?.text).toContain(`Hồ sơ vụ việc ${ref}`);
    expect(record?.payloads).toEqual([`incu:${ref}`]);
  });

  it("refuses a forged payload from a head of another unit, with the same words for a reference that does not exist", async () => {
    const ref = await reportIncident("lan");
    for (const person of [P.hoa, P.nam, P.nga]) {
      const [reply] = await tap(person, `incv:${ref}`);
      expect(reply?.text).toMatch(
        /^(Cô|Thầy) không xem được vụ việc này\. Nếu cần, xin liên hệ Văn phòng Sở/,
      );
      expect(reply?.text).not.toContain(WHAT);
      expect(reply?.text).not.toContain("Nguyễn Du");
      expect(reply?.payloads).toEqual([]);
    }
    const [missing] = await tap(P.hoa, "incv:VV-2611-0000");
    expect(missing?.text).toBe((await tap(P.hoa, `incv:${ref}`))[0]?.text);
    // Closing is the Văn phòng's: a forged "Đóng vụ việc" changes nothing.
    expect((await tap(P.hung, `incx:${ref}`))[0]?.text).toContain("Thầy không xem được vụ việc này");
    expect((await h.db.selectFrom("incidents").select("status").executeTakeFirstOrThrow()).status).toBe(
      "open",
    );
  });
});

describe("/xemvuviec", () => {
  it("opens a record by reference, in any case, also as /incident_show", async () => {
    const ref = await reportIncident("lan");
    expect((await type(P.tuan, `/xemvuviec ${ref.toLowerCase()}`))[0]?.text).toContain(
      `Hồ sơ vụ việc ${ref}`,
    );
    expect((await type(P.hung, `/incident_show ${ref}`))[0]?.text).toContain(`Hồ sơ vụ việc ${ref}`);
  });

  it("answers a wrong reference precisely, and an invisible one with the same words as a missing one", async () => {
    const ref = await reportIncident("lan");
    expect((await type(P.tuan, "/xemvuviec VV-2611-9999"))[0]?.text).toBe(
      "Không tìm thấy vụ việc số VV-2611-9999 trong các vụ việc Đồng chí được xem. Gõ /xemvuviec để xem danh sách vụ việc đang mở.",
    );
    expect((await type(P.tuan, "/xemvuviec BC-2611-4827"))[0]?.text).toBe(
      "“BC-2611-4827” không phải số vụ việc. Số vụ việc có dạng VV-2611-0042, ví dụ: /xemvuviec VV-2611-0042.",
    );
    expect((await type(P.hoa, `/xemvuviec ${ref}`))[0]?.text).toBe(
      `Không tìm thấy vụ việc số ${ref} trong các vụ việc Cô được xem. Gõ /xemvuviec để xem danh sách vụ việc đang mở.`,
    );
  });

  it("lists the open incidents the person may see, most recent first, with a button each", async () => {
    const school = await reportIncident("lan");
    h.now = new Date(h.now.getTime() + 60 * 60 * 1000);
    const commune = await reportIncident("nga");

    const [office] = await type(P.tuan, "/xemvuviec");
    expect(office?.text).toContain("Vụ việc đang mở (2), mới nhất trước:");
    expect(office?.payloads).toEqual([`incv:${commune}`, `incv:${school}`]);
    const lines = office?.text.split("\n").filter((l) => l.startsWith("• ")) ?? [];
    expect(lines).toEqual([
      `• ${commune} — Phòng Văn hóa – Xã hội phường Giảng Võ, 10/11/2026 11:00. Mức độ: Cao: lan rộng, báo chí đưa tin, cần chỉ đạo.`,
      `• ${school} — Trường THCS Nguyễn Du, 10/11/2026 10:00. Mức độ: Cao: lan rộng, báo chí đưa tin, cần chỉ đạo.`,
    ]);

    // The Phòng sees its school's incident, not the commune's; the school next door sees none.
    expect((await type(P.hung, "/xemvuviec"))[0]?.payloads).toEqual([`incv:${school}`]);
    expect((await type(P.minh, "/xemvuviec"))[0]?.payloads).toEqual([`incv:${school}`]);
    expect((await type(P.hoa, "/xemvuviec"))[0]?.text).toBe("Không có vụ việc nào đang mở mà Cô được xem.");

    // Closed incidents leave the list.
    await type(P.tuan, `đóng vụ việc ${commune}`);
    expect((await type(P.tuan, "/xemvuviec"))[0]?.payloads).toEqual([`incv:${school}`]);
  });

  it("is listed in /trogiup for the people who may use it", async () => {
    expect((await type(P.lan, "/trogiup"))[0]?.text).toContain("/xemvuviec — xem hồ sơ các vụ việc đang mở");
    expect((await type(P.tuan, "/trogiup"))[0]?.text).toContain("/xemvuviec");
  });
});

describe("“xem vụ việc” typed without the slash", () => {
  const openDrafts = () => h.db.selectFrom("drafts").select("id").where("status", "=", "open").execute();

  it("opens the record by reference, in any case and without accents, and offers no new report", async () => {
    const ref = await reportIncident("lan");
    const drafts = (await openDrafts()).length;
    for (const [person, text] of [
      [P.tuan, `xem vụ việc ${ref}`],
      [P.tuan, `Xem vu viec ${ref.toLowerCase()}`],
      [P.hung, `XEM VỤ VIỆC SỐ ${ref}.`],
      [P.mai, `xem hồ sơ vụ việc ${ref}`],
    ] as const) {
      const replies = await type(person, text);
      expect(replies).toHaveLength(1);
      expect(replies[0]?.text).toContain(`Hồ sơ vụ việc ${ref} — Trường THCS Nguyễn Du`);
      expect(replies[0]?.text).toContain(`Vụ việc gì đã xảy ra?: ${WHAT}`);
      expect(replies[0]?.text).not.toContain("Báo cáo vụ việc");
    }
    // The Văn phòng gets "Đóng vụ việc", as with /xemvuviec.
    expect((await type(P.tuan, `xem vụ việc ${ref}`))[0]?.payloads).toEqual([`incx:${ref}`]);
    expect(await openDrafts()).toHaveLength(drafts);
  });

  it("alone lists the open incidents one may see, as /xemvuviec does", async () => {
    const ref = await reportIncident("lan");
    expect((await type(P.tuan, "xem vụ việc"))[0]).toMatchObject({
      payloads: [`incv:${ref}`],
      text: (await type(P.tuan, "/xemvuviec"))[0]?.text,
    });
    expect((await type(P.hoa, "Xem vu viec"))[0]?.text).toBe("Không có vụ việc nào đang mở mà Cô được xem.");
  });

  it("answers someone who may not see it as /xemvuviec does, and a wrong reference precisely", async () => {
    const ref = await reportIncident("lan");
    const typed = await type(P.hoa, `xem vụ việc ${ref}`);
    expect(typed[0]?.text).toBe((await type(P.hoa, `/xemvuviec ${ref}`))[0]?.text);
    expect(typed[0]?.text).toBe(
      `Không tìm thấy vụ việc số ${ref} trong các vụ việc Cô được xem. Gõ /xemvuviec để xem danh sách vụ việc đang mở.`,
    );
    expect(typed[0]?.payloads).toEqual([]);
    expect((await type(P.tuan, "xem vụ việc BC-2611-4827"))[0]?.text).toBe(
      "“BC-2611-4827” không phải số vụ việc. Số vụ việc có dạng VV-2611-0042, ví dụ: /xemvuviec VV-2611-0042.",
    );
  });

  it("opens from the bare reference too, with the same refusal for the others", async () => {
    const ref = await reportIncident("lan");
    expect((await type(P.hung, ref.toLowerCase()))[0]?.text).toContain(`Hồ sơ vụ việc ${ref}`);
    expect((await type(P.nam, ref))[0]?.text).toBe(
      `Không tìm thấy vụ việc số ${ref} trong các vụ việc Thầy được xem. Gõ /xemvuviec để xem danh sách vụ việc đang mở.`,
    );
    expect((await type(P.nam, "VV-2611-0000"))[0]?.text).toBe(
      "Không tìm thấy vụ việc số VV-2611-0000 trong các vụ việc Thầy được xem. Gõ /xemvuviec để xem danh sách vụ việc đang mở.",
    );
  });

  it("during a form: the phrase opens the record and the form waits; a bare reference is an answer", async () => {
    const ref = await reportIncident("lan");
    expect((await type(P.hung, "/baocao vuviec"))[0]?.text).toContain("Vụ việc gì đã xảy ra?");
    expect((await type(P.hung, `xem vụ việc ${ref}`))[0]?.text).toContain(`Hồ sơ vụ việc ${ref}`);
    // The question is still the first one: the next text answers it.
    expect((await type(P.hung, `Liên quan ${ref}`))[0]?.text).toContain("Vụ việc xuất hiện ở đâu?");
    await type(P.hung, "/quaylai");
    const answered = await type(P.hung, ref);
    expect(answered[0]?.text).toContain("Vụ việc xuất hiện ở đâu?");
    expect(answered[0]?.text).not.toContain("Hồ sơ vụ việc");
  });

  it("leaves “vụ việc” alone starting a report", async () => {
    expect((await type(P.lan, "vụ việc"))[0]?.text).toContain("Vụ việc gì đã xảy ra?");
  });
});
