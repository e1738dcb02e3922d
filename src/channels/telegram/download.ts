/**
 * Downloading what people send. The hosted Bot API lets bots download files up to 20 MB
 * (getFile); bigger ones are refused with reason "too_large" before any byte is fetched, and a
 * download that grows past the limit anyway is cut off.
 */
import type { DownloadResult } from "../types";

export const TELEGRAM_DOWNLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

export interface FileDownloaderOptions {
  readonly apiRoot: string;
  readonly token: string;
  /** Bot API getFile; rejects on an API error. */
  readonly getFile: (
    fileId: string,
  ) => Promise<{ file_path?: string | undefined; file_size?: number | undefined }>;
  readonly fetch?: typeof fetch;
  readonly limitBytes?: number;
}

export type FileDownloader = (fileId: string, knownSizeBytes: number | null) => Promise<DownloadResult>;

export function createFileDownloader(options: FileDownloaderOptions): FileDownloader {
  const limitBytes = options.limitBytes ?? TELEGRAM_DOWNLOAD_LIMIT_BYTES;
  const doFetch = options.fetch ?? fetch;
  const tooLarge: DownloadResult = { ok: false, reason: "too_large", limitBytes };

  return async (fileId, knownSizeBytes) => {
    if (knownSizeBytes !== null && knownSizeBytes > limitBytes) return tooLarge;
    let info: { file_path?: string | undefined; file_size?: number | undefined };
    try {
      info = await options.getFile(fileId);
    } catch (err) {
      // Telegram answers 400 "Bad Request: file is too big" for files over 20 MB.
      if (/too big/i.test(String(err))) return tooLarge;
      return { ok: false, reason: "unavailable" };
    }
    if (info.file_size !== undefined && info.file_size > limitBytes) return tooLarge;
    if (!info.file_path) return { ok: false, reason: "unavailable" };
    const url = `${options.apiRoot.replace(/\/+$/, "")}/file/bot${options.token}/${info.file_path}`;
    let response: Response;
    try {
      response = await doFetch(url);
    } catch {
      return { ok: false, reason: "unavailable" };
    }
    if (!response.ok || !response.body) return { ok: false, reason: "unavailable" };
    const declared = Number(response.headers.get("content-length") ?? Number.NaN);
    if (declared > limitBytes) {
      await response.body.cancel();
      return tooLarge;
    }
    const parts: Uint8Array[] = [];
    let total = 0;
    const reader = response.body.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      total += r.value.byteLength;
      if (total > limitBytes) {
        await reader.cancel();
        return tooLarge;
      }
      parts.push(r.value);
    }
    return { ok: true, bytes: Buffer.concat(parts, total) };
  };
}
