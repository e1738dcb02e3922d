/**
 * "Báo cáo vụ việc": on sending, an immediate alert (kind "alert": bypasses quiet hours) to the
 * comms officer and head of the unit the reporting unit reports to and to the Văn phòng staff —
 * and to nobody else. Follow-ups attach to the same incident until the office closes it.
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

const say = async (text: string) => joined(to(await h.text("lan", text), "lan"));

async function reportIncident(): Promise<string> {
  expect(await say("/baocao vuviec")).toContain("Vụ việc gì đã xảy ra?");
  await say("Một clip về học sinh đánh nhau lan truyền trên TikTok.");
  await say("1");
  await say("hôm nay");
  await say("/boqua");
  await say("3");
  await say("Đã mời phụ huynh, báo cáo Phòng, liên hệ gỡ clip.");
  await say("không");
  await say("/boqua");
  expect(await say("/boqua")).toContain("Xin Thầy/Cô xem lại");
  const sent = await h.tap("lan", "c:submit");
  return joined(sent.filter((m) => m.chatId === "lan"));
}

describe("incidents", () => {
  it("alerts the reporting line at once, and only them", async () => {
    const before = await h.db.selectFrom("outbox").select("id").execute();
    const receipt = await reportIncident();
    const [incident] = await h.db.selectFrom("incidents").selectAll().execute();
    expect(receipt).toContain(`Đã nhận báo cáo vụ việc, số ${incident?.reference}, lúc 10/11/2026 10:00.`);
    expect(receipt).toContain("Đã báo ngay cho 3 người phụ trách ở cấp trên và Văn phòng.");
    const alerts = (await h.db.selectFrom("outbox").selectAll().where("kind", "=", "alert").execute()).filter(
      (r) => !before.some((b) => b.id === r.id),
    );
    // Phòng GD&ĐT Kim Thành's head and comms officer, and the Văn phòng staff: not the other Phòng,
    // not the neighbouring school, not the reporter's own colleagues.
    expect(alerts.map((a) => a.person_id).sort()).toEqual([P.hung, P.mai, P.tuan].sort());
    for (const a of alerts) {
      const message = JSON.parse(a.message) as { parts: { key: string; params: Record<string, unknown> }[] };
      expect(message.parts[0]).toMatchObject({
        key: "report:incident.alert",
        params: {
          reference: incident?.reference,
          unit: "Trường THCS Nguyễn Du",
          severity: "Cao: lan rộng, báo chí đưa tin, cần chỉ đạo",
        },
      });
      // No dead link: the record opens in the chat ("Xem vụ việc", or /xemvuviec REF typed).
      expect(message.parts.at(-1)).toEqual({
        key: "report:incident.viewHint",
        params: { reference: incident?.reference },
      });
      expect(JSON.stringify(message)).not.toContain("https://");
      expect((JSON.parse(a.message) as { buttons: unknown }).buttons).toEqual([
        { label: { key: "report:button.viewIncident" }, payload: `incv:${incident?.reference}` },
      ]);
    }
    expect(incident).toMatchObject({ status: "open", severity: "high", reported_by: P.lan });
  });

  it("follow-ups attach to the open incident until the office closes it", async () => {
    await reportIncident();
    const [incident] = await h.db.selectFrom("incidents").selectAll().execute();
    const ref = incident?.reference as string;
    const offer = to(await h.text("minh", "vụ việc"), "minh")[0];
    expect(offer?.text).toContain("Đơn vị đang có 1 vụ việc chưa đóng.");
    expect(offer?.payloads).toEqual([`incu:${ref}`, "incnew:u-thcs-nd"]);
    expect(joined(await h.tap("minh", `incu:${ref}`))).toContain("Diễn biến mới và việc đơn vị đã làm");
    await h.text("minh", "Clip đã được gỡ, phụ huynh hai bên đã gặp nhau.");
    await h.text("minh", "2");
    await h.text("minh", "/boqua");
    const sent = await h.tap("minh", "c:submit");
    expect(joined(to(sent, "minh"))).toContain(`Đã nhận cập nhật cho vụ việc ${ref}`);
    const updateAlerts = sent.filter((m) => m.kind === "alert");
    expect(updateAlerts.map((m) => m.personId).sort()).toEqual([P.hung, P.mai, P.tuan].sort());
    expect(updateAlerts[0]?.text).toContain(
      `Cập nhật vụ việc ${ref} — Trường THCS Nguyễn Du: Đã xử lý xong.`,
    );
    for (const a of updateAlerts) expect(a.payloads).toEqual([`incv:${ref}`]);
    expect(await h.db.selectFrom("incident_updates").select("incident_id").execute()).toEqual([
      { incident_id: incident?.id },
    ]);

    const closed = await h.text(chatOf(P.tuan), `đóng vụ việc ${ref}`);
    expect(to(closed, chatOf(P.tuan))[0]?.text).toBe(`Đã đóng vụ việc ${ref}.`);
    expect((await h.db.selectFrom("incidents").select("status").executeTakeFirstOrThrow()).status).toBe(
      "closed",
    );
    // Closed: a new report starts straight away, and the old reference takes no more updates.
    expect(joined(await h.text("minh", "vụ việc"))).toContain("Vụ việc gì đã xảy ra?");
    expect(joined(await h.tap("minh", `incu:${ref}`))).toContain(`Vụ việc ${ref} đã được đóng`);
  });
});
