/**
 * Exports for the Văn phòng: what units submitted for one report and period, as one XLSX workbook
 * (the merge the office used to do by hand). Pure of channels: the CLI writes the bytes to a file,
 * the chat command (chat.ts) sends them as a file.
 */
import type { ActivePlan, SubmissionStatusSource } from "../bot/status/sources";
import { createSubmissionStatusSource } from "../conversation/runner/status-source";
import { localized } from "../conversation/text";
import type { Db } from "../db/index";
import { periodLabel } from "../domain/period-labels";
import type { Lang, Translate } from "../i18n/index";
import { collectExport, type ExportSummary, summarize } from "./collect";
import type { ExportTarget } from "./target";
import { submissionsWorkbook } from "./workbook";

export { type ExportSummary, summarize } from "./collect";
export { type ExportTarget, exportTarget } from "./target";

export const XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface SubmissionsExport {
  readonly bytes: Uint8Array;
  /** A name to give the file: "tong-hop_DL_MONTHLY_2026-11.xlsx". */
  readonly fileName: string;
  readonly summary: ExportSummary;
  /** "Báo cáo tháng …" and "tháng 11/2026", in the export's language. */
  readonly reportName: string;
  readonly periodText: string;
  readonly periodKey: string;
}

export interface ExportOptions {
  readonly now: Date;
  readonly lang: Lang;
  readonly t: Translate;
  /** Default: the submissions table, as /trangthai reads it. */
  readonly submissions?: SubmissionStatusSource | undefined;
}

export async function exportSubmissions(
  db: Db,
  active: ActivePlan,
  target: Extract<ExportTarget, { ok: true }>,
  options: ExportOptions,
): Promise<SubmissionsExport> {
  const { t, lang } = options;
  const data = await collectExport(
    db,
    active,
    target,
    options.now,
    options.submissions ?? createSubmissionStatusSource(),
  );
  const bytes = await submissionsWorkbook(data, { t, lang });
  const period = target.scheduled.period;
  const label = periodLabel(period);
  return {
    bytes,
    fileName: t("exports:fileName", { code: target.obligation.code, period: period.key }),
    summary: summarize(data),
    reportName: localized(target.obligation.name, lang),
    periodText: t(label.key, label.params),
    periodKey: period.key,
  };
}
