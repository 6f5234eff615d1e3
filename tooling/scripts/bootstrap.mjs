// First step of `npm start` and `npm test` on a fresh clone with only Node 20: get the pinned pnpm (with npm, not
// corepack, which fails against this registry), then install the workspace exactly as locked.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const want = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).packageManager.split("@")[1];
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Chronicle needs Node.js 20.19 or newer; this is ${process.version}.`);
  process.exit(1);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) {
    console.error(`\n"${command} ${args.join(" ")}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

const have = spawnSync("pnpm", ["--version"], { encoding: "utf8" }).stdout?.trim();
if (have !== want) {
  console.log(`pnpm ${want} is needed (found ${have || "none"}); installing it with npm: npm i -g -E pnpm@${want}`);
  run("npm", ["install", "--global", "--exact", `pnpm@${want}`]);
}
run("pnpm", ["install", "--frozen-lockfile", "--reporter=append-only"]);
