/**
 * The explorer page: reads the controls, keeps the URL in sync with them, runs the sampling in
 * a Web Worker (cancelled by terminating it) and draws each snapshot it posts.
 *
 * For tests and scripts the page exposes its state on <body>: data-state = idle | running |
 * done | stopped | invalid | error, data-run = the id of the last run started, data-first-ms =
 * time from the start of the run to the first complete histogram drawn, data-first-load-ms =
 * time from navigation start to the first one drawn after loading the page, data-first-worker-ms
 * = the part of data-first-ms spent computing in the worker.
 */
import { type DownloadKind, dataBlob, saveBlob, svgToPng } from "./download.js";
import { FEATURES } from "./features.js";
import { figureFor } from "./figures.js";
import type { Progress, RunRequest, Snapshot, WorkerReply } from "./protocol.js";
import type { Figure } from "./results.js";
import {
  DEFAULTS,
  ENSEMBLES,
  type EnsembleName,
  type FieldErrors,
  type FieldName,
  type FormValues,
  N_MAX,
  N_ON_SWITCH,
  nLimit,
  parseDecimal,
  queryFromValues,
  readSettings,
  type Settings,
  VIEWS,
  type ViewName,
  valuesFromQuery,
} from "./state.js";

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
};

const form = $<HTMLFormElement>("controls");
const betaSlider = $<HTMLInputElement>("beta-slider");
const nSlider = $<HTMLInputElement>("n-slider");
const runButton = $<HTMLButtonElement>("run");
const resampleButton = $<HTMLButtonElement>("resample");
const stopButton = $<HTMLButtonElement>("stop");
const progress = $<HTMLProgressElement>("progress");
const statusText = $<HTMLSpanElement>("status-text");
const plot = $<HTMLDivElement>("plot");
const lawCaption = $<HTMLElement>("law");
const numbersList = $<HTMLDListElement>("numbers");
const runError = $<HTMLParagraphElement>("run-error");

const TEXT_FIELDS: FieldName[] = [
  "beta",
  "n",
  "samples",
  "seed",
  "bins",
  "loc",
  "sigma",
  "shape",
  "theta",
  "a",
  "b",
  "V",
  "passes",
];

// ---------------------------------------------------------------------------------------------
// Form ⇄ values ⇄ URL

function readForm(): FormValues {
  const values = { ...DEFAULTS };
  values.ensemble = $<HTMLSelectElement>("ensemble").value;
  const checked = form.ownerDocument.querySelector<HTMLInputElement>('input[name="view"]:checked');
  values.view = checked?.value ?? DEFAULTS.view;
  for (const field of TEXT_FIELDS) values[field] = $<HTMLInputElement>(field).value;
  values.initial = $<HTMLSelectElement>("initial").value;
  return values;
}

function writeForm(values: FormValues): void {
  const select = $<HTMLSelectElement>("ensemble");
  select.value = values.ensemble;
  if (select.value !== values.ensemble) {
    // An unknown ensemble in a link: keep the select on a valid one, report the error.
    select.value = DEFAULTS.ensemble;
  }
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="view"]')) {
    radio.checked = radio.value === values.view;
  }
  for (const field of TEXT_FIELDS) $<HTMLInputElement>(field).value = values[field];
  const initial = $<HTMLSelectElement>("initial");
  initial.value = values.initial;
  if (initial.value !== values.initial) initial.value = DEFAULTS.initial;
  syncSliders(values);
}

function syncSliders(values: FormValues): void {
  const beta = parseDecimal(values.beta);
  if (beta !== undefined && beta >= 0) betaSlider.value = String(Math.min(beta, 10));
  const n = parseDecimal(values.n);
  if (n !== undefined && n >= 1) nSlider.value = String(Math.log10(n));
  const ensemble = values.ensemble as EnsembleName;
  const view = values.view as ViewName;
  const known = ENSEMBLES.includes(ensemble) && VIEWS.includes(view);
  nSlider.max = String(Math.log10(known ? nLimit(ensemble, view).max : N_MAX.histogram));
}

/** N from the logarithmic slider, rounded to two significant digits (1, 2, …, 9.9·10^k). */
function nFromSlider(v: number): number {
  const raw = 10 ** v;
  if (raw < 100) return Math.round(raw);
  const magnitude = 10 ** (Math.floor(Math.log10(raw)) - 1);
  return Math.round(raw / magnitude) * magnitude;
}

function updateUrl(values: FormValues): void {
  const query = queryFromValues(values);
  if (location.search !== `?${query}`) history.replaceState(null, "", `?${query}${location.hash}`);
}

function updateVisibility(values: FormValues): void {
  for (const fs of document.querySelectorAll<HTMLFieldSetElement>("fieldset.params")) {
    const shown = fs.dataset.ensemble === values.ensemble;
    fs.hidden = !shown;
    fs.disabled = !shown;
  }
  $<HTMLDivElement>("bins-field").hidden = values.view !== "histogram";
  const gibbs = values.ensemble === "potential";
  $<HTMLSpanElement>("samples-label").textContent = gibbs ? "Chains" : "Samples";
  $<HTMLSpanElement>("beta-help").hidden = !gibbs;
}

