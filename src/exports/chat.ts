/**
 * The workbook in the chat, for Văn phòng staff: `/xuatexcel <report> <period>` (alias `/export`)
 * and the "Tải Excel" button under /trangthai's missing lists (`xlsx:<OBLIGATION>:<PERIOD>`).
 * Wraps the bot handler, as /nhacnho does (reminders/chat.ts): these events are answered here,
 * everything else goes to the bot unchanged.
 *
 * The workbook is built outside any transaction (on SQLite one would hold every other chat's
 * reply for as long); the reply carrying the file and the event's "handled" mark are then written
 * in one transaction. Anyone but the office — and a payload typed or forged by anyone else — gets
 * the same polite refusal and no data. A chat whose channel cannot send the file (no files out,
 * not this type, or a file above its limit) is told exactly why and the command to run instead.
 */
import path from "node:path";
import { addressTitle } from "../bot/address";
import { resolveChat } from "../bot/identity";
import type { OrgCache } from "../bot/org-cache";
import { splitReportArgs } from "../bot/report-args";
import type { ActivePlanSource, SubmissionStatusSource } from "../bot/status/sources";
import type { ChannelCapabilities, ChannelId, InboundEvent, OutboundMessage } from "../channels/types";
import type { Db } from "../db/index";
import { foldText } from "../domain/contact";
import { writeFileBytes } from "../files/index";
import { type Lang, translator } from "../i18n/index";
import type { InboundReceipt } from "../inbound/index";
import type { Logger } from "../log";
import { enqueueMessage } from "../outbox/index";
import { exportSubmissions, XLSX_MIME_TYPE } from "./index";
import { cliCommand, targetProblem } from "./messages";
import { exportsDir } from "./retention";
import { exportTarget } from "./target";

export interface ExportCommandDeps {
  readonly db: Db;
  readonly log: Logger;
  readonly lang: Lang;
  /** The plan in force (the one /trangthai uses). */
  readonly plan: ActivePlanSource;
  /** Where the workbook is written before it is sent (DATA_DIR/files, by content). */
  readonly dataDir: string;
  /** For the web chat's address, which can always take the file. */
  readonly publicUrl: string;
  readonly capabilities: (channel: ChannelId) => ChannelCapabilities | undefined;
  readonly kick: () => void;
  readonly now?: (() => Date) | undefined;
  readonly org?: OrgCache | undefined;
  readonly submissions?: SubmissionStatusSource | undefined;
}

type Handler = (event: InboundEvent, receipt?: InboundReceipt) => Promise<void>;

const COMMAND = /^\/(\S+?)(?:@\S+)?(?:\s+([\s\S]*))?$/u;
const COMMAND_NAMES = new Set(["xuatexcel", "export"]);
/** The button payload (helper of /trangthai's missing lists): "xlsx:DL_MONTHLY:2026-11". */
const PAYLOAD = /^xlsx:([^:]+):(.+)$/;
const BYTES_PER_MB = 1024 * 1024;

interface Request {
  readonly report: string;
  readonly period: string | null;
}

function parse(event: InboundEvent): Request | null {
  if (event.kind === "action") {
    const m = PAYLOAD.exec(event.payload);
    return m ? { report: m[1] as string, period: m[2] as string } : null;
  }
  if (event.kind !== "text") return null;
  const m = COMMAND.exec(event.text.trim());
  if (!m || !COMMAND_NAMES.has(foldText(m[1] ?? "").replace(/[\s_-]/g, ""))) return null;
  const args = splitReportArgs(m[2] ?? "");
  return { report: args.report, period: args.period };
}

/** A channel's reason not to carry an .xlsx of this size, or null when it can. */
function cannotSend(caps: ChannelCapabilities | undefined, sizeBytes: number | null) {
  const out = caps?.filesOut;
  if (!out || (out.mimeTypes && !out.mimeTypes.includes(XLSX_MIME_TYPE))) return "noFiles" as const;
  if (sizeBytes !== null && sizeBytes > out.maxBytes) return "tooLarge" as const;
  return null;
}

interface Answer {
  readonly personId: string;
  readonly title: string;
  reply(message: Omit<OutboundMessage, "lang">): Promise<void>;
  say(key: string, params?: Record<string, unknown>): Promise<void>;
}

