import sharp from 'sharp';
import { fixtureBytes } from '../testing/fixtures';
import { isSrgbProfile } from './icc-profile';
import { decodeImage } from './image.decoder';

/** The profile sharp writes for one of libvips' built-in names. */
async function builtInProfile(name: string): Promise<Buffer> {
  const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#808080' } })
    .withIccProfile(name)
    .png()
    .toBuffer();
  return (await sharp(png).metadata()).icc as Buffer;
}

/** A minimal matrix/TRC RGB profile: the given colorants, one tone curve tag for all channels, and extra tags. */
function profile(colorants: number[][], curve: Buffer, extraTags: string[] = []): Buffer {
  const xyz = (v: number[]) => {
    const b = Buffer.alloc(20);
    b.write('XYZ ', 0, 'ascii');
    v.forEach((x, i) => b.writeInt32BE(Math.round(x * 65536), 8 + 4 * i));
    return b;
  };
  const tags: [string, Buffer][] = [
    ['rXYZ', xyz(colorants[0])],
    ['gXYZ', xyz(colorants[1])],
    ['bXYZ', xyz(colorants[2])],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
    ...extraTags.map((t): [string, Buffer] => [t, Buffer.from('mft2\0\0\0\0')]),
  ];
  const header = Buffer.alloc(132);
  header.write('mntr', 12, 'ascii');
  header.write('RGB ', 16, 'ascii');
  header.write('XYZ ', 20, 'ascii');
  header.write('acsp', 36, 'ascii');
  header.writeUInt32BE(tags.length, 128);
  const table = Buffer.alloc(tags.length * 12);
  let offset = 132 + table.length;
  tags.forEach(([sig, data], i) => {
    table.write(sig, i * 12, 'ascii');
    table.writeUInt32BE(offset, i * 12 + 4);
    table.writeUInt32BE(data.length, i * 12 + 8);
    offset += data.length;
  });
  const whole = Buffer.concat([header, table, ...tags.map(([, d]) => d)]);
  whole.writeUInt32BE(whole.length, 0);
  return whole;
}

/** 'para' function 3 (sRGB's piecewise curve) with the given exponent. */
function paraCurve(gamma: number): Buffer {
  const b = Buffer.alloc(32);
  b.write('para', 0, 'ascii');
  b.writeUInt16BE(3, 8);
  [gamma, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045].forEach((v, i) => b.writeInt32BE(Math.round(v * 65536), 12 + 4 * i));
  return b;
}

function gammaCurve(gamma: number): Buffer {
  const b = Buffer.alloc(14);
  b.write('curv', 0, 'ascii');
  b.writeUInt32BE(1, 8);
  b.writeUInt16BE(Math.round(gamma * 256), 12);
  return b;
}

/** 'curv' sampled at `count` points from sRGB's decoding function. */
function tableCurve(count: number): Buffer {
  const b = Buffer.alloc(12 + 2 * count);
  b.write('curv', 0, 'ascii');
  b.writeUInt32BE(count, 8);
  for (let i = 0; i < count; i++) {
    const x = i / (count - 1);
    b.writeUInt16BE(Math.round(65535 * (x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4)), 12 + 2 * i);
  }
  return b;
}

const SRGB = [
  [0.4360747, 0.2225045, 0.0139322],
  [0.3850649, 0.7168786, 0.0971045],
  [0.1430804, 0.0606169, 0.7141733],
];
/** Display P3's colorants (D50). */
const P3 = [
  [0.515102, 0.241182, -0.00104941],
  [0.291965, 0.692236, 0.0418818],
  [0.157153, 0.0665819, 0.784378],
];

describe('isSrgbProfile', () => {
  it("says yes to the sRGB profile inside astronaut.png and to libvips' own sRGB profile", async () => {
    expect(isSrgbProfile((await sharp(fixtureBytes('astronaut.png')).metadata()).icc)).toBe(true);
    expect(isSrgbProfile(await builtInProfile('srgb'))).toBe(true);
  });

  it("says no to libvips' Display P3 and CMYK profiles", async () => {
    expect(isSrgbProfile(await builtInProfile('p3'))).toBe(false);
    expect(isSrgbProfile(await builtInProfile('cmyk'))).toBe(false);
  });

  it("reads sRGB's curve as 'para' function 3 and as a finely sampled 'curv' table, and tells it from gamma 2.2, coarse tables and other colorants", () => {
    expect(isSrgbProfile(profile(SRGB, paraCurve(2.4)))).toBe(true);
    expect(isSrgbProfile(profile(SRGB, tableCurve(1024)))).toBe(true);
    // Interpolated linearly, 26 samples move dark codes by more than half a code value: not sRGB enough to skip.
    expect(isSrgbProfile(profile(SRGB, tableCurve(26)))).toBe(false);
    expect(isSrgbProfile(profile(SRGB, gammaCurve(2.2)))).toBe(false);
    expect(isSrgbProfile(profile(SRGB, paraCurve(2.2)))).toBe(false);
    expect(isSrgbProfile(profile(P3, paraCurve(2.4)))).toBe(false);
  });

  it('says no where a colour engine would use lookup tables instead of the matrix and curves', () => {
    expect(isSrgbProfile(profile(SRGB, paraCurve(2.4), ['A2B0']))).toBe(false);
  });

  it('says no to nothing, garbage and truncated profiles, without throwing', () => {
    const good = profile(SRGB, paraCurve(2.4));
    expect(isSrgbProfile(undefined)).toBe(false);
    expect(isSrgbProfile(Buffer.alloc(0))).toBe(false);
    expect(isSrgbProfile(Buffer.from('not an icc profile at all'))).toBe(false);
    expect(isSrgbProfile(good.subarray(0, 140))).toBe(false);
    expect(isSrgbProfile(good.subarray(0, good.length - 4))).toBe(false);
    const hugeCount = Buffer.from(good);
    hugeCount.writeUInt32BE(0xffffffff, 128);
    expect(isSrgbProfile(hugeCount)).toBe(false);
  });
});

describe('decodeImage and embedded profiles', () => {
  it('decodes a photo with an sRGB profile to the same pixels as applying the profile would', async () => {
    const bytes = fixtureBytes('astronaut.png');
    const applied = await sharp(bytes).removeAlpha().raw().toBuffer();
    expect(Buffer.from((await decodeImage(bytes)).data).equals(applied)).toBe(true);
  });

  it('applies a Display P3 profile: the P3 values come back as the sRGB ones they were made from', async () => {
    const raw = await sharp(fixtureBytes('astronaut.png')).raw().toBuffer();
    // sharp converts the sRGB pixels to P3 and embeds the P3 profile.
    const p3 = await sharp(raw, { raw: { width: 512, height: 512, channels: 3 } })
      .withIccProfile('p3')
      .png()
      .toBuffer();
    const differing = (a: Uint8Array) => a.filter((v, i) => Math.abs(v - raw[i]) > 2).length / raw.length;
    expect(differing(await sharp(p3, { ignoreIcc: true }).raw().toBuffer())).toBeGreaterThan(0.2);
    expect(differing((await decodeImage(p3)).data)).toBeLessThan(0.01);
  });
});