/**
 * After the user picks another ensemble: an N above its limit is lowered (to N_ON_SWITCH, or
 * the limit) so that the switch samples at once instead of showing an error.
 */
function fitNToEnsemble(): void {
  const values = readForm();
  const ensemble = values.ensemble as EnsembleName;
  const view = values.view as ViewName;
  const n = parseDecimal(values.n);
  if (!ENSEMBLES.includes(ensemble) || !VIEWS.includes(view) || n === undefined) return;
  const { max } = nLimit(ensemble, view);
  if (n > max) $<HTMLInputElement>("n").value = String(Math.min(N_ON_SWITCH[ensemble] ?? max, max));
}

function markUnavailable(): void {
  const soon = " — coming soon";
  const select = $<HTMLSelectElement>("ensemble");
  for (const option of select.options) {
    const off =
      (option.value === "circular" && !FEATURES.circular) ||
      (option.value === "potential" && !FEATURES.gibbs);
    option.disabled = off;
    if (off && !option.text.endsWith(soon)) option.text += soon;
  }
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="view"]')) {
    if (radio.value === "gibbs" && !FEATURES.gibbs) {
      radio.disabled = true;
      radio.parentElement?.append(" (coming soon)");
    }
  }
}

function showErrors(errors: FieldErrors): void {
  for (const field of ["ensemble", "view", "initial", ...TEXT_FIELDS] as FieldName[]) {
    const message = errors[field] ?? "";
    const slot = document.getElementById(`${field}-error`);
    if (slot && slot.textContent !== message) slot.textContent = message;
    const input = document.getElementById(field);
    if (input) input.setAttribute("aria-invalid", message ? "true" : "false");
  }
}

// ---------------------------------------------------------------------------------------------
// The worker

let worker: Worker | null = null;
let runId = 0;
let running = false;
let current: { settings: Settings; started: number; firstDrawn: boolean } | null = null;
let lastSnapshot: Snapshot | null = null;
let lastFigure: Figure | null = null;
let pending: Snapshot | null = null;
let frameRequested = false;

function ensureWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
  worker.onmessage = (event: MessageEvent<WorkerReply>) => onReply(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    finish("error", `the sampler failed: ${event.message || "unknown error"}`);
    worker?.terminate();
    worker = null;
  };
  return worker;
}

function setState(state: string): void {
  document.body.dataset.state = state;
  running = state === "running";
  stopButton.disabled = !running;
}

function start(settings: Settings): void {
  if (running) cancelWorker();
  runId++;
  document.body.dataset.run = String(runId);
  delete document.body.dataset.firstMs;
  current = { settings, started: performance.now(), firstDrawn: false };
  lastSnapshot = null;
  pending = null;
  runError.textContent = "";
  setState("running");
  progress.value = 0;
  statusText.textContent = "Sampling…";
  const request: RunRequest = { type: "run", id: runId, settings };
  ensureWorker().postMessage(request);
}

function cancelWorker(): void {
  worker?.terminate();
  worker = null;
}

function onReply(reply: WorkerReply): void {
  if (reply.id !== runId || !current) return;
  if (reply.type === "error") {
    finish("error", reply.message);
    return;
  }
  if (reply.type === "progress") {
    showProgress(reply);
    return;
  }
  lastSnapshot = reply;
  pending = reply;
  const fraction = reply.total > 0 ? reply.done / reply.total : 1;
  progress.value = fraction;
  const seconds = (reply.elapsedMs / 1000).toFixed(2);
  if (reply.final) {
    draw();
    finish("done", `Done: ${describeDone(reply)} in ${seconds} s.`);
  } else {
    statusText.textContent = `${describeDone(reply)} of ${reply.total} · ${seconds} s`;
    requestDraw();
  }
}

/** Progress inside a step (no new figure): the bar and the status line. */
function showProgress(p: Progress & { elapsedMs: number }): void {
  progress.value = p.total > 0 ? p.done / p.total : 0;
  statusText.textContent = `${p.detail} · ${(p.elapsedMs / 1000).toFixed(2)} s`;
}

function describeDone(s: Snapshot): string {
  const whole = Math.floor(s.done + 1e-9);
  const unit = s.payload.kind === "gibbs" ? "chain" : "sample";
  return `${whole} ${unit}${whole === 1 ? "" : "s"}`;
}

function finish(state: "done" | "error" | "stopped", message: string): void {
  setState(state);
  if (state === "error") {
    runError.textContent = message;
    statusText.textContent = "The run failed (see the message above); change a setting to retry.";
  } else {
    statusText.textContent = message;
  }
}

function requestDraw(): void {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(() => {
    frameRequested = false;
    draw();
  });
}

