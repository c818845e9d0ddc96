#!/usr/bin/env node
// npm run bench [-- --files 1000,10000 --runs 5]
// Generates its own assessments, runs smartregion and the baselines side by side in one run
// (several runs each, medians), and prints times, ratios, files/s and peak memory.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
};
const sizes = arg("files", "1000,10000").split(",").map(Number);
const runs = Number(arg("runs", "5"));
const work = join(tmpdir(), "smartregion-bench");
const bin = join(root, "bin", "smartregion.js");
const ajvCli = join(root, "node_modules", "ajv-cli", "dist", "index.js");

// --- data ---
// Dates are quoted: ajv-cli reads YAML 1.1, which would turn them into Date objects and fail.----------------------------------------------------------------------------
const frameworks = JSON.parse(readFileSync(join(root, "dist", "shipped", "frameworks.json"), "utf8"));
const stages = frameworks.all.filter((f) => f.kind === "stage");

/** A deterministic pseudo-random generator, so every run measures the same files. */
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

/** One assessment of about 6 KB: every indicator answered, most of them with evidence. */
function assessment(i) {
  const r = random(i + 1);
  const lines = ["smartregion: 1", "subject:", `  name: Bench city ${i}`, "  kind: city", `  population: ${10000 + Math.floor(r() * 2000000)}`, "date: '2026-06-30'", "indicators:"];
  for (const stage of stages) {
    lines.push(`  ${stage.id}:`);
    for (const indicator of stage.indicators) {
      const level = Math.floor(r() * 6);
      if (r() < 0.3) {
        lines.push(`    ${indicator.id}: ${level}`);
        continue;
      }
      lines.push(`    ${indicator.id}:`, `      level: ${level}`, "      evidence:", `        - title: Evidence ${i}-${indicator.id}`, `          link: https://example.org/${i}/${indicator.id}`, `          date: '202${Math.floor(r() * 6)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}'`);
      if (r() < 0.4) lines.push(`      notes: A note about ${indicator.id} in bench city ${i}.`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function dataset(count) {
  const dir = join(work, `v3-files-${count}`);
  if (!existsSync(join(dir, "done"))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < count; i++) writeFileSync(join(dir, `city-${String(i).padStart(5, "0")}.yaml`), assessment(i));
    writeFileSync(join(dir, "done"), "");
  }
  return dir;
}

// The schemas ajv-cli validates against: the same ones smartregion's validator is built from.
function exportSchemas() {
  const dir = join(work, "schemas");
  mkdirSync(dir, { recursive: true });
  const script = `
    import { writeFileSync } from "node:fs";
    import { frameworksFor } from "${join(root, "dist/node/context.js")}";
    import { assessmentSchema } from "${join(root, "dist/assessment/schema.js")}";
    const set = frameworksFor([], process.cwd());
    writeFileSync("${dir}/assessment.json", JSON.stringify(assessmentSchema(set)));
    writeFileSync("${dir}/answer.json", JSON.stringify(set.answerSchema));
    for (const f of set.all) writeFileSync("${dir}/" + f.id + ".json", JSON.stringify(f.schema));
    console.log(set.all.map((f) => f.id).join(","));`;
  const ids = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" }).stdout.trim().split(",");
  return { main: join(dir, "assessment.json"), refs: [join(dir, "answer.json"), ...ids.map((id) => join(dir, `${id}.json`))] };
}

// --- measuring ----------------------------------------------------------------------------
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median wall time (ms) and peak resident memory (MB) of a command over `runs` runs. */
function measure(command, args, times = runs) {
  const wall = [];
  const memory = [];
  let code = 0;
  for (let i = 0; i < times; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync("/usr/bin/time", ["-f", "%M", command, ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 });
    wall.push(Number(process.hrtime.bigint() - started) / 1e6);
    memory.push(Number(result.stderr.trim().split("\n").at(-1)) / 1024);
    code = result.status;
  }
  return { ms: median(wall), mb: median(memory), code };
}

const rows = [];
const report = (name, m, floor) => {
  rows.push([name, `${m.ms.toFixed(0)} ms`, floor === undefined ? "" : `${(m.ms / floor).toFixed(2)}×`, `${m.mb.toFixed(0)} MB`, String(m.code)]);
};

console.log(`smartregion bench: ${runs} runs each, medians; data in ${work}`);
const city = join(root, "examples", "city.yaml");
const floor = measure(process.execPath, ["-e", "0"]);
report("node -e 0", floor, floor.ms);
report("smartregion --version", measure(process.execPath, [bin, "--version"]), floor.ms);
report("smartregion validate examples/city.yaml", measure(process.execPath, [bin, "validate", city]), floor.ms);
report("smartregion score examples/city.yaml", measure(process.execPath, [bin, "score", city]), floor.ms);

const schemas = exportSchemas();
const throughput = [];
for (const count of sizes) {
  const dir = dataset(count);
  const times = count >= 10000 ? Math.min(runs, 3) : runs;
  const out = join(work, "out.json");
  const validate = measure(process.execPath, [bin, "validate", dir, "--format", "json", "-o", out], times);
  const score = measure(process.execPath, [bin, "score", dir, "--format", "json", "-o", out], times);
  const ajv = measure(process.execPath, [ajvCli, "validate", "--spec=draft2020", "--strict=false", "-c", "ajv-formats", "-s", schemas.main, ...schemas.refs.flatMap((r) => ["-r", r]), "-d", `${dir}/*.yaml`, "--errors=no"], times);
  // --cache: one run to fill the cache, then the runs measured over the unchanged files.
  const cacheFile = join(work, `cache-${count}`);
  rmSync(cacheFile, { force: true });
  measure(process.execPath, [bin, "validate", dir, "--cache", "--cache-location", cacheFile, "--format", "json", "-o", out], 1);
  const cached = measure(process.execPath, [bin, "validate", dir, "--cache", "--cache-location", cacheFile, "--format", "json", "-o", out], times);
  report(`smartregion validate ${count} files`, validate, floor.ms);
  report(`smartregion validate ${count} files, --cache, unchanged`, cached, floor.ms);
  report(`smartregion score ${count} files`, score, floor.ms);
  report(`ajv-cli validate ${count} files`, ajv, floor.ms);
  throughput.push([count, validate, score, ajv]);
}

const width = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log("");
for (const r of [["what", "median", "× node -e 0", "peak RSS", "exit"], ...rows]) console.log(r.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(Math.max(width[i], 11)))).join("  "));
console.log("");
for (const [count, validate, score, ajv] of throughput) {
  const rate = (m) => `${Math.round(count / (m.ms / 1000))} files/s`;
  console.log(`${count} files: validate ${rate(validate)}, score ${rate(score)}, ajv-cli ${rate(ajv)}; time / ajv-cli's: validate ${(validate.ms / ajv.ms).toFixed(2)}, score ${(score.ms / ajv.ms).toFixed(2)}`);
}
if (throughput.length >= 2) {
  const [small, large] = [throughput[0], throughput.at(-1)];
  console.log(`peak memory, ${large[0]} files / ${small[0]} files: validate ${(large[1].mb / small[1].mb).toFixed(2)}, score ${(large[2].mb / small[2].mb).toFixed(2)}`);
}
