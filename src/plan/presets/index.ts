/**
 * The preset registry: plans built from the seed plans (/work/shared/seeds), as typed objects.
 * Adding a preset: one file in this folder, one line here, one table in test/plan/presets.test.ts.
 */
import type { Plan } from "../../domain/plan";
import { badinh2024 } from "./badinh-2024";
import { haiphong2021 } from "./haiphong-2021";
import { hanoi2017 } from "./hanoi-2017";
import { hoabinh2025 } from "./hoabinh-2025";
import { kimthanh2024 } from "./kimthanh-2024";
import { modern } from "./modern";

/** The preset used when nothing else is configured. */
export const DEFAULT_PRESET_ID = "modern";

export const presets: readonly Plan[] = [
  modern,
  hanoi2017,
  kimthanh2024,
  badinh2024,
  haiphong2021,
  hoabinh2025,
];

export function getPreset(id: string): Plan | undefined {
  return presets.find((p) => p.id === id);
}
