/**
 * The explorer page: reads the controls, keeps the URL in sync with them, runs the sampling in
 * a Web Worker (cancelled by terminating it) and draws each snapshot it posts.
 *
 * For tests and scripts the page exposes its state on <body>: data-state = idle | running |
 * done | stopped | invalid | error, data-run = the id of the last run started, data-first-ms =
 * time from the start of the run to the first complete histogram drawn, data-first-load-ms =
 * time from navigation start to the first one drawn after loading the page, data-first-worker-ms
 * = the part of data-first-ms spent computing in the worker, data-workers = the Web Workers the
 * current run samples on (up to navigator.hardwareConcurrency, sent with the run; 1: the sampling
 * worker alone). data-state = confirm while a long run waits for "Run anyway".
 *
 * Only completed samples (chains) are drawn and exported: a snapshot counted part-way through a
 * sample only moves the progress bar. A figure of other settings than the form's is marked
 * "out of date" and cannot be downloaded. Each run pushes one history entry (Back/Forward step
 * through runs).
 */
import { initAnimate } from "./animate.js";
import { commandLine, javascriptSnippet } from "./command.js";
import { initCompare } from "./compare.js";
import { CONFIRM_SECONDS, estimateSeconds, formatDuration } from "./cost.js";
import { type DownloadKind, dataBlob, saveBlob, svgToPng } from "./download.js";
import { FEATURES } from "./features.js";
import { figureFor } from "./figures.js";
import { dataTable, shortLabel } from "./figureText.js";
import { PRESETS } from "./presets.js";
import type { RunRequest, Snapshot, WorkerReply } from "./protocol.js";
import { type Figure, setFigureWidth, setLogScale, WIDE_FIGURE_WIDTH } from "./results.js";
import {
  DEFAULTS,
  ENSEMBLES,
  type EnsembleName,
  type FieldErrors,
  type FieldName,
  type FormValues,
  fallbackView,
  N_MAX,
  N_ON_SWITCH,
  nLimit,
  parseDecimal,
  queryFromValues,
  readSettings,
  type Settings,
  VIEW_NAMES,
  VIEWS,
  type ViewName,
  valuesForLink,
  valuesFromQuery,
  viewUnavailable,
} from "./state.js";
import { initZoom } from "./zoom.js";

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
const figureBox = $<HTMLElement>("figure");
const figureTitle = $<HTMLElement>("figure-title");
const staleNote = $<HTMLParagraphElement>("stale-note");
const notice = $<HTMLParagraphElement>("notice");
const costBox = $<HTMLDivElement>("cost");
const announcer = $<HTMLParagraphElement>("announce");
const dataTableWrap = $<HTMLDivElement>("data-table-wrap");
const downloadButtons = [
  ...document.querySelectorAll<HTMLButtonElement>("[data-download]"),
  $<HTMLButtonElement>("copy-command"),
  $<HTMLButtonElement>("copy-javascript"),
];
const commandText = $<HTMLElement>("command-line");

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
  "bulk",
  "m",
  "m1",
  "m2",
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
  const betaOk = beta !== undefined && beta >= 0;
  if (betaOk) betaSlider.value = String(Math.min(beta, 10));
  markSlider(betaSlider, betaOk, "β");
  const n = parseDecimal(values.n);
  const nOk = n !== undefined && n >= 1;
  if (nOk) nSlider.value = String(Math.log10(n));
  markSlider(nSlider, nOk, "N");
  const ensemble = values.ensemble as EnsembleName;
  const view = values.view as ViewName;
  const known = ENSEMBLES.includes(ensemble) && VIEWS.includes(view);
  nSlider.max = String(Math.log10(known ? nLimit(ensemble, view).max : N_MAX.histogram));
}

/**
 * A slider whose box holds no valid number is shown empty (dimmed, thumb hidden) and says so to
 * screen readers, instead of sitting at a position that means nothing.
 */
