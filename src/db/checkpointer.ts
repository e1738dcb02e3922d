/**
 * WAL checkpoints off the request path. By default SQLite checkpoints inside whichever commit
 * pushes the WAL past 1,000 pages: that commit then copies pages into the database file and
 * fsyncs it, a few milliseconds during which every queued chat waits (measured: ~30 commits of
 * 5-10 ms per 3,000 inbound events). Here the server's connection stops checkpointing and a worker
 * thread with its own connection runs PASSIVE checkpoints every CHECKPOINT_INTERVAL_MS, in
 * parallel: PASSIVE never blocks the writer. Should the worker stop, the connection checkpoints
 * for itself again. For the long-running server only (startApp); the CLI and tests keep SQLite's
 * default.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { sql } from "kysely";
import type { Logger } from "../log";
import type { Db } from "./connect";

export const CHECKPOINT_INTERVAL_MS = 250;
/** SQLite's default, restored when the worker stops. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

// Plain CommonJS run with `eval`: no build step, no file to ship next to the bundle.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 5000 });
const checkpoint = () => db.pragma("wal_checkpoint(PASSIVE)")[0];
const timer = setInterval(() => {
  try { checkpoint(); } catch (err) { parentPort.postMessage({ error: String(err) }); }
}, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message === "now") {
    try { parentPort.postMessage({ result: checkpoint() }); }
    catch (err) { parentPort.postMessage({ error: String(err) }); }
  } else if (message === "stop") {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

export interface CheckpointResult {
  /** WAL frames, and how many of them are now in the database file. */
  readonly log: number;
  readonly checkpointed: number;
}

export interface WalCheckpointer {
  /** One checkpoint now, in the worker (for tests and shutdown). */
  checkpointNow(): Promise<CheckpointResult>;
  /** Stops the worker and gives checkpointing back to the connection. */
  stop(): Promise<void>;
}

function isResult(value: unknown): value is { result: CheckpointResult } {
  return typeof value === "object" && value !== null && "result" in value;
}

export async function startWalCheckpointer(
  db: Db,
  file: string,
  log: Logger,
  intervalMs = CHECKPOINT_INTERVAL_MS,
): Promise<WalCheckpointer> {
  const setAutocheckpoint = (pages: number) => sql.raw(`pragma wal_autocheckpoint = ${pages}`).execute(db);
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, intervalMs, driver } });
  worker.unref();
  let stopping = false;
  const waiting: ((r: CheckpointResult) => void)[] = [];
  worker.on("message", (message: unknown) => {
    if (isResult(message)) waiting.shift()?.(message.result);
    else log.error("db.checkpoint_failed", { error: String((message as { error?: unknown }).error) });
  });
  const exited = new Promise<void>((resolve) => {
    worker.on("exit", () => {
      if (!stopping) {
        log.error("db.checkpointer_stopped", {});
        // Never let the WAL grow without bound: the connection checkpoints for itself again.
        void setAutocheckpoint(DEFAULT_AUTOCHECKPOINT_PAGES).catch(() => undefined);
      }
      resolve();
    });
  });
  worker.on("error", (err) => log.error("db.checkpointer_error", { error: String(err) }));
  await setAutocheckpoint(0);
  return {
    checkpointNow() {
      return new Promise((resolve) => {
        worker.ref();
        waiting.push((r) => {
          if (waiting.length === 0 && !stopping) worker.unref();
          resolve(r);
        });
        worker.postMessage("now");
      });
    },
    async stop() {
      if (stopping) return exited;
      stopping = true;
      // Unreferenced so that it never keeps a process alive; referenced again to wait for it here.
      worker.ref();
      worker.postMessage("stop");
      await exited;
      await setAutocheckpoint(DEFAULT_AUTOCHECKPOINT_PAGES);
    },
  };
}
