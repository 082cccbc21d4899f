/**
 * PNG encoding of a drawn card. A card is opaque and has few colours (flat fills and the anti-aliased edges
 * of text in a handful of colours: about 150), so it is stored losslessly as an indexed-colour PNG: one byte
 * a pixel instead of four, compressed by Node's native zlib. resvg's own encoder (`asPng`), which compresses
 * RGBA in WebAssembly, took about a third of a card's drawing time and wrote twice the bytes. Level 3: higher
 * levels took longer for about a fifth fewer bytes. An image with transparency or more than 256 colours gets
 * `undefined`, and its caller falls back to resvg's encoder.
 */
import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_PALETTE = 256;
const COLOUR_TYPE_INDEXED = 3;

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** `rgba`: `width * height` pixels, 4 bytes each (resvg's `pixels`). */
export function encodeIndexedPng(rgba: Uint8Array, width: number, height: number): Buffer | undefined {
  // A pixel as one 32-bit number (its byte order does not matter: it is only compared and looked up).
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
  const rowBytes = width + 1;
  const scanlines = Buffer.alloc(rowBytes * height); // each row starts with its filter byte, 0: None
  const indexOf = new Map<number, number>();
  const palette: number[] = [];
  let previousPixel = -1;
  let previousIndex = 0;
  for (let y = 0; y < height; y++) {
    let out = y * rowBytes + 1;
    const rowEnd = (y + 1) * width;
    for (let pixel = y * width; pixel < rowEnd; pixel++, out++) {
      const value = pixels[pixel]!;
      // Most pixels repeat their left neighbour: skip the lookup for them.
      if (value !== previousPixel) {
        let index = indexOf.get(value);
        if (index === undefined) {
          if (rgba[pixel * 4 + 3] !== 255 || palette.length === MAX_PALETTE) return undefined;
          index = palette.length;
          palette.push(pixel);
          indexOf.set(value, index);
        }
        previousPixel = value;
        previousIndex = index;
      }
      scanlines[out] = previousIndex;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per index
  header[9] = COLOUR_TYPE_INDEXED;
  // 10-12: deflate, adaptive filtering (all rows use None), no interlace
  const paletteBytes = Buffer.alloc(palette.length * 3);
  palette.forEach((pixel, index) => paletteBytes.set(rgba.subarray(pixel * 4, pixel * 4 + 3), index * 3));
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', paletteBytes),
    chunk('IDAT', zlib.deflateSync(scanlines, { level: 3 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
