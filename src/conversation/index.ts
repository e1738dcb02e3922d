/** Public surface of the form engine (see README.md). */
export { checkFile } from "./answers/file";
export { isValidAnswer, parseTypedAnswer } from "./answers/index";
export { start, step } from "./engine";
export { migrateState } from "./migrate";
export { reopenState } from "./reopen";
export { initialState, parseState, validateState } from "./state";
export { checkSubmission, cleanAnswers } from "./submission";
export type * from "./types";
