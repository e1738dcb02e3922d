/**
 * `baocao incidents show REF [--json]`: an incident's record as the chat shows it (the same
 * builder, src/conversation/runner/incident-record.ts): unit, status, reporter, every answer, the
 * evidence files with their SHA-256 and where they are stored, each follow-up. The operator holds
 * the whole database: no visibility check.
 *
 * Exit codes: 0 the record; 1 no incident with this reference; 2 not an incident reference.
 */
import path from "node:path";
import {
  INCIDENT_REFERENCE,
  incidentRecordParts,
  loadIncidentRecord,
  type RecordFile,
} from "../../conversation/runner/index";
import { findIncidentByRef } from "../../db/incidents";
import { getUnitById } from "../../db/index";
import { CliError, type Command } from "../command";
import { planForNames } from "./submissions-shared";

const USAGE = "baocao incidents show REF [--json]";

export const incidentsShowCommand: Command = {
  path: ["incidents", "show"],
  summaryKey: "report:cli.summaryShowIncident",
  usage: USAGE,
  positionals: { min: 1, max: 1, names: ["REF"] },
  async run(ctx, args) {
    const reference = (args.positionals[0] as string).trim().toUpperCase();
    if (!INCIDENT_REFERENCE.test(reference)) {
      throw new CliError("report:cli.error.badIncidentReference", { reference, usage: USAGE }, 2);
    }
    const { db } = await ctx.database();
    const incident = await findIncidentByRef(db, reference);
    const unit = incident ? await getUnitById(db, incident.unitId) : undefined;
    if (!incident || !unit) throw new CliError("report:cli.error.incidentNotFound", { reference });
    const env = { db, lang: ctx.lang, t: ctx.t, plan: await planForNames(ctx) };
    const record = await loadIncidentRecord(env, incident, unit);
    const absolute = (stored: string) => path.join(ctx.config.dataDir, ...stored.split("/"));
    if (ctx.json) {
      const file = (f: RecordFile) => ({
        name: f.name,
        question: f.question,
        sha256: f.sha256,
        sizeBytes: f.sizeBytes,
        path: f.storedPath,
        absolutePath: absolute(f.storedPath),
      });
      ctx.out(
        JSON.stringify({
          reference: incident.reference,
          status: incident.status,
          severity: incident.severity,
          obligationCode: incident.obligationCode,
          unit: { id: unit.id, code: unit.code, name: unit.name },
          reportedAt: incident.reportedAt.toISOString(),
          closedAt: incident.closedAt?.toISOString() ?? null,
          reporter: record.reporter,
          answers: incident.answers,
          answerLines: record.answers.map((a) => ({ id: a.id, label: a.label, line: a.line })),
          files: record.files.map(file),
          updates: record.updates.map((u) => ({
            at: u.at.toISOString(),
            by: u.by,
            state: u.state,
            stateLabel: u.stateLabel,
            text: u.text,
            answers: u.answers,
            files: u.files.map(file),
          })),
        }),
      );
      return 0;
    }
    for (const part of incidentRecordParts(record, ctx.t, { fileDetail: absolute })) {
      ctx.out("key" in part ? ctx.t(part.key, part.params ? { ...part.params } : undefined) : part.text);
    }
    return 0;
  },
};
