/**
 * Files people send us, stored by content: DATA_DIR/files/yyyy/mm/<sha256>.<ext> (month in
 * Asia/Ho_Chi_Minh). The same bytes sent twice in a month are one file on disk. Writes go to a
 * temporary name first and are renamed into place, so a crash never leaves half a file under a
 * hash name. Adapters only download; this module stores and records.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { ChannelId, InboundFile } from "../channels/types";
import type { Db } from "../db/index";
import { newId } from "../db/index";
import { localDateOf } from "../domain/time";

export interface StoredFile {
  readonly id: string;
  /** Relative to the data directory, with forward slashes. */
  readonly path: string;
  readonly sizeBytes: number;
  readonly mimeType: string;
  readonly sha256: string;
}

const EXT_BY_MIME: Readonly<Record<string, string>> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/heic": "heic",
  "text/plain": "txt",
  "text/csv": "csv",
  "application/zip": "zip",
  "application/msword": "doc",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.ms-excel": "xls",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.ms-powerpoint": "ppt",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
  "video/mp4": "mp4",
};

/** A safe lower-case extension from the original name, else from the MIME type, else "bin". */
export function extensionFor(name: string | null, mimeType: string | null): string {
  const fromName = name ? /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() : undefined;
  return fromName ?? (mimeType ? EXT_BY_MIME[mimeType.toLowerCase()] : undefined) ?? "bin";
}

export interface StoreFileInput {
  readonly dataDir: string;
  readonly bytes: Uint8Array;
  readonly name: string | null;
  readonly mimeType: string | null;
  readonly now: Date;
}

/** Writes the bytes (once per content and month) and returns where they are; no database. */
export async function writeFileBytes(input: StoreFileInput): Promise<Omit<StoredFile, "id">> {
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const [year, month] = localDateOf(input.now).split("-");
  const relative = `files/${year}/${month}/${sha256}.${extensionFor(input.name, input.mimeType)}`;
  const absolute = path.join(input.dataDir, ...relative.split("/"));
  await fs.mkdir(path.dirname(absolute), { recursive: true });
  const exists = await fs.stat(absolute).then(
    (s) => s.size === input.bytes.byteLength,
    () => false,
  );
  if (!exists) {
    const temp = `${absolute}.${process.pid}.${newId()}.part`;
    await fs.writeFile(temp, input.bytes);
    await fs.rename(temp, absolute);
  }
  return {
    path: relative,
    sizeBytes: input.bytes.byteLength,
    mimeType: input.mimeType ?? "application/octet-stream",
    sha256,
  };
}

/** Writes the bytes and records them in `stored_files`. */
export async function storeFile(
  db: Db,
  input: StoreFileInput & { readonly channel: ChannelId | null },
): Promise<StoredFile> {
  const written = await writeFileBytes(input);
  const id = newId();
  await db
    .insertInto("stored_files")
    .values({
      id,
      sha256: written.sha256,
      path: written.path,
      size_bytes: written.sizeBytes,
      mime_type: written.mimeType,
      original_name: input.name,
      channel: input.channel,
      created_at: input.now.toISOString(),
    })
    .execute();
  return { id, ...written };
}

export type ReceiveFileResult =
  | { readonly ok: true; readonly file: StoredFile }
  | {
      readonly ok: false;
      readonly reason: "too_large" | "unavailable";
      /** Tell the person with this key; params as given. */
      readonly messageKey: "channels:file.too_large" | "channels:file.unavailable";
      readonly params: Readonly<Record<string, unknown>>;
    };

const BYTES_PER_MB = 1024 * 1024;

/** Downloads an inbound file through its adapter and stores it; a refusal comes with the message to send. */
export async function receiveFile(
  db: Db,
  options: { readonly dataDir: string; readonly channel: ChannelId; readonly now: Date },
  file: InboundFile,
): Promise<ReceiveFileResult> {
  const downloaded = await file.download();
  if (!downloaded.ok) {
    if (downloaded.reason === "too_large") {
      const limitMb = Math.floor((downloaded.limitBytes ?? 0) / BYTES_PER_MB);
      return { ok: false, reason: "too_large", messageKey: "channels:file.too_large", params: { limitMb } };
    }
    return { ok: false, reason: "unavailable", messageKey: "channels:file.unavailable", params: {} };
  }
  const stored = await storeFile(db, {
    dataDir: options.dataDir,
    bytes: downloaded.bytes,
    name: file.name,
    mimeType: file.mimeType ?? (file.isPhoto ? "image/jpeg" : null),
    now: options.now,
    channel: options.channel,
  });
  return { ok: true, file: stored };
}
