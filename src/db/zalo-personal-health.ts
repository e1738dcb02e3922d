/**
 * The personal Zalo account's health (connected, logged out, …) as the adapter last reported
 * it, kept in `settings` so the office's dashboard and CLI can show it.
 */
import type { Db } from "./connect";
import { getSetting, setSetting } from "./settings";

const KEY = "zalo_personal.health";

export interface StoredZaloPersonalHealth {
  readonly state: string;
  readonly since: string;
  readonly detail?: string | undefined;
  readonly reconnectInMs?: number | undefined;
}

export async function saveZaloPersonalHealth(
  db: Db,
  health: StoredZaloPersonalHealth,
  now: Date,
): Promise<void> {
  await setSetting(db, KEY, JSON.stringify(health), now);
}

export async function loadZaloPersonalHealth(db: Db): Promise<StoredZaloPersonalHealth | undefined> {
  const raw = await getSetting(db, KEY);
  if (!raw) return undefined;
  const value = JSON.parse(raw) as Partial<StoredZaloPersonalHealth>;
  return typeof value.state === "string" && typeof value.since === "string"
    ? { state: value.state, since: value.since, detail: value.detail, reconnectInMs: value.reconnectInMs }
    : undefined;
}