function markSlider(slider: HTMLInputElement, ok: boolean, name: string): void {
  slider.dataset.invalid = String(!ok);
  if (ok) slider.removeAttribute("aria-valuetext");
  else slider.setAttribute("aria-valuetext", `no valid ${name} in the box`);
}

/** N from the logarithmic slider, rounded to two significant digits (1, 2, …, 9.9·10^k). */
function nFromSlider(v: number): number {
  const raw = 10 ** v;
  if (raw < 100) return Math.round(raw);
  const magnitude = 10 ** (Math.floor(Math.log10(raw)) - 1);
  return Math.round(raw / magnitude) * magnitude;
}

/**
 * Puts the state in the address bar: a run pushes a new history entry (so that Back returns to
 * the previous run); a state that does not run (invalid fields, waiting for a confirmation)
 * pushes one entry and then replaces it while it is being edited.
 */
function updateUrl(values: FormValues, kind: "run" | "edit"): void {
  const query = `?${queryFromValues(values)}`;
  const entry = { kind };
  if (location.search === query) {
    history.replaceState(entry, "", `${query}${location.hash}`);
  } else if (kind === "edit" && (history.state as { kind?: string } | null)?.kind === "edit") {
    history.replaceState(entry, "", `${query}${location.hash}`);
  } else {
    history.pushState(entry, "", `${query}${location.hash}`);
  }
}

function updateVisibility(values: FormValues): void {
  for (const fs of document.querySelectorAll<HTMLFieldSetElement>("fieldset.params")) {
    const shown = fs.dataset.ensemble === values.ensemble;
    fs.hidden = !shown;
    fs.disabled = !shown;
  }
  $<HTMLDivElement>("bins-field").hidden = values.view !== "histogram";
  $<HTMLDivElement>("bulk-field").hidden = values.view !== "local";
  // Dimensions typed: k, θ (a, b) follow from them, as in the CLI (--m, --m1 --m2).
  const wishart = values.m.trim() !== "";
  const manova = values.m1.trim() !== "" || values.m2.trim() !== "";
  for (const id of ["shape", "theta"]) $<HTMLInputElement>(id).disabled = wishart;
  for (const id of ["a", "b"]) $<HTMLInputElement>(id).disabled = manova;
  const gibbs = values.ensemble === "potential";
  $<HTMLSpanElement>("samples-label").textContent = gibbs ? "Chains" : "Samples";
  $<HTMLSpanElement>("beta-help").hidden = !gibbs;
  markViews(values);
}

/** Disables the views that cannot show the ensemble, with the reason as their tooltip. */
function markViews(values: FormValues): void {
  const ensemble = values.ensemble as EnsembleName;
  if (!ENSEMBLES.includes(ensemble)) return;
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="view"]')) {
    const why = viewUnavailable(ensemble, radio.value as ViewName, FEATURES);
    radio.disabled = why !== undefined;
    const label = radio.closest("label");
    const title = why ? `Not available: ${why}` : "";
    if (label) label.title = title;
    radio.title = title;
  }
}

/** A message above the figure about what the page changed by itself (cleared by the next one). */
function say(messages: string[]): void {
  notice.textContent = messages.join(" ");
}

/** Samples typed before the λ_max view set its own default (restored when leaving it). */
let samplesBeforeEdge: string | null = null;
/** Samples set on entering the λ_max view: 2000 rescaled maxima give a readable histogram. */
const EDGE_SAMPLES = 2000;

/**
 * After the user picks another ensemble or view, the parameters are adapted so that the switch
 * samples at once instead of showing an error, and the notice says what changed: a view that
 * does not apply falls back to the histogram, an N above the limit is lowered (to N_ON_SWITCH or
 * the limit), the λ_max view gets EDGE_SAMPLES samples (Jacobi, O(N) per sample: N ≤ 1000).
 */
