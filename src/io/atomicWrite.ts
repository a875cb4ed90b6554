import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Temporary files not yet renamed; removed if the process is interrupted. */
const pending = new Set<string>();
let handlersInstalled = false;

function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const cleanup = () => {
    for (const file of pending) rmSync(file, { force: true });
    pending.clear();
  };
  process.on("exit", cleanup);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      cleanup();
      process.stderr.write(`betaens: interrupted (${signal}); no output file written\n`);
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  }
}

/**
 * Writes `data` to `path` atomically: into a temporary file in the same folder, flushed to disk,
 * then renamed over `path` (rename is atomic on POSIX file systems). After an error or Ctrl-C no
 * half-written file is left at `path`, and the temporary file is removed.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  installSignalHandlers();
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  pending.add(temporary);
  try {
    const fd = openSync(temporary, "w");
    try {
      const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
      let written = 0;
      while (written < bytes.length) {
        written += writeSync(fd, bytes, written, bytes.length - written);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  } finally {
    pending.delete(temporary);
  }
}

/** A file being written atomically: write to `fd`, then commit() (fsync + rename) or abort(). */
export interface AtomicFile {
  fd: number;
  commit(): void;
  abort(): void;
}

/**
 * Opens a temporary file next to `path` for a streamed write (rows written as they are
 * produced); commit() flushes it and renames it over `path`, abort() removes it. As
 * writeFileAtomic, an interrupted run leaves no file at `path` and no temporary file.
 */
export function openFileAtomic(path: string): AtomicFile {
  installSignalHandlers();
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  pending.add(temporary);
  let fd: number;
  try {
    fd = openSync(temporary, "w");
  } catch (error) {
    pending.delete(temporary);
    throw error;
  }
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    fd,
    commit() {
      try {
        fsyncSync(fd);
        close();
        renameSync(temporary, path);
      } catch (error) {
        close();
        rmSync(temporary, { force: true });
        throw error;
      } finally {
        pending.delete(temporary);
      }
    },
    abort() {
      close();
      rmSync(temporary, { force: true });
      pending.delete(temporary);
    },
  };
}
