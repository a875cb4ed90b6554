/**
 * Output files of a run, written safely (docs/conventions.md §5, "How files are written"). Node only.
 *
 * - planOutput checks a path before any work: the folder exists and a file can be created in it
 *   (a probe file, created and removed: access() alone says yes to root), the path is not a
 *   folder; it decides HOW the file will be written.
 * - A regular file (or a new path) is REPLACED atomically: a temporary file in the same folder is
 *   written, flushed and renamed over the target, so no half-written file is ever seen and an error
 *   or Ctrl-C leaves nothing behind. A symbolic link is followed: its target is replaced, the link
 *   is kept.
 * - A character device or a FIFO is written DIRECTLY, never replaced: renaming a file over
 *   /dev/null would destroy the device node. /dev/stdout (also /dev/fd/1, /proc/self/fd/1) is
 *   written to the process's standard output, whatever it is connected to.
 * - commitOutputs writes all outputs of a run together: every temporary file first, then the
 *   direct outputs, then the renames, then standard output — a failure before the renames leaves
 *   none of them behind.
 */
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** An output path that cannot be written, found before any work (exit status 2 in the CLI). */
export class OutputPathError extends RangeError {
  override name = "OutputPathError";
}

/** How and where one output will be written. */
export interface OutputTarget {
  /** The path as the user gave it (for messages). */
  readonly path: string;
  /** The file the bytes end up in: the path, or the final target of a symbolic link. */
  readonly target: string;
  /**
   * "replace": temporary file + rename over `target`; "direct": opened and written in place;
   * "stdout": written to the process's standard output.
   */
  readonly mode: "replace" | "direct" | "stdout";
}

/** Temporary files not yet renamed; removed if the process exits or is interrupted. */
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

/** Names of the standard output (a pipe, socket, terminal or file the shell opened). */
const STDOUT_PATHS = new Set(["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]);

function statOrUndefined(path: string, follow: boolean): Stats | undefined {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    if (code === "ENOTDIR") throw new OutputPathError(`cannot write ${path}: ${notAFolder(path)}`);
    if (code === "ELOOP") {
      throw new OutputPathError(`cannot write ${path}: too many levels of symbolic links`);
    }
    if (code === "EACCES") throw new OutputPathError(`cannot write ${path}: permission denied`);
    throw error;
  }
}

/** "'a/b' is not a folder": the first component of the path's folder that is not one. */
function notAFolder(path: string): string {
  let folder = dirname(path);
  while (folder !== dirname(folder)) {
    const parent = dirname(folder);
    try {
      if (statSync(parent).isDirectory()) break;
    } catch {
      // keep climbing
    }
    folder = parent;
  }
  return `'${folder}' is not a folder`;
}

/** True when `path` is /dev/stdout (or /dev/fd/1, /proc/self/fd/1) or a chain of links to it. */
function namesStandardOutput(path: string): boolean {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    if (STDOUT_PATHS.has(current)) return true;
    const stats = statOrUndefined(current, false);
    if (!stats?.isSymbolicLink()) return false;
    current = resolve(dirname(current), readlinkSync(current));
  }
  return false;
}