function adaptToSwitch(what: "ensemble" | "view"): void {
  const values = readForm();
  const messages: string[] = [];
  const ensemble = values.ensemble as EnsembleName;
  let view = values.view as ViewName;
  if (!ENSEMBLES.includes(ensemble) || !VIEWS.includes(view)) return;
  const why = viewUnavailable(ensemble, view, FEATURES);
  if (why) {
    view = fallbackView(ensemble);
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="view"]')) {
      radio.checked = radio.value === view;
    }
    messages.push(`Switched to the ${VIEW_NAMES[view]} view: ${why}.`);
  }
  const betaField = $<HTMLInputElement>("beta");
  if (ensemble === "ginibre" && parseDecimal(betaField.value) !== 2) {
    betaField.value = "2";
    messages.push("β set to 2 (the complex Ginibre ensemble).");
  }
  const samples = $<HTMLInputElement>("samples");
  const nField = $<HTMLInputElement>("n");
  if (view === "edge" && what === "view") {
    const s = parseDecimal(samples.value);
    if (s === undefined || s < 100) {
      samplesBeforeEdge = samples.value;
      samples.value = String(EDGE_SAMPLES);
      messages.push(`Samples set to ${EDGE_SAMPLES} for the λ_max histogram.`);
    }
    const n = parseDecimal(nField.value);
    if (ensemble === "jacobi" && n !== undefined && n > 1000) {
      nField.value = "1000";
      messages.push("N lowered to 1,000 (Jacobi λ_max needs the whole O(N) model per sample).");
    }
  } else if (view !== "edge" && samplesBeforeEdge !== null) {
    if (parseDecimal(samples.value) === EDGE_SAMPLES) {
      samples.value = samplesBeforeEdge;
      messages.push(`Samples back to ${samplesBeforeEdge}.`);
    }
    samplesBeforeEdge = null;
  }
  const n = parseDecimal(nField.value);
  if (n !== undefined) {
    const { max, reason } = nLimit(ensemble, view);
    if (n > max) {
      const lowered = Math.min(N_ON_SWITCH[ensemble] ?? max, max);
      nField.value = String(lowered);
      messages.push(`N lowered to ${lowered.toLocaleString("en")} (${reason}).`);
    }
  }
  say(messages);
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
let current: {
  settings: Settings;
  started: number;
  firstDrawn: boolean;
  /** The last snapshot of completed samples only (what Stop keeps). */
  complete: Snapshot | null;
  /** Gibbs trace view, chain 0 running: λ_max after each of its completed passes so far. */
  passTrace: Float64Array | null;
  /** Samples (chains) done, fractional inside one, and what is being done. */
  done: number;
  total: number;
  detail: string;
} | null = null;
/**
 * What the figure shows: the settings and snapshot it was drawn from (`custom`: a figure drawn by
 * another module, e.g. compare.ts, at a width).
 */
type CustomFigure = (width: number) => Figure;
let shown: {
  settings: Settings;
  snapshot: Snapshot;
  custom?: CustomFigure;
  /** A comparison: the settings of each configuration (one command line each). */
  all?: Settings[];
} | null = null;
let lastFigure: Figure | null = null;
let pending: Snapshot | null = null;
let frameRequested = false;
/** A run waiting for "Run anyway" (estimated above CONFIRM_SECONDS). */
let awaiting: Settings | null = null;

function makeWorker(): Worker {
  return new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
}

function ensureWorker(): Worker {
  if (worker) return worker;
  worker = makeWorker();
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
  costBox.hidden = state !== "confirm";
}

/**
 * Marks the figure as out of date (dimmed, a note, downloads disabled) or current. The figure
 * is current only when it was drawn from the settings of the form.
 */
let staleTimer: ReturnType<typeof setTimeout> | undefined;
function setStale(stale: boolean, note = "out of date: settings changed", delay = 0): void {
  const isStale = stale && shown !== null;
  figureBox.dataset.stale = String(isStale);
  for (const button of downloadButtons) {
    // A comparison (compare.ts) is several results: JSON holds them all, CSV/NPY hold one table.
    const single = button.dataset.download === "csv" || button.dataset.download === "npy";
    const comparison = single && shown?.custom !== undefined;
    button.disabled = isStale || !lastFigure || comparison;
    if (single) button.title = comparison ? "a comparison downloads as JSON, SVG or PNG" : "";
  }
  clearTimeout(staleTimer);
  const show = () => {
    document.body.dataset.stale = String(isStale);
    staleNote.hidden = !isStale;
    staleNote.textContent = note;
  };
  // A run that draws within `delay` ms replaces the figure without dimming it first (the
  // repaint would compete with the worker for the CPU and delay the first histogram).
  if (isStale && delay > 0) staleTimer = setTimeout(show, delay);
  else show();
}

