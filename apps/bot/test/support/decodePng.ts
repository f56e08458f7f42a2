import { crc32, inflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Bytes per pixel for 8-bit samples, by PNG colour type. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export interface DecodedPng {
  width: number;
  height: number;
}

/**
 * Reads a PNG the way a decoder does: signature, every chunk's CRC, and the
 * inflated image data, which must hold exactly one filtered row per line.
 *
 * @throws Error when any of it is wrong
 */
export function decodePng(png: Buffer): DecodedPng {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG signature");
  let offset = 8;
  let header: {
    width: number;
    height: number;
    bitDepth: number;
    colorType: number;
  } | null = null;
  const idat: Buffer[] = [];
  for (;;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    const crc = png.readUInt32BE(offset + 8 + length);
    if (crc32(png.subarray(offset + 4, offset + 8 + length)) !== crc) {
      throw new Error(`bad CRC in ${type}`);
    }
    if (type === "IHDR") {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data.readUInt8(8),
        colorType: data.readUInt8(9),
      };
    }
    if (type === "IDAT") idat.push(data);
    offset += 12 + length;
    if (type === "IEND") break;
  }
  if (header === null) throw new Error("no IHDR chunk");
  const channels = CHANNELS[header.colorType] ?? NaN;
  const rowBytes = 1 + Math.ceil((header.width * channels * header.bitDepth) / 8);
  const pixels = inflateSync(Buffer.concat(idat));
  if (pixels.length !== rowBytes * header.height) {
    throw new Error(
      `image data is ${pixels.length} bytes, expected ${rowBytes * header.height}`,
    );
  }
  return { width: header.width, height: header.height };
}