function draw(): void {
  if (!pending || !current) return;
  const snapshot = pending;
  pending = null;
  let figure: Figure;
  try {
    figure = figureFor(current.settings, snapshot);
  } catch (error) {
    finish("error", error instanceof Error ? error.message : String(error));
    return;
  }
  lastFigure = figure;
  plot.innerHTML = figure.svg;
  lawCaption.textContent = figure.law;
  renderNumbers(figure);
  if (!current.firstDrawn && snapshot.done >= 1) {
    current.firstDrawn = true;
    const now = performance.now();
    document.body.dataset.firstMs = (now - current.started).toFixed(1);
    document.body.dataset.firstWorkerMs =
      (snapshot as { elapsedMs?: number }).elapsedMs?.toFixed(1) ?? "";
    if (!document.body.dataset.firstLoadMs) document.body.dataset.firstLoadMs = now.toFixed(1);
  }
}

function renderNumbers(figure: Figure): void {
  const items: HTMLElement[] = [];
  for (const item of figure.numbers) {
    const dt = document.createElement("dt");
    dt.textContent = item.label;
    const dd = document.createElement("dd");
    dd.id = item.id;
    if (typeof item.value === "number") {
      dd.dataset.value = String(item.value);
      dd.textContent = Number.isInteger(item.value)
        ? item.value.toLocaleString("en")
        : item.value.toPrecision(10);
    } else {
      dd.textContent = item.value;
    }
    items.push(dt, dd);
  }
  numbersList.replaceChildren(...items);
}

// ---------------------------------------------------------------------------------------------
// Runs from the controls

let timer: ReturnType<typeof setTimeout> | undefined;

/** Validates the form, updates the URL and starts a run (after `delay` ms of quiet). */
function schedule(delay: number): void {
  clearTimeout(timer);
  const values = readForm();
  updateUrl(values);
  updateVisibility(values);
  timer = setTimeout(() => runFromForm(), delay);
}

function runFromForm(): void {
  clearTimeout(timer);
  const values = readForm();
  updateUrl(values);
  updateVisibility(values);
  syncSliders(values);
  const { settings, errors } = readSettings(values, FEATURES);
  showErrors(errors);
  if (!settings) {
    if (running) cancelWorker();
    const count = Object.keys(errors).length;
    setState("invalid");
    statusText.textContent = `Fix the highlighted field${count > 1 ? "s" : ""} to sample.`;
    return;
  }
  start(settings);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  runFromForm();
});
form.addEventListener("input", (event) => {
  const target = event.target as HTMLElement;
  if (target === betaSlider) {
    $<HTMLInputElement>("beta").value = betaSlider.value;
    schedule(150);
  } else if (target === nSlider) {
    $<HTMLInputElement>("n").value = String(nFromSlider(Number(nSlider.value)));
    schedule(200);
  } else if (target instanceof HTMLInputElement && target.type === "text") {
    const values = readForm();
    syncSliders(values);
    schedule(450);
  }
});
form.addEventListener("change", (event) => {
  if (!(event.target instanceof HTMLSelectElement)) return;
  if (event.target.id === "ensemble") fitNToEnsemble();
  schedule(0);
});
$<HTMLFieldSetElement>("views").addEventListener("change", () => {
  syncSliders(readForm());
  schedule(0);
});
resampleButton.addEventListener("click", () => {
  const seed = $<HTMLInputElement>("seed");
  const value = parseDecimal(seed.value);
  seed.value =
    value !== undefined && Number.isSafeInteger(value) && value >= 0 ? String(value + 1) : "0";
  runFromForm();
});
stopButton.addEventListener("click", () => {
  if (!running) return;
  cancelWorker();
  const done = lastSnapshot ? `${describeDone(lastSnapshot)} of ${lastSnapshot.total}` : "nothing";
  finish("stopped", `Stopped after ${done}.`);
  stopButton.blur();
  runButton.focus();
});

// ---------------------------------------------------------------------------------------------
// Downloads and link

for (const button of document.querySelectorAll<HTMLButtonElement>("[data-download]")) {
  button.addEventListener("click", async () => {
    const kind = button.dataset.download as DownloadKind;
    if (!lastFigure) {
      statusText.textContent = "Nothing to download yet.";
      return;
    }
    const stem = lastFigure.fileStem;
    try {
      if (kind === "svg") {
        saveBlob(new Blob([lastFigure.svg], { type: "image/svg+xml" }), `${stem}.svg`);
      } else if (kind === "png") {
        saveBlob(await svgToPng(lastFigure.svg), `${stem}.png`);
      } else {
        saveBlob(dataBlob(lastFigure.data, kind), `${stem}.${kind}`);
      }
    } catch (error) {
      runError.textContent = `download failed: ${error instanceof Error ? error.message : error}`;
    }
  });
}

$<HTMLButtonElement>("copy-link").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(location.href);
    statusText.textContent = "Link copied: it restores this exact state.";
  } catch {
    statusText.textContent = "Copy failed; the link in the address bar restores this state.";
  }
});

// ---------------------------------------------------------------------------------------------
// Start: restore the state from the URL and sample.

markUnavailable();
const initial = valuesFromQuery(location.search || location.hash);
writeForm(initial);
updateVisibility(initial);
setState("idle");
runFromForm();
