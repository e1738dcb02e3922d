/**
 * Shows the QR code Zalo generates (a PNG) in a terminal. Zalo gives only the image, not the text
 * it encodes, so the PNG is decoded (8-bit greyscale/RGB/palette/alpha, as PNG encoders write QR
 * codes), its modules are sampled at their centres, and printed with half-block characters: two
 * module rows per line, light modules drawn, dark ones left as the (dark) terminal background.
 */
import { inflateSync } from "node:zlib";

interface Bitmap {
  readonly width: number;
  readonly height: number;
  /** Luminance 0–255 per pixel, row by row; transparent pixels count as light. */
  readonly luma: Uint8Array;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(png: Buffer): Bitmap {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let pos = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  let palette: Buffer | null = null;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const length = png.readUInt32BE(pos);
    const type = png.toString("ascii", pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colorType = data[9] ?? 0;
      if (data[8] !== 8 || data[12] !== 0) throw new Error("only 8-bit, non-interlaced PNGs are supported");
    } else if (type === "PLTE") palette = data;
    else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    pos += 12 + length;
  }
  const channels = CHANNELS[colorType];
  if (!channels) throw new Error(`unsupported PNG colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const src = y * (stride + 1) + 1;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= channels ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
      const v = raw[src + x] ?? 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter] ?? 0;
      pixels[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  const luma = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    let r = pixels[p] ?? 0;
    let g = r;
    let b = r;
    let alpha = 255;
    if (colorType === 2 || colorType === 6) [g, b] = [pixels[p + 1] ?? 0, pixels[p + 2] ?? 0];
    if (colorType === 3 && palette)
      [r, g, b] = [palette[r * 3] ?? 0, palette[r * 3 + 1] ?? 0, palette[r * 3 + 2] ?? 0];
    if (colorType === 4) alpha = pixels[p + 1] ?? 255;
    if (colorType === 6) alpha = pixels[p + 3] ?? 255;
    luma[i] = alpha < 128 ? 255 : Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  return { width, height, luma };
}

/** The QR modules (true = dark), found from the top-left finder pattern's 7-module-wide edge. */
export function qrModules(bitmap: Bitmap): boolean[][] {
  const dark = (x: number, y: number) => (bitmap.luma[y * bitmap.width + x] ?? 255) < 128;
  let top = -1;
  let left = -1;
  for (let y = 0; y < bitmap.height && top < 0; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      if (dark(x, y)) {
        top = y;
        left = x;
        break;
      }
    }
  }
  if (top < 0) throw new Error("no QR code in the image");
  let run = 0;
  while (left + run < bitmap.width && dark(left + run, top)) run++;
  const moduleSize = run / 7;
  let right = bitmap.width - 1;
  while (right > left && !dark(right, top)) right--;
  const count = Math.round((right - left + 1) / moduleSize);
  const rows: boolean[][] = [];
  for (let my = 0; my < count; my++) {
    const row: boolean[] = [];
    for (let mx = 0; mx < count; mx++) {
      const x = Math.floor(left + (mx + 0.5) * moduleSize);
      const y = Math.floor(top + (my + 0.5) * moduleSize);
      row.push(dark(x, y));
    }
    rows.push(row);
  }
  return rows;
}

const QUIET_ZONE_MODULES = 2;

/** Half-block lines for a terminal with a dark background. */
export function renderQrForTerminal(modules: readonly (readonly boolean[])[]): string[] {
  const n = modules.length + 2 * QUIET_ZONE_MODULES;
  const light = (x: number, y: number) => {
    const row = modules[y - QUIET_ZONE_MODULES];
    return !(row?.[x - QUIET_ZONE_MODULES] ?? false);
  };
  const lines: string[] = [];
  for (let y = 0; y < n; y += 2) {
    let line = "";
    for (let x = 0; x < n; x++) {
      const upper = light(x, y);
      const lower = y + 1 < n ? light(x, y + 1) : false;
      line += upper && lower ? "█" : upper ? "▀" : lower ? "▄" : " ";
    }
    lines.push(line);
  }
  return lines;
}

/** Base64 PNG from Zalo → terminal lines; throws when the image cannot be read. */
export function qrPngToTerminal(pngBase64: string): string[] {
  return renderQrForTerminal(qrModules(decodePng(Buffer.from(pngBase64, "base64"))));
}
