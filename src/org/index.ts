/** The organisation registry: file import/export of units and people, and the demo organisation. */

export { type DemoResult, loadDemo } from "./demo";
export {
  DEMO_LINKS,
  DEMO_PEOPLE,
  DEMO_PHONES,
  DEMO_PROVINCE_NAME,
  DEMO_UNIT_CODES,
  DEMO_UNITS,
} from "./demo-data";
export { exportPeople } from "./export-people";
export { exportUnits } from "./export-units";
export { importPeople } from "./import-people";
export type { ImportResult, ImportSummary, OutcomeCounts } from "./import-result";
export { importUnits } from "./import-units";
export type { Problem } from "./problems";
export { formatProblem, sortProblems } from "./problems";
export { PROGRESS_MIN_ROWS, progressBar } from "./progress";
export { formatOf } from "./read-file";
