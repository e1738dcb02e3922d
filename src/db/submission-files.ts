/** Which stored files a revision, incident, incident update or article holds (migration 0048). */
import type { Kysely } from "kysely";
import { newId } from "./ids";
import type { Database } from "./schema";

type Conn = Kysely<Database>;

export type FileOwnerKind = "submission_revision" | "incident" | "incident_update" | "article";

export async function linkFiles(
  db: Conn,
  owner: { kind: FileOwnerKind; id: string },
  files: readonly { readonly fileId: string; readonly path: string }[],
): Promise<void> {
  if (files.length === 0) return;
  // Only files we really stored: a forged id in a state must not create a dangling reference.
  const known = new Set(
    (
      await db
        .selectFrom("stored_files")
        .select("id")
        .where(
          "id",
          "in",
          files.map((f) => f.fileId),
        )
        .execute()
    ).map((r) => r.id),
  );
  const rows = files
    .filter((f) => known.has(f.fileId))
    .map((f) => ({
      id: newId(),
      owner_kind: owner.kind,
      owner_id: owner.id,
      file_id: f.fileId,
      question_path: f.path,
    }));
  if (rows.length > 0) await db.insertInto("submission_files").values(rows).execute();
}

export async function filesOf(db: Conn, owner: { kind: FileOwnerKind; id: string }) {
  return db
    .selectFrom("submission_files")
    .innerJoin("stored_files", "stored_files.id", "submission_files.file_id")
    .select([
      "submission_files.question_path as path",
      "stored_files.id",
      "stored_files.original_name as name",
      "stored_files.sha256",
      "stored_files.size_bytes as sizeBytes",
      "stored_files.path as storedPath",
    ])
    .where("submission_files.owner_kind", "=", owner.kind)
    .where("submission_files.owner_id", "=", owner.id)
    .execute();
}
