// Piscina starts worker threads from this plain JavaScript file: it registers
// tsx in the thread, as bin/newsframes.js does in the main one, so the
// TypeScript worker and the stages it imports load there too.
import { register } from "tsx/esm/api";

register();
export default (await import("./worker.ts")).default;
