/**
 * Bytes of web chat files on disk, under one folder, named by a random key: a name never comes
 * from the person or the bot, so no path can escape the folder.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

const KEY_PATTERN = /^[0-9a-f-]{36}$/;

export interface FileVault {
  save(bytes: Uint8Array): Promise<string>;
  /** Copies a file the bot sends (it may be a temporary export that disappears later). */
  copyFrom(sourcePath: string): Promise<string>;
  read(key: string): Promise<Uint8Array>;
  pathOf(key: string): string;
}

export function createFileVault(dir: string): FileVault {
  const pathOf = (key: string): string => {
    if (!KEY_PATTERN.test(key)) throw new Error(`invalid file key ${JSON.stringify(key)}`);
    return path.join(dir, key);
  };
  const ready = (): Promise<string | undefined> => fs.mkdir(dir, { recursive: true, mode: 0o700 });
  return {
    pathOf,
    async save(bytes) {
      await ready();
      const key = randomUUID();
      await fs.writeFile(pathOf(key), bytes, { mode: 0o600 });
      return key;
    },
    async copyFrom(sourcePath) {
      await ready();
      const key = randomUUID();
      await fs.copyFile(sourcePath, pathOf(key));
      return key;
    },
    async read(key) {
      return new Uint8Array(await fs.readFile(pathOf(key)));
    },
  };
}

/** Removes file bytes by key (after eraseWebChats); a key already gone is fine. */
export async function removeWebChatFiles(dir: string, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    if (KEY_PATTERN.test(key)) await fs.rm(path.join(dir, key), { force: true });
  }
}
