/**
 * Vite build of the browser explorer (web/ → dist-web/). `base: "./"` makes every URL in the
 * built page relative, so dist-web/ works from any static host, from a subfolder and from
 * `betaens serve`. The Web Worker (web/src/worker.ts) is bundled as an ES module worker and
 * imports the library straight from src/ (the same code as the CLI).
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const repo = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: `${repo}web`,
  base: "./",
  publicDir: false,
  logLevel: "warn",
  build: {
    outDir: `${repo}dist-web`,
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: false,
  },
  worker: { format: "es" },
  server: { host: "127.0.0.1", fs: { allow: [repo] } },
});