/** Unit of a run's samples: chains of the Gibbs sampler, samples otherwise. */
function unit(settings: Settings, count: number): string {
  const word = settings.ensemble === "potential" ? "chain" : "sample";
  return `${word}${count === 1 ? "" : "s"}`;
}

let lastAnnounced = Number.NEGATIVE_INFINITY;
/** Screen readers hear the status at most every 2 s, and always at the end of a run. */
function announce(message: string, force = false): void {
  const now = performance.now();
  if (!force && now - lastAnnounced < 2000) return;
  lastAnnounced = now;
  announcer.textContent = message;
}

function start(settings: Settings, confirmed = false): void {
  if (running) cancelWorker();
  const seconds = estimateSeconds(settings);
  if (!confirmed && seconds > CONFIRM_SECONDS) {
    awaiting = settings;
    setState("confirm");
    setStale(true, "out of date: settings changed");
    $<HTMLParagraphElement>("cost-text").textContent =
      `This run would take ${formatDuration(seconds)} (estimated as the command line does). ` +
      "Run it anyway, or lower N, the samples or the bins.";
    statusText.textContent = `Waiting: the run would take ${formatDuration(seconds)}.`;
    announce(statusText.textContent, true);
    return;
  }
  awaiting = null;
  runId++;
  document.body.dataset.run = String(runId);
  delete document.body.dataset.firstMs;
  current = {
    settings,
    started: performance.now(),
    firstDrawn: false,
    complete: null,
    passTrace: null,
    done: 0,
    total:
      settings.ensemble === "potential" && settings.view === "configuration" ? 1 : settings.samples,
    detail: "",
  };
  pending = null;
  runError.textContent = "";
  setState("running");
  setStale(true, "out of date: sampling the new settings…", 400);
  showProgress(0, current.total, "");
  const request: RunRequest = {
    type: "run",
    id: runId,
    settings,
    workers: navigator.hardwareConcurrency || 1,
  };
  ensureWorker().postMessage(request);
}

function cancelWorker(): void {
  worker?.terminate();
  worker = null;
}

/** Whether a snapshot holds whole samples only (a histogram counted part-way does not). */
function isComplete(s: Snapshot): boolean {
  return s.done >= 1 && Math.abs(s.done - Math.round(s.done)) < 1e-9;
}

function onReply(reply: WorkerReply): void {
  if (reply.id !== runId || !current) return;
  if (reply.type === "error") {
    finish("error", reply.message);
    return;
  }
  if (reply.workers !== undefined) document.body.dataset.workers = String(reply.workers);
  if (reply.type === "progress") {
    if (reply.passTrace) current.passTrace = reply.passTrace;
    showProgress(reply.done, reply.total, reply.detail);
    return;
  }
  showProgress(reply.done, reply.total, "");
  const final = reply.final;
  if (isComplete(reply) || final) {
    current.complete = reply;
    pending = reply;
    if (final) {
      draw();
      const seconds = ((performance.now() - current.started) / 1000).toFixed(2);
      finish("done", `Done: ${describeDone(reply)} in ${seconds} s.`);
    } else {
      requestDraw();
    }
  }
}

