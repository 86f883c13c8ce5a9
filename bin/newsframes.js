#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so the command and the code in the tree never disagree.
import { register } from "tsx/esm/api";

register();
await import("../pipeline/cli.ts");
