/**
 * Progress of a batch on standard error: a bar (documents done, docs/s, ETA
 * from the bytes read so far) on a terminal, nothing when stderr is piped or
 * the run is in CI. Messages printed during the run go through `log`, so
 * they do not tear the bar.
 */
import cliProgress from "cli-progress";

export interface Progress {
  /** One more input finished (written, skipped or failed), of `bytes` bytes. */
  advance(bytes: number): void;
  /** Print one line on standard error. */
  log(line: string): void;
  stop(): void;
}

const isCI = () => !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";

export const wantsProgressBar = () => process.stderr.isTTY === true && !isCI();

/** No bar: messages straight to standard error. */
export const plainProgress: Progress = {
  advance() {},
  log: (line) => console.error(line),
  stop() {},
};

/** A bar whose total is the inputs' size in bytes, once known (null: unknown, e.g. stdin, so no ETA). */
export function progressBar(totalBytes: Promise<number | null>): Progress {
  const bars = new cliProgress.MultiBar(
    { stream: process.stderr, hideCursor: true, clearOnComplete: false, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let docs = 0;
  let bytes = 0;
  let bar: cliProgress.SingleBar | undefined;
  const payload = () => ({ docs, rate: (docs / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(1) });
  totalBytes.then(
    (total) => {
      const format = total
        ? "{bar} {percentage}% | {docs} docs | {rate} docs/s | ETA {eta_formatted}"
        : "{docs} docs | {rate} docs/s";
      bar = bars.create(total ?? 0, bytes, payload(), { format });
    },
    () => {},
  );
  return {
    advance(size) {
      docs++;
      bytes += size;
      bar?.update(bytes, payload());
    },
    log: (line) => bars.log(line + "\n"),
    stop() {
      bar?.update(bytes, payload());
      bars.stop();
    },
  };
}
