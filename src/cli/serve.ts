/**
 * `betaens serve [--port P] [--host H] [--dir DIR]`: serves the browser explorer (the static
 * files of dist-web/, built by Vite from web/) with node:http, on 127.0.0.1 by default, and
 * prints its URL. If dist-web/ is missing it is built with Vite when Vite is installed (a clone
 * with its dev dependencies); otherwise the error says how to build it.
 */
import { existsSync, realpathSync, type Stats, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type AddressInfo, isIP } from "node:net";
import { extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { flagString, parseFlags, parseInteger, quote } from "./args.js";
import { UsageError } from "./errors.js";

/** The package root: this file is src/cli/serve.ts (tsx) or dist/cli/serve.js (compiled). */
const PACKAGE_ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Where `vite build` (vite.config.ts) writes the explorer. */
export const DEFAULT_WEB_ROOT = join(PACKAGE_ROOT, "dist-web");

export const SERVE_USAGE = `usage: betaens serve [--port P] [--host H] [--dir DIR]

Serves the browser explorer on http://127.0.0.1:P/ (default port 8080; --port 0 picks a free
port) until interrupted (Ctrl-C). --host binds another address of this machine (default
127.0.0.1). --dir serves another build of the explorer (default: the package's dist-web/, built
by "npm run build:web"); only files whose real path is inside DIR are served (symbolic links
leading out of it are not followed).`;

const MIME_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
};

/** MIME type of a file from its extension (application/octet-stream when unknown). */
export function mimeType(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/**
 * The file under `root` that a request path names, or null if it would leave `root` (encoded
 * "..", backslashes, NUL bytes) or cannot be decoded. "/" and directories map to index.html.
 */
export function resolveRequestPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const base = resolve(root);
  const target = resolve(base, `.${decoded.startsWith("/") ? decoded : `/${decoded}`}`);
  const rel = relative(base, target);
  if (rel.startsWith("..") || rel.split(sep).includes("..") || resolve(base, rel) !== target) {
    return null;
  }
  return target;
}

function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  head: boolean,
): void {
  response.writeHead(status, {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-cache",
  });
  response.end(head ? undefined : body);
}

/** True when the real path of `path` (symbolic links resolved) lies inside the real `root`. */
function insideRealRoot(realRoot: string, path: string): boolean {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return false;
  }
  return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

async function handle(root: string, request: IncomingMessage, response: ServerResponse) {
  const head = request.method === "HEAD";
  if (request.method !== "GET" && !head) {
    response.setHeader("Allow", "GET, HEAD");
    send(response, 405, "method not allowed\n", "text/plain; charset=utf-8", head);
    return;
  }
  let path = resolveRequestPath(root, request.url ?? "/");
  if (path === null) {
    send(response, 403, "forbidden\n", "text/plain; charset=utf-8", head);
    return;
  }
  let stats: Stats | undefined;
  try {
    stats = statSync(path);
    if (stats.isDirectory()) {
      path = join(path, "index.html");
      stats = statSync(path);
    }
  } catch {
    stats = undefined;
  }
  if (!stats?.isFile() || !insideRealRoot(realpathSync(root), path)) {
    send(response, 404, "not found\n", "text/plain; charset=utf-8", head);
    return;
  }
  const body = await readFile(path);
  send(response, 200, body, mimeType(path), head);
}

export interface StaticServer {
  server: Server;
  /** e.g. "http://127.0.0.1:8080/". */
  url: string;
  close(): Promise<void>;
}

/** Starts the static file server for `root` on host:port (port 0: a free port). */
export function startStaticServer(options: {
  root: string;
  port?: number;
  host?: string;
}): Promise<StaticServer> {
  const root = resolve(options.root);
  const host = options.host ?? "127.0.0.1";
  const server = createServer((request, response) => {
    handle(root, request, response).catch(() => {
      if (!response.headersSent) send(response, 500, "internal error\n", "text/plain", false);
      else response.destroy();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8080, host, () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      const shownHost = host.includes(":") ? `[${host}]` : host;
      resolvePromise({
        server,
        url: `http://${shownHost}:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Builds dist-web/ with Vite if it is installed; false if Vite is not available. */
async function buildExplorer(): Promise<boolean> {
  const config = join(PACKAGE_ROOT, "vite.config.ts");
  if (!existsSync(config) || !existsSync(join(PACKAGE_ROOT, "web", "index.html"))) return false;
  let vite: { build(options: { configFile: string; logLevel?: string }): Promise<unknown> };
  try {
    vite = (await import("vite")) as unknown as typeof vite;
  } catch {
    return false;
  }
  await vite.build({ configFile: config, logLevel: "warn" });
  return true;
}

/** `betaens serve`: serves the explorer until SIGINT/SIGTERM. */
export async function serveCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(argv, ["port", "host", "dir"], [], "serve");
  if (positionals.length > 0) {
    throw new UsageError(`serve takes no arguments, got ${quote(positionals[0])}`);
  }
  const portText = flagString(values, "port");
  const port = portText === undefined ? 8080 : parseInteger("port", portText, 0);
  if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  const host = flagString(values, "host") ?? "127.0.0.1";
  if (isIP(host) === 0 && !/^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9-]{1,63})*$/.test(host)) {
    throw new UsageError(`--host must be an IP address or a host name, got ${quote(host)}`);
  }
  const dirFlag = flagString(values, "dir");
  const root = dirFlag === undefined ? DEFAULT_WEB_ROOT : resolve(dirFlag);
  if (!existsSync(join(root, "index.html"))) {
    if (dirFlag !== undefined) {
      throw new UsageError(
        `--dir ${dirFlag} has no index.html (build the explorer with "npm run build:web")`,
      );
    }
    process.stderr.write(
      `betaens: the explorer is not built yet (${root}); building it with Vite…\n`,
    );
    if (!(await buildExplorer())) {
      throw new Error(
        `the explorer is not built (${root} is missing) and Vite is not installed here; ` +
          'in a clone of betaens run "npm ci && npm run build:web", then "npx betaens serve"',
      );
    }
  }
  let started: StaticServer;
  try {
    started = await startStaticServer({ root, port, host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new Error(`port ${port} is in use; choose another with --port (or --port 0 for any)`);
    }
    if (code === "EACCES") {
      throw new UsageError(`port ${port} needs privileges; choose one above 1023 (or --port 0)`);
    }
    if (
      code === "EADDRNOTAVAIL" ||
      code === "ENOTFOUND" ||
      code === "EAI_AGAIN" ||
      code === "EINVAL"
    ) {
      throw new UsageError(
        `--host ${quote(host)} is not an address of this machine (try 127.0.0.1 or 0.0.0.0)`,
      );
    }
    throw error;
  }
  process.stdout.write(`betaens explorer: ${started.url}  (Ctrl-C to stop)\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      started.close().then(done, done);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