/** The progress bar (with a text value), the status line and its throttled announcement. */
function showProgress(done: number, total: number, detail: string): void {
  if (!current) return;
  current.done = done;
  current.total = total;
  current.detail = detail;
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const whole = Math.floor(done + 1e-9);
  const elapsed = (performance.now() - current.started) / 1000;
  const u = unit(current.settings, total);
  const percent = `${Math.floor(100 * fraction)}%`;
  progress.value = fraction;
  progress.setAttribute("aria-valuetext", `${whole} of ${total} ${u} (${percent})`);
  progress.textContent = percent;
  let left: string;
  if (fraction > 0 && elapsed > 0.5) {
    left = `${formatDuration((elapsed * (1 - fraction)) / fraction)} left`;
  } else {
    left = `${formatDuration(estimateSeconds(current.settings))} estimated`;
  }
  const inside =
    detail ||
    (done > whole
      ? `${unit(current.settings, 1)} ${whole + 1}: ${Math.round(100 * (done - whole))}%`
      : "");
  const parts = [`${whole} of ${total} ${u}`, inside, `${elapsed.toFixed(1)} s`, left];
  statusText.textContent = parts.filter(Boolean).join(" · ");
  announce(`${whole} of ${total} ${u} done, ${left}.`);
}

function describeDone(s: Snapshot): string {
  const whole = Math.floor(s.done + 1e-9);
  const word = s.payload.kind === "gibbs" ? "chain" : "sample";
  return `${whole} ${word}${whole === 1 ? "" : "s"}`;
}

function finish(state: "done" | "error" | "stopped", message: string): void {
  setState(state);
  if (state === "error") {
    runError.textContent = message;
    statusText.textContent = "The run failed (see the message above); change a setting to retry.";
    setStale(true, "out of date: the last run failed");
  } else {
    statusText.textContent = message;
  }
  announce(statusText.textContent, true);
}

function requestDraw(): void {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(() => {
    frameRequested = false;
    draw();
  });
}

/** Width to draw at: the plot's own width on narrow screens (fonts in CSS px), else 820. */
function drawingWidth(): number {
  const width = Math.floor(plot.clientWidth);
  return width > 0 && width < 640 ? Math.max(240, width) : WIDE_FIGURE_WIDTH;
}

/** The figure of a snapshot at a width (the downloads use the wide one). */
function figureAt(settings: Settings, snapshot: Snapshot, width: number): Figure {
  setFigureWidth(width);
  try {
    return figureFor(settings, snapshot);
  } finally {
    setFigureWidth(WIDE_FIGURE_WIDTH);
  }
}

function draw(): void {
  if (!pending || !current) return;
  const snapshot = pending;
  pending = null;
  if (!render(current.settings, snapshot)) return;
  setStale(false);
  if (!current.firstDrawn && snapshot.done >= 1) {
    current.firstDrawn = true;
    const now = performance.now();
    document.body.dataset.firstMs = (now - current.started).toFixed(1);
    document.body.dataset.firstWorkerMs =
      (snapshot as { elapsedMs?: number }).elapsedMs?.toFixed(1) ?? "";
    if (!document.body.dataset.firstLoadMs) document.body.dataset.firstLoadMs = now.toFixed(1);
  }
}

/** Draws a snapshot into the page (figure, caption, numbers, data table); false on failure. */
function render(
  settings: Settings,
  snapshot: Snapshot,
  custom?: CustomFigure,
  all?: Settings[],
): boolean {
  const width = drawingWidth();
  let figure: Figure;
  try {
    figure = custom ? custom(width) : figureAt(settings, snapshot, width);
  } catch (error) {
    finish("error", error instanceof Error ? error.message : String(error));
    return false;
  }
  shown = { settings, snapshot, custom, all };
  lastFigure = figure;
  const title = /<title>([^<]*)<\/title>/.exec(figure.svg)?.[1] ?? "";
  const narrow = width < WIDE_FIGURE_WIDTH;
  // On a narrow screen the title is HTML above the figure (it wraps); the SVG drops its own.
  plot.innerHTML = narrow
    ? figure.svg.replace(/<text class="title"[^>]*>[^<]*<\/text>/g, "")
    : figure.svg;
  figureTitle.innerHTML = narrow ? title : "";
  figureTitle.hidden = !narrow;
  const label = figure.label ?? shortLabel(settings, figure);
  const svg = plot.querySelector("svg");
  if (svg) {
    svg.setAttribute("aria-label", label);
    svg.setAttribute("aria-describedby", "law");
  }
  lawCaption.textContent = figure.law;
  renderNumbers(figure);
  tableFor = { figure, label };
  if (dataDetails.open) showTable();
  const binned = figure.data.edges !== undefined && figure.data.counts !== undefined;
  const readoutBox = document.getElementById("readout");
  if (readoutBox && readoutBox.hidden === binned) {
    readoutBox.hidden = !binned;
    readoutBox.textContent = "Point at a bar for its bin and count.";
  }
  commandText.textContent = commandsOf(shown);
  $<HTMLElement>("javascript-code").textContent = javascriptSnippet(settings);
  return true;
}

