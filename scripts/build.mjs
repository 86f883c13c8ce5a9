// `npm run build`: compiles the library, the CLI and the worker to dist/ and
// copies the model and data files they read. The CLI file is then dated to
// the start of the build, so bin/newsframes.js treats a source edited while
// the build ran as newer than the build, and runs the sources instead.
import { spawnSync } from "node:child_process";
import { cpSync, rmSync, utimesSync } from "node:fs";
import { createRequire } from "node:module";

const started = new Date();
rmSync("dist", { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const { status } = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
if (status !== 0) process.exit(status ?? 1);
for (const dir of ["models", "data"]) cpSync(dir, `dist/${dir}`, { recursive: true });
utimesSync("dist/pipeline/cli.js", started, started);
