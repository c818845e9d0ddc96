import type { AssessmentValidator } from "../assessment/validator.js";

/**
 * The compiled assessment validator of the shipped frameworks, when the code that runs carries
 * a copy of it: the command line's bundle does (the build puts dist/shipped/validate-assessment.cjs
 * in place of this module), so V8's code cache of the bundle holds the validator's code too and a
 * run of one file compiles none of it (some 5 ms). `digest` is the validator's as the build wrote
 * it in frameworks.json: a copy is taken only while the two agree. The modules carry none.
 */
export const embeddedValidator = (): { readonly digest: string; readonly validate: AssessmentValidator | { default: AssessmentValidator } } | undefined => undefined;
