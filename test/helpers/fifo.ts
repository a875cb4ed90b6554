/**
 * Special files for output tests, made in a temporary folder: FIFOs read by `cat` into a file, and
 * a character device (a /dev/null made with mknod; never the real /dev/null).
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Makes `dir/name` a FIFO with a reader copying it to `dir/copy`. Call `write` (which writes
 * through the FIFO path), then `finish()`: it asserts the path is still a FIFO (killing the
 * reader if it was replaced, so nothing hangs) and returns the bytes the reader received.
 */
export async function throughFifo(dir: string, name: string, write: (fifo: string) => void) {
  const fifo = join(dir, name);
  assert.equal(spawnSync("mkfifo", [fifo]).status, 0, "mkfifo");
  const copy = join(dir, "copy");
  const reader = spawn("sh", ["-c", 'cat "$1" > "$2"', "sh", fifo, copy]);
  const readerDone = new Promise<number | null>((done) => reader.on("close", done));
  let stillFifo = false;
  try {
    write(fifo);
    stillFifo = lstatSync(fifo).isFIFO();
  } finally {
    // A writer that failed, or replaced the FIFO, never opened it: stop the reader (no hang).
    if (!stillFifo) reader.kill();
  }
  assert.ok(stillFifo, "the FIFO was replaced by a regular file");
  assert.equal(await readerDone, 0);
  return readFileSync(copy);
}

/**
 * Makes `dir/name` a character device equal to /dev/null (mknod c 1 3) and returns its path, or
 * skips the test (returns undefined) when mknod is not allowed (not root).
 */
export function characterDevice(
  dir: string,
  name: string,
  t: { skip: (message: string) => void },
): string | undefined {
  const device = join(dir, name);
  if (spawnSync("mknod", [device, "c", "1", "3"]).status !== 0) {
    t.skip("mknod needs root");
    return undefined;
  }
  return device;
}
