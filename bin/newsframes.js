#!/usr/bin/env node
// Runs the compiled build (dist/, `npm run build`) when it is at least as new
// as every source, model and data file it was built from, and otherwise the
// TypeScript sources themselves through tsx: an edited tree never runs stale
// code, and a built one starts faster and spares each worker thread tsx.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const compiledCli = join(root, "dist/pipeline/cli.js");
const BUILT_FROM = ["index.ts", "pipeline", "extractors", "models", "data"];

function newestModification(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs; // a directory's own time changes when a file is added or removed
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, entry)));
  return newest;
}

function compiledIsCurrent() {
  try {
    const built = statSync(compiledCli).mtimeMs;
    return BUILT_FROM.every((name) => newestModification(join(root, name)) <= built);
  } catch {
    return false;
  }
}

if (compiledIsCurrent()) {
  await import(pathToFileURL(compiledCli).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../pipeline/cli.ts");
}
