/**
 * Play: the figure of the form's settings at increasing β, from 0 to 100 on the same seed (on the
 * configuration view: crystallisation of one configuration, sample 0 of seed K at every β); for
 * the potential V (Gibbs sampler), at increasing numbers of passes of the same chains, up to the
 * form's passes.
 *
 * Each frame is the complete run of the form's settings with β (or passes) replaced, in a worker
 * of its own: a frame is drawn only once complete (never a partial one), and is the figure a
 * single run of those settings draws. Pause keeps the last frame and resumes at the next; Stop
 * keeps the last frame and starts again from the first. The form's β (passes) field follows the
 * frame shown, so the figure is never "out of date". data-play on <body>: playing | paused |
 * stopped | done | error; data-frame: the index of the frame shown, data-frame-value its β
 * (passes).
 */
import { FEATURES } from "./features.js";
import type { Snapshot } from "./protocol.js";
import { Cancelled, type OneRun, runOnce } from "./runOnce.js";
import { type FormValues, readSettings, type Settings } from "./state.js";

/** The β of the frames: 0 (independent points) to 100 (a near crystal), roughly geometric. */
export const PLAY_BETAS = [0, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 100];
/** Least time a frame stays on screen (ms). */
const FRAME_MS = 500;

/** Passes of the Gibbs frames: 1, 2, 5, 10, 20, 50, … below `passes`, then `passes`. */
export function playPasses(passes: number): number[] {
  const out: number[] = [];
  for (let decade = 1; decade < passes; decade *= 10) {
    for (const m of [1, 2, 5]) if (m * decade < passes) out.push(m * decade);
  }
  out.push(passes);
  return out;
}

export interface PlayHooks {
  makeWorker(): Worker;
  values(): FormValues;
  quiet(): void;
  /** Draws a frame and writes its β (passes) into the form. */
  show(settings: Settings, snapshot: Snapshot, field: "beta" | "passes", value: string): void;
}

export function initAnimate(hooks: PlayHooks): { stop(): void } {
  const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const playButton = el<HTMLButtonElement>("play");
  const pauseButton = el<HTMLButtonElement>("pause");
  const stopButton = el<HTMLButtonElement>("play-stop");
  const note = el<HTMLElement>("play-note");
  let frames: { field: "beta" | "passes"; values: string[]; base: FormValues } | null = null;
  let next = 0;
  let active: OneRun | null = null;
  let generation = 0;

  const setState = (state: string, message: string) => {
    document.body.dataset.play = state;
    note.textContent = message;
    const playing = state === "playing";
    playButton.disabled = playing;
    pauseButton.disabled = !playing;
    stopButton.disabled = !(playing || state === "paused");
  };

  async function play(): Promise<void> {
    if (!frames || next >= frames.values.length) {
      const base = hooks.values();
      const gibbs = base.ensemble === "potential";
      const passes = Number(base.passes);
      if (gibbs && !(Number.isInteger(passes) && passes >= 1)) {
        setState("error", "Play: give a number of passes first.");
        return;
      }
      frames = gibbs
        ? { field: "passes", values: playPasses(passes).map(String), base }
        : { field: "beta", values: PLAY_BETAS.map(String), base };
      next = 0;
    }
    hooks.quiet();
    const mine = ++generation;
    const { field, values, base } = frames;
    const word = field === "beta" ? "β" : "passes";
    while (next < values.length) {
      const value = values[next];
      const { settings, errors } = readSettings({ ...base, [field]: value }, FEATURES);
      if (!settings) {
        setState("error", `Play: ${word} = ${value}: ${Object.values(errors).join("; ")}`);
        return;
      }
      setState("playing", `Playing: frame ${next + 1} of ${values.length}, ${word} = ${value}…`);
      const started = performance.now();
      active = runOnce(hooks.makeWorker, settings);
      let snapshot: Snapshot;
      try {
        snapshot = await active.result;
      } catch (error) {
        if (mine !== generation || error instanceof Cancelled) return;
        setState("error", `Play failed: ${error instanceof Error ? error.message : error}`);
        return;
      } finally {
        active = null;
      }
      if (mine !== generation) return;
      hooks.show(settings, snapshot, field, value);
      document.body.dataset.frame = String(next);
      document.body.dataset.frameValue = value;
      next++;
      const wait = FRAME_MS - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (mine !== generation) return;
    }
    setState("done", `Played ${values.length} frames, ${word} = ${values[0]} to ${values.at(-1)}.`);
  }

  function halt(): void {
    generation++;
    active?.cancel();
    active = null;
  }

  function pause(): void {
    if (document.body.dataset.play !== "playing") return;
    halt();
    setState("paused", `Paused before frame ${next + 1}: Play resumes, Stop starts over.`);
  }

  function stop(): void {
    const state = document.body.dataset.play;
    if (state !== "playing" && state !== "paused") return;
    halt();
    frames = null;
    next = 0;
    setState("stopped", "Stopped: the last complete frame is shown.");
  }

  playButton.addEventListener("click", () => void play());
  pauseButton.addEventListener("click", pause);
  stopButton.addEventListener("click", stop);
  return { stop };
}