/** The final target of a chain of symbolic links whose end does not exist yet. */
function danglingLinkTarget(path: string): string {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    const stats = statOrUndefined(current, false);
    if (!stats?.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw new OutputPathError(`cannot write ${path}: too many levels of symbolic links`);
}

/** Checks that `folder` exists, is a folder and is writable; `path` names the output. */
function checkFolder(path: string, folder: string): void {
  const stats = statOrUndefined(folder, true);
  if (stats === undefined)
    throw new OutputPathError(`cannot write ${path}: no such folder '${folder}'`);
  if (!stats.isDirectory())
    throw new OutputPathError(`cannot write ${path}: '${folder}' is not a folder`);
  // access() grants root everything; creating a file is the real test (sysfs, /proc, ACLs).
  const probe = join(
    folder,
    `.betaens-probe.${process.pid}.${Math.random().toString(36).slice(2)}`,
  );
  try {
    accessSync(folder, constants.W_OK);
    closeSync(openSync(probe, "wx"));
    rmSync(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "EROFS" ? "is on a read-only file system" : "is not writable";
    throw new OutputPathError(`cannot write ${path}: folder '${folder}' ${reason}`);
  }
}

/**
 * Checks an output path before any work and decides how it will be written (see the file
 * comment). Throws an OutputPathError with a one-line reason: no such folder, not a folder, a
 * folder, not writable, a block device or a socket.
 */
export function planOutput(path: string): OutputTarget {
  if (path.length === 0) throw new OutputPathError("cannot write to an empty path");
  if (path.includes("\0")) throw new OutputPathError("an output path cannot contain a NUL byte");
  if (namesStandardOutput(path)) return { path, target: path, mode: "stdout" };
  const stats = statOrUndefined(path, true);
  if (stats === undefined) {
    // A new file, or a symbolic link to one: the file is created where the link points.
    const target = danglingLinkTarget(path);
    checkFolder(path, dirname(target));
    return { path, target, mode: "replace" };
  }
  if (stats.isDirectory()) throw new OutputPathError(`cannot write ${path}: it is a folder`);
  if (stats.isCharacterDevice() || stats.isFIFO()) {
    try {
      accessSync(path, constants.W_OK);
    } catch {
      throw new OutputPathError(`cannot write ${path}: permission denied`);
    }
    return { path, target: path, mode: "direct" };
  }
  if (!stats.isFile()) {
    throw new OutputPathError(
      `cannot write ${path}: not a regular file, a character device or a FIFO`,
    );
  }
  const target = realpathSync(path);
  checkFolder(path, dirname(target));
  return { path, target, mode: "replace" };
}

/**
 * Makes sure `path` is a writable folder for the outputs of a run, creating it (not its parents)
 * if needed; throws an OutputPathError with a one-line reason otherwise. Returns the path.
 */
export function prepareFolder(path: string): string {
  if (path.length === 0) throw new OutputPathError("cannot use an empty path as a folder");
  const stats = statOrUndefined(path, true);
  if (stats !== undefined) {
    if (!stats.isDirectory()) throw new OutputPathError(`cannot write into ${path}: not a folder`);
    checkFolder(path, path);
    return path;
  }
  checkFolder(path, dirname(resolve(path)));
  try {
    mkdirSync(path);
  } catch (error) {
    const reason = fileSystemReason(error as NodeJS.ErrnoException);
    throw new OutputPathError(`cannot create folder ${path}: ${reason}`);
  }
  return path;
}

const REASONS: Record<string, string> = {
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  EISDIR: "it is a folder",
  ENOENT: "its folder does not exist (any more)",
  EIO: "input/output error",
};

/** A file-system error in words ("no space left on device"), without the system call's details. */
function fileSystemReason(error: NodeJS.ErrnoException): string {
  return (error.code && REASONS[error.code]) ?? error.message ?? String(error);
}

/** "cannot write x.json: no space left on device" from a file-system error. */
function writeError(output: OutputTarget, error: unknown): Error {
  return new Error(
    `cannot write ${output.path}: ${fileSystemReason(error as NodeJS.ErrnoException)}`,
  );
}

function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

/**
 * Writes all outputs of a run together (see the file comment): temporary files for the outputs to
 * replace, then the direct outputs, then the renames, then standard output. On an error every
 * temporary file is removed and an Error "cannot write <path>: <reason>" is thrown. A reader
 * closing a FIFO (EPIPE) ends that output quietly, as for standard output.
 */
export function commitOutputs(
  items: readonly { output: OutputTarget; data: string | Uint8Array }[],
): void {
  installSignalHandlers();
  const temporaries: { temporary: string; output: OutputTarget }[] = [];
  try {
    for (const { output, data } of items) {
      if (output.mode !== "replace") continue;
      const random = Math.random().toString(36).slice(2);
      const temporary = join(
        dirname(output.target),
        `.${basename(output.target)}.${process.pid}.${random}.tmp`,
      );
      pending.add(temporary);
      temporaries.push({ temporary, output });
      try {
        const fd = openSync(temporary, "wx");
        try {
          writeAll(fd, data);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      } catch (error) {
        throw writeError(output, error);
      }
    }
    for (const { output, data } of items) {
      if (output.mode !== "direct") continue;
      try {
        const fd = openSync(output.target, "w");
        try {
          writeAll(fd, data);
        } finally {
          closeSync(fd);
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EPIPE") throw writeError(output, error);
      }
    }
    for (const { temporary, output } of temporaries) {
      try {
        renameSync(temporary, output.target);
      } catch (error) {
        throw writeError(output, error);
      }
      pending.delete(temporary);
    }
    for (const { output, data } of items) if (output.mode === "stdout") process.stdout.write(data);
  } finally {
    for (const { temporary } of temporaries) {
      if (pending.delete(temporary)) rmSync(temporary, { force: true });
    }
  }
}

/** Writes one file safely: planOutput then commitOutputs (atomic for regular files). */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  commitOutputs([{ output: planOutput(path), data }]);
}

/** A file being written as a stream: write to `fd`, then commit() or abort(). */
export interface AtomicFile {
  fd: number;
  commit(): void;
  abort(): void;
}

/**
 * Opens an output for a streamed write (rows written as they are produced; the path checked by
 * planOutput first). A regular file or a new path: a temporary file next to the target, which
 * commit() flushes and renames over it and abort() removes, so an interrupted run leaves no file
 * and no temporary file. A character device or a FIFO is opened and written directly (never
 * replaced); /dev/stdout is the process's standard output (fd 1).
 */
export function openFileAtomic(path: string): AtomicFile {
  const output = planOutput(path);
  if (output.mode === "stdout") return { fd: 1, commit() {}, abort() {} };
  if (output.mode === "direct") {
    let fd: number;
    try {
      fd = openSync(output.target, "w");
    } catch (error) {
      throw writeError(output, error);
    }
    let open = true;
    const close = () => {
      if (open) closeSync(fd);
      open = false;
    };
    return { fd, commit: close, abort: close };
  }
  installSignalHandlers();
  const random = Math.random().toString(36).slice(2);
  const temporary = join(
    dirname(output.target),
    `.${basename(output.target)}.${process.pid}.${random}.tmp`,
  );
  pending.add(temporary);
  let fd: number;
  try {
    fd = openSync(temporary, "wx");
  } catch (error) {
    pending.delete(temporary);
    throw writeError(output, error);
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
        renameSync(temporary, output.target);
      } catch (error) {
        close();
        rmSync(temporary, { force: true });
        pending.delete(temporary);
        throw writeError(output, error);
      }
      pending.delete(temporary);
    },
    abort() {
      close();
      rmSync(temporary, { force: true });
      pending.delete(temporary);
    },
  };
}
