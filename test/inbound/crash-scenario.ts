/**
 * The events of the restart tests, shared by the test and the child process that crashes while
 * handling them: Cô Lan (chat 100) asks for her status, for help, for her status again; Thầy Minh
 * (chat 200) sends a file. The child dies while handling "die".
 */
import type { InboundEvent } from "../../src/channels/types";
import { NOW } from "../bot/fixtures";

export const DIE_ID = "upd-die";
export const FILE_NAME = "bao-cao-thang-11.pdf";

const base = (chatId: string, platformId: string) => ({
  channel: "telegram" as const,
  chat: { channel: "telegram" as const, chatId },
  sender: { platformUserId: `user-${chatId}` },
  platformId,
  receivedAt: NOW,
});

export function scenarioEvents(): InboundEvent[] {
  return [
    { ...base("100", "upd-a1"), kind: "text", text: "/trangthai" },
    { ...base("100", DIE_ID), kind: "text", text: "/trogiup" },
    { ...base("100", "upd-a3"), kind: "text", text: "/trangthai" },
    {
      ...base("200", "upd-f1"),
      kind: "file",
      caption: "Báo cáo tháng 11",
      file: {
        name: FILE_NAME,
        mimeType: "application/pdf",
        sizeBytes: 1234,
        isPhoto: false,
        download: async () => ({ ok: true, bytes: new Uint8Array([1, 2, 3]) }),
      },
    },
  ];
}
