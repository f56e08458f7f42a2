import { inflateSync } from "node:zlib";

/** Thrown for a font file this reader does not understand. */
export class FontFormatError extends Error {
  override readonly name = "FontFormatError";
}

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"
const CMAP_TAG = 0x636d6170; // "cmap"

/** The uncompressed `cmap` table of a WOFF 1 font. */
function cmapTable(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== WOFF_SIGNATURE) {
    throw new FontFormatError("not a WOFF 1 font (signature is not wOFF)");
  }
  const tableCount = woff.readUInt16BE(12);
  for (let i = 0; i < tableCount; i++) {
    const entry = 44 + i * 20;
    if (woff.readUInt32BE(entry) !== CMAP_TAG) continue;
    const offset = woff.readUInt32BE(entry + 4);
    const compressedLength = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(offset, offset + compressedLength);
    return compressedLength < length ? inflateSync(stored) : stored;
  }
  throw new FontFormatError("the font has no cmap table");
}

/** Format 12: groups of consecutive code points mapped to consecutive glyphs. */
function addFormat12(cmap: Buffer, at: number, covered: Set<number>): void {
  const groups = cmap.readUInt32BE(at + 12);
  for (let g = 0; g < groups; g++) {
    const group = at + 16 + g * 12;
    const start = cmap.readUInt32BE(group);
    const end = cmap.readUInt32BE(group + 4);
    const firstGlyph = cmap.readUInt32BE(group + 8);
    for (let code = start; code <= end; code++) {
      if (firstGlyph + (code - start) !== 0) covered.add(code);
    }
  }
}

/** Format 4: segments of the Basic Multilingual Plane, with deltas or a glyph array. */
function addFormat4(cmap: Buffer, at: number, covered: Set<number>): void {
  const segments = cmap.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const start = cmap.readUInt16BE(starts + s * 2);
    const end = cmap.readUInt16BE(ends + s * 2);
    const delta = cmap.readInt16BE(deltas + s * 2);
    const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      const glyph =
        rangeOffset === 0
          ? (code + delta) & 0xffff
          : glyphFromArray(
              cmap,
              rangeOffsets + s * 2 + rangeOffset + (code - start) * 2,
              delta,
            );
      if (glyph !== 0) covered.add(code);
    }
  }
}

function glyphFromArray(cmap: Buffer, address: number, delta: number): number {
  const glyph = cmap.readUInt16BE(address);
  return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
}

/**
 * The Unicode code points a WOFF 1 font has glyphs for, read from its cmap
 * (a Unicode format 12 subtable when there is one, else format 4).
 *
 * @throws {@link FontFormatError} for anything but a WOFF 1 font with a Unicode cmap
 */
export function fontCoverage(woff: Buffer): Set<number> {
  const cmap = cmapTable(woff);
  const records = cmap.readUInt16BE(2);
  const subtables = Array.from({ length: records }, (_, i) => ({
    platform: cmap.readUInt16BE(4 + i * 8),
    encoding: cmap.readUInt16BE(6 + i * 8),
    offset: cmap.readUInt32BE(8 + i * 8),
  })).filter(
    (s) => s.platform === 0 || (s.platform === 3 && [1, 10].includes(s.encoding)),
  );

  const covered = new Set<number>();
  const full = subtables.find((s) => cmap.readUInt16BE(s.offset) === 12);
  const basic = subtables.find((s) => cmap.readUInt16BE(s.offset) === 4);
  if (full) addFormat12(cmap, full.offset, covered);
  else if (basic) addFormat4(cmap, basic.offset, covered);
  else
    throw new FontFormatError("the font has no Unicode cmap subtable of format 4 or 12");
  return covered;
}