/** The data table is built when its <details> is open (not on every redraw of a run). */
const dataDetails = $<HTMLDetailsElement>("data-details");
let tableFor: { figure: Figure; label: string } | null = null;
function showTable(): void {
  if (!tableFor) return;
  dataTableWrap.replaceChildren(dataTable(tableFor.figure, tableFor.label));
  tableFor = null;
}
dataDetails.addEventListener("toggle", () => {
  if (dataDetails.open) showTable();
});

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

// Log density axis: a display option, redraws the result shown (no new run).
const logBox = $<HTMLInputElement>("log-scale");
logBox.addEventListener("change", () => {
  setLogScale(logBox.checked);
  redraw();
});

/** Redraws the result shown (display options: log axis, zoom, width). */
function redraw(): void {
  if (shown) render(shown.settings, shown.snapshot, shown.custom, shown.all);
}

// Hover read-out: the bin and count of the bar under the pointer (histograms with counts).
const readout = $<HTMLParagraphElement>("readout");
plot.addEventListener("pointerover", (event) => {
  const bar = (event.target as Element).closest?.("rect.bar");
  const data = lastFigure?.data;
  if (!bar || !data) return;
  // A zoomed histogram draws some bins only: data-bin is the bar's index in the counts.
  const index =
    bar.getAttribute("data-bin") !== null
      ? Number(bar.getAttribute("data-bin"))
      : [...plot.querySelectorAll("rect.bar")].indexOf(bar);
  const edges = data.edges as ArrayLike<number> | undefined;
  const counts = data.counts as ArrayLike<number> | undefined;
  if (!edges || !counts || index < 0 || index >= counts.length) {
    readout.textContent = `bar ${index + 1}`;
    return;
  }
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  const width = edges[index + 1] - edges[index];
  const g = (v: number) => String(Number(v.toPrecision(6)));
  readout.textContent =
    `bin ${index + 1} of ${counts.length}: [${g(edges[index])}, ${g(edges[index + 1])}), ` +
    `${counts[index]} points, ${g((100 * counts[index]) / Math.max(total, 1))}% of those in the range, ` +
    `density ${g(counts[index] / (Math.max(total, 1) * width))} (raw x)`;
});

// Re-lay out the figure for the plot's real width (phone rotation, window resize).
let lastWidth = 0;
new ResizeObserver(() => {
  const width = drawingWidth();
  if (width === lastWidth) return;
  lastWidth = width;
  if (!running) redraw();
}).observe(plot);

// ---------------------------------------------------------------------------------------------
// Runs from the controls

let timer: ReturnType<typeof setTimeout> | undefined;

/** Validates the form and starts a run (after `delay` ms of quiet). */
function schedule(delay: number): void {
  clearTimeout(timer);
  stopExtras();
  const values = readForm();
  updateVisibility(values);
  if (shown) setStale(true);
  timer = setTimeout(() => runFromForm(), delay);
}

