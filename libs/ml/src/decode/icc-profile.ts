/**
 * Just enough of ICC.1 (v2 and v4 profiles) to tell whether an embedded profile describes sRGB:
 * an RGB matrix/TRC profile whose colorants and tone curves are sRGB's. Decoding can then skip the
 * colour transform, an identity that still costs a pass over every pixel (about 4 ms of the 7 ms a
 * 512² PNG takes to decode here). Anything this reader does not fully understand is "not sRGB",
 * so the transform runs: the answer may be a false "no", never a false "yes". The curves are
 * checked at the 256 codes of 8-bit samples only: skip the transform for 8-bit images alone.
 */

/** sRGB's colorants adapted to the D50 PCS white (Bradford), as in the ICC's sRGB profiles. */
const SRGB_COLORANTS: Readonly<Record<'rXYZ' | 'gXYZ' | 'bXYZ', readonly [number, number, number]>> = {
  rXYZ: [0.4360747, 0.2225045, 0.0139322],
  gXYZ: [0.3850649, 0.7168786, 0.0971045],
  bXYZ: [0.1430804, 0.0606169, 0.7141733],
};

/**
 * Colorants may differ by this much (s15Fixed16 rounding and the small differences between
 * published sRGB profiles: astronaut.png's and libvips' own are within 0.00025). 0.0005 moves an
 * 8-bit code by at most 1; 0.002 already moved saturated colours by 5.
 */
const COLORANT_TOLERANCE = 0.0005;

/** A tone curve may move an 8-bit code by at most this many code values from sRGB's at any of the 256 codes. */
const CURVE_TOLERANCE_CODES = 0.5;

const TRC_TAGS = ['rTRC', 'gTRC', 'bTRC'] as const;
/** Tags that make a colour engine use lookup tables instead of the matrix and curves (not read here). */
const LUT_TAGS = ['A2B0', 'A2B1', 'A2B2', 'D2B0', 'D2B1', 'D2B2'];

/**
 * Profiles already found to be sRGB's, most recent first: a camera or scanner embeds the same bytes
 * in every photo, and comparing them (a memcmp) is cheaper than reading the curves again (0.2-0.4 ms
 * per photo on astronaut.png's profile).
 */
const KNOWN_SRGB: Buffer[] = [];
const KNOWN_SRGB_LIMIT = 8;

export function isSrgbProfile(icc: Uint8Array | undefined): boolean {
  if (!icc) return false;
  const bytes = Buffer.from(icc.buffer, icc.byteOffset, icc.byteLength);
  const known = KNOWN_SRGB.findIndex((k) => k.equals(bytes));
  if (known >= 0) {
    if (known > 0) KNOWN_SRGB.unshift(...KNOWN_SRGB.splice(known, 1));
    return true;
  }
  let srgb: boolean;
  try {
    srgb = readsAsSrgb(new DataView(icc.buffer, icc.byteOffset, icc.byteLength));
  } catch {
    return false; // truncated or malformed: let the colour engine decide
  }
  if (srgb) {
    // A copy: the caller's buffer may be reused for something else.
    KNOWN_SRGB.unshift(Buffer.from(bytes));
    KNOWN_SRGB.length = Math.min(KNOWN_SRGB.length, KNOWN_SRGB_LIMIT);
  }
  return srgb;
}

function readsAsSrgb(view: DataView): boolean {
  if (view.byteLength < 132 || ascii(view, 36) !== 'acsp' || ascii(view, 16) !== 'RGB ' || ascii(view, 20) !== 'XYZ ') return false;
  if (!['mntr', 'scnr'].includes(ascii(view, 12))) return false;
  const tags = tagTable(view);
  if (LUT_TAGS.some((t) => tags.has(t))) return false;
  for (const [tag, expected] of Object.entries(SRGB_COLORANTS)) {
    const xyz = readXyz(view, tags.get(tag));
    if (!xyz || xyz.some((v, i) => Math.abs(v - expected[i]) > COLORANT_TOLERANCE)) return false;
  }
  return TRC_TAGS.every((tag) => {
    const curve = readCurve(view, tags.get(tag));
    return curve !== undefined && matchesSrgbCurve(curve);
  });
}

interface TagEntry {
  offset: number;
  size: number;
}

function tagTable(view: DataView): Map<string, TagEntry> {
  const count = view.getUint32(128);
  if (count > 1000 || 132 + count * 12 > view.byteLength) throw new Error('bad tag count');
  const tags = new Map<string, TagEntry>();
  for (let i = 0; i < count; i++) {
    const at = 132 + i * 12;
    const offset = view.getUint32(at + 4);
    const size = view.getUint32(at + 8);
    if (offset + size > view.byteLength) throw new Error('tag past the end');
    tags.set(ascii(view, at), { offset, size });
  }
  return tags;
}

function readXyz(view: DataView, tag: TagEntry | undefined): [number, number, number] | undefined {
  if (!tag || tag.size < 20 || ascii(view, tag.offset) !== 'XYZ ') return undefined;
  return [0, 1, 2].map((i) => s15Fixed16(view, tag.offset + 8 + 4 * i)) as [number, number, number];
}

/** A tone curve as a function on [0, 1]: 'curv' (identity, gamma or sampled table) or 'para' (functions 0 to 4). */
function readCurve(view: DataView, tag: TagEntry | undefined): ((x: number) => number) | undefined {
  if (!tag || tag.size < 12) return undefined;
  const type = ascii(view, tag.offset);
  if (type === 'curv') {
    const count = view.getUint32(tag.offset + 8);
    if (12 + 2 * count > tag.size) return undefined;
    if (count === 0) return (x) => x;
    if (count === 1) {
      const gamma = view.getUint16(tag.offset + 12) / 256;
      return (x) => x ** gamma;
    }
    const table = Array.from({ length: count }, (_, i) => view.getUint16(tag.offset + 12 + 2 * i) / 65535);
    return (x) => {
      const at = x * (count - 1);
      const i = Math.min(count - 2, Math.floor(at));
      return table[i] + (table[i + 1] - table[i]) * (at - i);
    };
  }
  if (type === 'para') {
    const fn = view.getUint16(tag.offset + 8);
    const arity = [1, 3, 4, 5, 7][fn];
    if (arity === undefined || 12 + 4 * arity > tag.size) return undefined;
    const [g, a = 1, b = 0, c = 0, d = 0, e = 0, f = 0] = Array.from({ length: arity }, (_, i) => s15Fixed16(view, tag.offset + 12 + 4 * i));
    switch (fn) {
      case 0:
        return (x) => x ** g;
      case 1:
        return (x) => (x >= -b / a ? (a * x + b) ** g : 0);
      case 2:
        return (x) => (x >= -b / a ? (a * x + b) ** g + c : c);
      case 3:
        return (x) => (x >= d ? (a * x + b) ** g : c * x);
      default:
        return (x) => (x >= d ? (a * x + b) ** g + e : c * x + f);
    }
  }
  return undefined;
}

/** Whether re-encoding the curve's output with sRGB's transfer function gives back every 8-bit code within the tolerance. */
function matchesSrgbCurve(curve: (x: number) => number): boolean {
  for (let code = 0; code <= 255; code++) {
    const linear = curve(code / 255);
    if (!Number.isFinite(linear)) return false;
    if (Math.abs(srgbEncode(linear) * 255 - code) > CURVE_TOLERANCE_CODES) return false;
  }
  return true;
}

function srgbEncode(linear: number): number {
  const v = Math.min(1, Math.max(0, linear));
  return v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055;
}

function s15Fixed16(view: DataView, at: number): number {
  return view.getInt32(at) / 65536;
}

function ascii(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}
