/** `npm run docs`: writes the reference pages made from the tool's own tables. */
import { writeFileSync } from "node:fs";
import { problemCodesDoc } from "../format/problem-codes.js";

writeFileSync("docs/problem-codes.md", problemCodesDoc());