/** Validates the form and runs; `fromHistory`: the URL is already the state (Back/Forward). */
function runFromForm(fromHistory = false): void {
  clearTimeout(timer);
  stopExtras();
  const values = readForm();
  updateVisibility(values);
  syncSliders(values);
  const { settings, errors } = readSettings(values, FEATURES);
  showErrors(errors);
  if (!settings) {
    if (!fromHistory) updateUrl(values, "edit");
    if (running) cancelWorker();
    const count = Object.keys(errors).length;
    setState("invalid");
    setStale(true);
    statusText.textContent = `Fix the highlighted field${count > 1 ? "s" : ""} to sample.`;
    announce(statusText.textContent, true);
    return;
  }
  const long = estimateSeconds(settings) > CONFIRM_SECONDS;
  if (!fromHistory) updateUrl(values, long ? "edit" : "run");
  start(settings);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  runFromForm();
});
form.addEventListener("input", (event) => {
  const target = event.target as HTMLElement;
  say([]);
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
const presetSelect = $<HTMLSelectElement>("preset");
for (const preset of PRESETS) presetSelect.add(new Option(preset.label, preset.id));
presetSelect.addEventListener("change", () => {
  const preset = PRESETS.find((p) => p.id === presetSelect.value);
  presetSelect.value = "";
  if (!preset) return;
  const values = { ...DEFAULTS, ...preset.values };
  writeForm(values);
  samplesBeforeEdge = null;
  say([preset.note]);
  runFromForm();
});

form.addEventListener("change", (event) => {
  if (!(event.target instanceof HTMLSelectElement) || event.target === presetSelect) return;
  if (event.target.id === "ensemble") adaptToSwitch("ensemble");
  schedule(0);
});
$<HTMLFieldSetElement>("views").addEventListener("change", () => {
  adaptToSwitch("view");
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
  if (!running || !current) return;
  cancelWorker();
  const { settings, complete, total, detail, passTrace } = current;
  const k = complete ? Math.floor(complete.done + 1e-9) : 0;
  if (complete) {
    // Draw exactly the completed samples (a frame may still be pending).
    pending = complete;
    draw();
  } else if (passTrace && passTrace.length > 0 && settings.passes !== undefined) {
    // Gibbs trace, stopped inside chain 0: its completed passes, drawn and exported as the run
    // of one chain with that many passes (the chain's first p passes are those of a p-pass run).
    const p = passTrace.length;
    pending = null;
    render(
      { ...settings, passes: p, samples: 1 },
      {
        done: 1,
        total: 1,
        final: true,
        payload: {
          kind: "gibbs",
          chains: 1,
          maxima: Float64Array.of(passTrace[p - 1]),
          traces: [passTrace],
          traceSum: passTrace.slice(),
          passesDone: p,
          passesPlanned: settings.passes,
        },
      },
    );
    finish(
      "stopped",
      `stopped: pass ${p} of ${settings.passes} of chain 1 (0 of ${total} ${unit(settings, total)} complete; only the completed passes are drawn).`,
    );
    setStale(false);
    stopButton.blur();
    runButton.focus();
    return;
  }
  const partial =
    k === 0
      ? detail
        ? ` (${detail}: a ${unit(settings, 1)} is shown only once complete)`
        : " (nothing complete to show)"
      : "";
  finish("stopped", `stopped: ${k} of ${total} ${unit(settings, total)}${partial}.`);
  if (!complete) setStale(true, "out of date: the run was stopped before a sample completed");
  stopButton.blur();
  runButton.focus();
});
$<HTMLButtonElement>("confirm-run").addEventListener("click", () => {
  if (awaiting) {
    updateUrl(readForm(), "run");
    start(awaiting, true);
  }
});

// ---------------------------------------------------------------------------------------------
// Downloads and link

/** The command line of the result shown; for a comparison, one line per configuration. */
function commandsOf(result: { settings: Settings; all?: Settings[] }): string {
  return (result.all ?? [result.settings]).map(commandLine).join("\n");
}

$<HTMLButtonElement>("copy-command").addEventListener("click", async () => {
  if (!shown) return;
  const line = commandsOf(shown);
  try {
    await navigator.clipboard.writeText(line);
    statusText.textContent = "Command copied: it prints the same numbers as this figure (JSON).";
  } catch {
    statusText.textContent = "Copy failed; the command is under “Command line” below.";
  }
  $<HTMLDetailsElement>("command-details").open = true;
});

$<HTMLButtonElement>("copy-javascript").addEventListener("click", async () => {
  if (!shown) return;
  try {
    await navigator.clipboard.writeText(javascriptSnippet(shown.settings));
    statusText.textContent =
      "JavaScript copied: with betaens installed, node prints these numbers.";
  } catch {
    statusText.textContent = "Copy failed; the code is under “JavaScript” below.";
  }
  $<HTMLDetailsElement>("javascript-details").open = true;
});

for (const button of downloadButtons) {
  if (!button.dataset.download) continue;
  button.addEventListener("click", async () => {
    const kind = button.dataset.download as DownloadKind;
    if (!shown || figureBox.dataset.stale === "true") {
      statusText.textContent = "Nothing current to download yet.";
      return;
    }
    // Downloads are drawn at the full width, whatever the screen.
    const figure = shown.custom
      ? shown.custom(WIDE_FIGURE_WIDTH)
      : figureAt(shown.settings, shown.snapshot, WIDE_FIGURE_WIDTH);
    const stem = figure.fileStem;
    try {
      if (kind === "svg") {
        saveBlob(new Blob([figure.svg], { type: "image/svg+xml" }), `${stem}.svg`);
      } else if (kind === "png") {
        saveBlob(await svgToPng(figure.svg), `${stem}.png`);
      } else {
        saveBlob(dataBlob(figure.data, kind), `${stem}.${kind}`);
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

// Back / Forward: restore that entry's state and run it.
window.addEventListener("popstate", () => {
  const { values, notices } = valuesForLink(valuesFromQuery(location.search), FEATURES);
  writeForm(values);
  say(notices);
  runFromForm(true);
});

// On a narrow screen the controls fold away below the figure.
const toggle = $<HTMLButtonElement>("toggle-controls");
const narrowQuery = window.matchMedia("(max-width: 800px)");
function setControlsOpen(open: boolean): void {
  toggle.setAttribute("aria-expanded", String(open));
  toggle.textContent = open ? "Hide settings" : "Settings";
  form.classList.toggle("collapsed", !open);
}
toggle.addEventListener("click", () => {
  const open = toggle.getAttribute("aria-expanded") !== "true";
  setControlsOpen(open);
  if (open) form.scrollIntoView({ block: "start" });
});
setControlsOpen(!narrowQuery.matches);
narrowQuery.addEventListener("change", () => setControlsOpen(!narrowQuery.matches));

// ---------------------------------------------------------------------------------------------
// Zoom, compare, play (zoom.ts, compare.ts, animate.ts): they draw through these hooks.

/** Ends the page's own run (pending or running) when another feature takes the figure. */
function quiet(): void {
  clearTimeout(timer);
  if (running) {
    cancelWorker();
    setState("idle");
    statusText.textContent = "";
  }
}

/** Shows a complete result computed elsewhere as the current figure. */
function showResult(
  settings: Settings,
  snapshot: Snapshot,
  custom?: CustomFigure,
  all?: Settings[],
): void {
  if (render(settings, snapshot, custom, all)) setStale(false);
}

initZoom({ redraw });
const compare = initCompare({
  makeWorker,
  values: readForm,
  quiet,
  show: showResult,
});
const play = initAnimate({
  makeWorker,
  values: readForm,
  quiet,
  show: (settings, snapshot, field, value) => {
    $<HTMLInputElement>(field).value = value;
    const values = readForm();
    syncSliders(values);
    updateUrl(values, "edit");
    showResult(settings, snapshot);
  },
});
function stopExtras(): void {
  compare.stop();
  play.stop();
}

// ---------------------------------------------------------------------------------------------
// Start: restore the state from the URL and sample.

markUnavailable();
const fromLink = valuesForLink(valuesFromQuery(location.search || location.hash), FEATURES);
writeForm(fromLink.values);
say(fromLink.notices);
updateVisibility(fromLink.values);
setState("idle");
setStale(false);
history.replaceState({ kind: "run" }, "", `?${queryFromValues(fromLink.values)}${location.hash}`);
runFromForm(true);
