/**
 * Zoom on a range of the figure's x axis (e.g. the edge): two boxes "from"/"to" with Zoom and
 * Reset buttons (keyboard: Enter in a box zooms), or a drag across the plot. A display option like
 * the log axis: it redraws the result shown, no new run, and the downloads keep the whole result.
 *
 * What the bars are (HistogramOptions.window): views that keep their values (λ_max, spacings,
 * Gibbs λ_max) are re-binned over the range into as many bins as before; the histogram views
 * keep the run's own bins (counted once by the sampler), so zooming shows those inside the range:
 * raise Bins for finer bars. Either way the bars keep the density of the whole histogram and
 * still match the theory curve. The body's data-zoom holds "a b" (empty when not zoomed).
 */

import { setZoom, ZOOM } from "./results.js";
import { parseDecimal } from "./state.js";

export interface ZoomHooks {
  /** Redraws the result shown (no new run). */
  redraw(): void;
}

const NOTE =
  "Zoomed to [{a}, {b}]: λ_max and spacing views are re-binned over the range; histogram views " +
  "show the run's own bins inside it (raise Bins for finer bars). Bars keep the density of the " +
  "whole histogram; downloads keep the whole result.";

export function initZoom(hooks: ZoomHooks): void {
  const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const from = el<HTMLInputElement>("zoom-from");
  const to = el<HTMLInputElement>("zoom-to");
  const apply = el<HTMLButtonElement>("zoom-apply");
  const reset = el<HTMLButtonElement>("zoom-reset");
  const note = el<HTMLElement>("zoom-note");
  const plot = el<HTMLDivElement>("plot");

  function set(window: [number, number] | undefined): void {
    setZoom(window);
    document.body.dataset.zoom = window ? window.join(" ") : "";
    reset.disabled = !window;
    note.textContent = window
      ? NOTE.replace("{a}", String(window[0])).replace("{b}", String(window[1]))
      : "";
    if (window) {
      from.value = String(window[0]);
      to.value = String(window[1]);
    }
    hooks.redraw();
  }

  function applyBoxes(): void {
    const a = parseDecimal(from.value);
    const b = parseDecimal(to.value);
    if (a === undefined || b === undefined || !(b > a)) {
      note.textContent = "Zoom: give two numbers, from < to (in the units of the x axis).";
      return;
    }
    set([a, b]);
  }

  apply.addEventListener("click", applyBoxes);
  for (const box of [from, to]) {
    box.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        applyBoxes();
      }
    });
  }
  reset.addEventListener("click", () => {
    from.value = "";
    to.value = "";
    set(undefined);
  });
  // Another ensemble or view has another x axis: the zoom ends.
  const clear = () => {
    if (ZOOM) reset.click();
  };
  document.getElementById("ensemble")?.addEventListener("change", clear);
  document.getElementById("views")?.addEventListener("change", clear);

  // Drag across a histogram to zoom on that range (the bars group gives the x scale).
  let dragStart: { px: number; box: DOMRect } | null = null;
  // The shaded band under a drag (outside #plot, whose content each redraw replaces).
  const band = document.createElement("div");
  band.className = "zoom-band";
  band.hidden = true;
  document.body.append(band);
  const scaleOf = () => {
    const g = plot.querySelector<SVGGElement>("g.bars");
    const svg = plot.querySelector<SVGSVGElement>("svg");
    if (!g || !svg) return null;
    const lo = Number(g.dataset.lo);
    const hi = Number(g.dataset.hi);
    const left = Number(g.dataset.left);
    const right = Number(g.dataset.right);
    const box = svg.getBoundingClientRect();
    const unitsPerPx = svg.viewBox.baseVal.width / Math.max(1, box.width);
    if (![lo, hi, left, right, unitsPerPx].every(Number.isFinite)) return null;
    return (clientX: number) => {
      const u = (clientX - box.left) * unitsPerPx;
      const t = Math.min(1, Math.max(0, (u - left) / (right - left)));
      return lo + t * (hi - lo);
    };
  };
  plot.addEventListener("pointerdown", (event) => {
    if (event.button !== 0 || !plot.querySelector("g.bars")) return;
    dragStart = { px: event.clientX, box: plot.getBoundingClientRect() };
  });
  plot.addEventListener("pointermove", (event) => {
    if (!dragStart) return;
    const w = Math.abs(event.clientX - dragStart.px);
    band.hidden = w < 4;
    band.style.left = `${Math.min(dragStart.px, event.clientX)}px`;
    band.style.width = `${w}px`;
    band.style.top = `${dragStart.box.top}px`;
    band.style.height = `${dragStart.box.height}px`;
  });
  const end = (event: PointerEvent) => {
    if (!dragStart) return;
    const start = dragStart.px;
    dragStart = null;
    band.hidden = true;
    if (Math.abs(event.clientX - start) < 8) return; // a click, not a drag
    const x = scaleOf();
    if (!x) return;
    const a = x(Math.min(start, event.clientX));
    const b = x(Math.max(start, event.clientX));
    if (b > a) set([Number(a.toPrecision(4)), Number(b.toPrecision(4))]);
  };
  plot.addEventListener("pointerup", end);
  plot.addEventListener("pointerleave", () => {
    dragStart = null;
    band.hidden = true;
  });
}
