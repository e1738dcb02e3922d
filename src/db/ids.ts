import { randomUUID } from "node:crypto";

export const newId = (): string => randomUUID();

/** Instants are stored as ISO-8601 UTC strings. */
export const toStoredInstant = (d: Date): string => d.toISOString();
