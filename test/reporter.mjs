/**
 * The reporter of `npm test` (node's test runner, --test-reporter): under CI (the CI environment
 * variable set) node's TAP, unchanged; otherwise one character per test on a terminal
 * (. passed, F failed, s skipped), then each failure with its file and message, then one summary
 * line — instead of thousands of lines of TAP. Plain JavaScript: node loads reporters before any
 * loader hook (tsx) is in place.
 */
import { relative } from "node:path";
import { tap } from "node:test/reporters";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The message of a failure: the assertion's own error, not the runner's wrapper. */
function failureMessage(error) {
  let e = error;
  while (e && typeof e === "object" && e.cause && typeof e.cause === "object") e = e.cause;
  const message = (e && typeof e === "object" ? e.message : String(e)) ?? String(e);
  return message.split("\n").slice(0, 12).join("\n    ");
}

/** @param {AsyncIterable<{ type: string, data: any }>} source */
export default async function* reporter(source) {
  if (process.env.CI) {
    yield* tap(source);
    return;
  }
  const dots = process.stdout.isTTY === true;
  const start = performance.now();
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let column = 0;
  const failures = [];
  for await (const event of source) {
    const { type, data } = event;
    if (type !== "test:pass" && type !== "test:fail") continue;
    // Suites report their children; count the tests themselves.
    if (data.details?.type === "suite") {
      if (type === "test:fail" && failureMessage(data.details.error).includes("subtest")) continue;
      if (type === "test:pass") continue;
    }
    let mark = ".";
    if (data.skip || data.todo) {
      skipped++;
      mark = "s";
    } else if (type === "test:pass") {
      passed++;
    } else {
      failed++;
      mark = "F";
      const file = data.file ? relative(ROOT, data.file) : "?";
      failures.push(`✗ ${file}: ${data.name}\n    ${failureMessage(data.details?.error)}`);
    }
    if (dots) {
      column++;
      yield column % 80 === 0 ? `${mark}\n` : mark;
    }
  }
  if (dots && column % 80 !== 0) yield "\n";
  if (failures.length > 0) yield `\n${failures.join("\n\n")}\n\n`;
  const seconds = ((performance.now() - start) / 1000).toFixed(0);
  const total = passed + failed + skipped;
  yield `${total} tests: ${passed} passed, ${failed} failed, ${skipped} skipped (${seconds} s)\n`;
}