/** The office's request, answered: the workbook as a file, or why not. */
async function answerOffice(
  deps: ExportCommandDeps,
  event: InboundEvent,
  request: Request,
  at: Date,
  a: Answer,
): Promise<void> {
  const t = translator(deps.lang);
  if (request.report === "" || request.period === null) return a.say("exports:chat.usage");
  const active = await deps.plan(deps.db);
  if (!active) return a.say("exports:chat.noPlan");
  const target = exportTarget(active, request.report, request.period, at);
  if (!target.ok) {
    const problem = targetProblem(target, active, t, deps.lang);
    return a.reply({ parts: [{ key: problem.key, params: problem.params }] });
  }
  const code = target.obligation.code;
  const periodKey = target.scheduled.period.key;
  const caps = deps.capabilities(event.chat.channel);
  const fileName = t("exports:fileName", { code, period: periodKey });
  const instead = {
    cli: cliCommand(fileName, code, periodKey),
    webChat: `${deps.publicUrl.replace(/\/+$/, "")}/chat`,
  };
  if (cannotSend(caps, null) === "noFiles") return a.say("exports:chat.noFiles", instead);

  const result = await exportSubmissions(deps.db, active, target, {
    now: at,
    lang: deps.lang,
    t,
    submissions: deps.submissions,
  });
  const sizeBytes = result.bytes.byteLength;
  if (cannotSend(caps, sizeBytes) === "tooLarge") {
    const limit = caps?.filesOut?.maxBytes ?? 0;
    return a.say("exports:chat.tooLarge", {
      ...instead,
      sizeMb: (sizeBytes / BYTES_PER_MB).toFixed(1),
      limitMb: Math.floor(limit / BYTES_PER_MB),
    });
  }
  const stored = await writeFileBytes({
    dataDir: exportsDir(deps.dataDir),
    bytes: result.bytes,
    name: result.fileName,
    mimeType: XLSX_MIME_TYPE,
    now: at,
  });
  await a.reply({
    parts: [
      {
        key: "exports:chat.sent",
        params: { title: a.title, report: result.reportName, period: result.periodText, ...result.summary },
      },
    ],
    file: {
      path: path.resolve(exportsDir(deps.dataDir), ...stored.path.split("/")),
      name: result.fileName,
      mimeType: XLSX_MIME_TYPE,
      sizeBytes,
    },
  });
  deps.log.info("exports.sent", {
    personId: a.personId,
    code,
    period: periodKey,
    ...result.summary,
    sizeBytes,
  });
}

export function withExportCommands(handler: Handler, deps: ExportCommandDeps): Handler {
  const t = translator(deps.lang);
  const clock = deps.now ?? (() => new Date());
  return async (event, receipt) => {
    const request = parse(event);
    if (!request) return handler(event, receipt);
    const at = clock();
    const resolved = await resolveChat(deps.db, event.chat, at, deps.org);
    // Unknown chats get the bot's usual answer (how to link).
    if (!resolved) return handler(event, receipt);
    const { actor } = resolved;
    const personId = actor.person.id;
    const title = addressTitle(actor.person.addressAs, t);
    const reply = async (message: Omit<OutboundMessage, "lang">) => {
      await deps.db.transaction().execute(async (trx) => {
        await enqueueMessage(trx, {
          chat: event.chat,
          message: { lang: deps.lang, ...message },
          kind: "reply",
          now: at,
          personId,
        });
        await receipt?.markHandled(trx);
      });
      deps.kick();
    };
    const say = (key: string, params: Record<string, unknown> = {}) =>
      reply({ parts: [{ key, params: { title, ...params } }] });

    if (!actor.seesAll) {
      deps.log.info("exports.refused", { personId, channel: event.channel, kind: event.kind });
      return say("exports:chat.notAllowed");
    }
    try {
      await answerOffice(deps, event, request, at, { personId, title, reply, say });
    } catch (err) {
      // The one boundary of this entry point: the office hears that it failed, the event is handled.
      deps.log.error("exports.failed", {
        personId,
        channel: event.channel,
        error: err instanceof Error ? err.message : String(err),
      });
      await reply({ parts: [{ key: "common:error.unexpected" }] });
    }
  };
}
