/**
 * Every benchmark `npm run bench` runs, in this order. Adding one: a `*.bench.ts` file exporting a
 * `Bench`, and one line here.
 */
import { engineLengthBench, engineStepBench } from "./engine.bench";
import { importMemoryBench, importTimeBench } from "./import.bench";
import {
  inboundBotLatencyBench,
  inboundBotThroughputBench,
  inboundLookupLatencyBench,
  inboundLookupThroughputBench,
} from "./inbound.bench";
import { obligationsBench } from "./obligations.bench";
import { remindersPlanningBench, remindersSendRateBench } from "./reminders.bench";
import { runnerLengthBench, runnerP99Bench, runnerThroughputBench } from "./runner.bench";
import type { Bench } from "./types";

export const benches: readonly Bench[] = [
  obligationsBench,
  importTimeBench,
  importMemoryBench,
  engineStepBench,
  engineLengthBench,
  inboundLookupThroughputBench,
  inboundLookupLatencyBench,
  inboundBotThroughputBench,
  inboundBotLatencyBench,
  runnerThroughputBench,
  runnerP99Bench,
  runnerLengthBench,
  remindersPlanningBench,
  remindersSendRateBench,
];
