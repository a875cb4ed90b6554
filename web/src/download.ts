/** Downloads: numbers (CSV/JSON/NPY through the library's encoders) and the figure (SVG/PNG). */
import { formatCsv, formatJson, formatNpy, type Tabular } from "../../src/io/format.js";

export type DownloadKind = "csv" | "json" | "npy" | "svg" | "png";

/** Hands `data` to the browser as a file download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The numbers of a result in one of the CLI's formats, as a Blob. */
export function dataBlob(data: Record<string, unknown>, kind: "csv" | "json" | "npy"): Blob {
  const tabular = data as Tabular;
  if (kind === "json") return new Blob([formatJson(data)], { type: "application/json" });
  if (kind === "csv") return new Blob([formatCsv(tabular)], { type: "text/csv" });
  const bytes = formatNpy(tabular);
  return new Blob([bytes.slice().buffer as ArrayBuffer], { type: "application/octet-stream" });
}

/** Width and height of an SVG document from its root attributes. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg[^>]*>/.exec(svg)?.[0] ?? "";
  const width = Number(/width="([\d.]+)"/.exec(root)?.[1] ?? 800);
  const height = Number(/height="([\d.]+)"/.exec(root)?.[1] ?? 600);
  return { width, height };
}

/** Rasterises an SVG document to PNG through a canvas (at `scale` device pixels per unit). */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const image = new Image();
  image.decoding = "async";
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("this browser has no 2-D canvas");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))),
      "image/png",
    );
  });
}
