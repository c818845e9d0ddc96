#!/usr/bin/env node
// npm run bench [-- --files 1000,10000 --runs 5 --markdown]
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
// The build writes each framework's indicators under their dimensions, with their order beside.
const stages = frameworks.all
  .filter((f) => f.kind === "stage")
  .map((f) => {
    const byId = new Map(f.dimensions.flatMap((d) => d.indicators.map((i) => [i.id, i])));
    return { ...f, indicators: f.indicatorOrder.map((id) => byId.get(id)) };
  });

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
/** A row: the median, its ratio to `node -e 0`, and the goal that ratio has, when it has one. */
const report = (name, m, floor, goal) => {
  const ratio = m.ms / floor;
  rows.push([name, `${m.ms.toFixed(0)} ms`, `${ratio.toFixed(2)}×`, goal === undefined ? "" : `≤ ${goal.toFixed(1)}× ${ratio <= goal ? "met" : "MISSED"}`, `${m.mb.toFixed(0)} MB`, String(m.code)]);
};
const verdict = (value, goal, atMost) => `${value.toFixed(2)} (goal ${atMost ? "≤" : "≥"} ${goal}: ${(atMost ? value <= goal : value >= goal) ? "met" : "MISSED"})`;

console.log(`smartregion bench: ${runs} runs each, medians; data in ${work}`);
const city = join(root, "examples", "city.yaml");
const region = join(root, "examples", "dublin-region", "region.yaml");
// One file at a time, each command after the other in every round, so that they share the machine's moods.
const single = {
  floor: [process.execPath, ["-e", "0"]],
  version: [process.execPath, [bin, "--version"]],
  validate: [process.execPath, [bin, "validate", city]],
  score: [process.execPath, [bin, "score", city]],
  scoreRegion: [process.execPath, [bin, "score", region]],
  reportRegion: [process.execPath, [bin, "report", region]],
};
const rounds = Math.max(runs, 20);
const taken = Object.fromEntries(Object.keys(single).map((k) => [k, { wall: [], memory: [], code: 0 }]));
for (let i = 0; i < rounds; i++) {
  for (const [key, [command, args]] of Object.entries(single)) {
    const m = measure(command, args, 1);
    taken[key].wall.push(m.ms);
    taken[key].memory.push(m.mb);
    taken[key].code = m.code;
  }
}
const one = (key) => ({ ms: median(taken[key].wall), mb: median(taken[key].memory), code: taken[key].code });
const floor = one("floor");
report("node -e 0", floor, floor.ms);
report("smartregion --version", one("version"), floor.ms, 1.1);
report("smartregion validate examples/city.yaml", one("validate"), floor.ms, 1.5);
report("smartregion score examples/city.yaml", one("score"), floor.ms);
report("smartregion score examples/dublin-region (5 files)", one("scoreRegion"), floor.ms, 2.0);
report("smartregion report examples/dublin-region (5 files)", one("reportRegion"), floor.ms, 2.0);

const schemas = exportSchemas();
const throughput = [];
for (const count of sizes) {
  const dir = dataset(count);
  const times = count >= 10000 ? Math.min(runs, 3) : runs;
  const out = join(work, "out.json");
  const validate = measure(process.execPath, [bin, "validate", dir, "--format", "json", "-o", out], times);
  const score = measure(process.execPath, [bin, "score", dir, "--format", "json", "-o", out], times);
  const gaps = measure(process.execPath, [bin, "report", dir, "--format", "json", "-o", out], times);
  const ajv = measure(process.execPath, [ajvCli, "validate", "--spec=draft2020", "--strict=false", "-c", "ajv-formats", "-s", schemas.main, ...schemas.refs.flatMap((r) => ["-r", r]), "-d", `${dir}/*.yaml`, "--errors=no"], times);
  // --cache: one run to fill the cache, then the runs measured over the unchanged files.
  const cacheFile = join(work, `cache-${count}`);
  rmSync(cacheFile, { force: true });
  measure(process.execPath, [bin, "validate", dir, "--cache", "--cache-location", cacheFile, "--format", "json", "-o", out], 1);
  const cached = measure(process.execPath, [bin, "validate", dir, "--cache", "--cache-location", cacheFile, "--format", "json", "-o", out], times);
  report(`smartregion validate ${count} files`, validate, floor.ms);
  report(`smartregion validate ${count} files, --cache, unchanged`, cached, floor.ms);
  report(`smartregion score ${count} files`, score, floor.ms);
  report(`smartregion report ${count} files`, gaps, floor.ms);
  report(`ajv-cli validate ${count} files`, ajv, floor.ms);
  throughput.push([count, validate, score, ajv, gaps, cached]);
}

const width = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log("");
const head = ["what", "median", "× node -e 0", "goal", "peak RSS", "exit"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const r of [head, ...rows]) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
console.log("");
for (const [count, validate, score, ajv, gaps] of throughput) {
  const rate = (m) => `${Math.round(count / (m.ms / 1000))} files/s`;
  console.log(`${count} files: validate ${rate(validate)}, score ${rate(score)}, report ${rate(gaps)}, ajv-cli ${rate(ajv)}`);
  // The goals are set for 10,000 files: a smaller run is printed for comparison.
  const goal = count >= 10000;
  const plainRatio = (value) => value.toFixed(2);
  console.log(`  ajv-cli's time / ours: validate ${goal ? verdict(ajv.ms / validate.ms, 2.5, false) : plainRatio(ajv.ms / validate.ms)}, score --format json ${goal ? verdict(ajv.ms / score.ms, 1.5, false) : plainRatio(ajv.ms / score.ms)}`);
}
if (throughput.length >= 2) {
  const [small, large] = [throughput[0], throughput.at(-1)];
  const ratio = (i) => verdict(large[i].mb / small[i].mb, 1.3, true);
  console.log(`peak memory, ${large[0]} files / ${small[0]} files: validate ${ratio(1)}, validate --cache ${ratio(5)}, score ${ratio(2)}, report ${ratio(4)}`);
}

// --markdown: the same figures as a Markdown table, for docs/development.md.
if (process.argv.includes("--markdown")) {
  console.log("");
  console.log("| what | median | × `node -e 0` | goal | peak RSS |");
  console.log("| --- | ---: | ---: | --- | ---: |");
  for (const [name, ms, ratio, goal, mb] of rows) console.log(`| ${name.replace(/^smartregion /, "`smartregion ").replace(/^(`smartregion [^0-9(]*?)( \(| [0-9]|$)/, "$1`$2")} | ${ms} | ${ratio} | ${goal} | ${mb} |`);
  for (const [count, validate, score, ajv] of throughput) {
    console.log(`| ajv-cli's time / ours, ${count} files | validate ${(ajv.ms / validate.ms).toFixed(2)}, score ${(ajv.ms / score.ms).toFixed(2)} | | ${count >= 10000 ? "≥ 2.5, ≥ 1.5" : ""} | |`);
  }
  if (throughput.length >= 2) {
    const [small, large] = [throughput[0], throughput.at(-1)];
    const r = (i) => (large[i].mb / small[i].mb).toFixed(2);
    console.log(`| peak memory, ${large[0]} / ${small[0]} files | validate ${r(1)}, --cache ${r(5)}, score ${r(2)}, report ${r(4)} | | ≤ 1.3 | |`);
  }
}
