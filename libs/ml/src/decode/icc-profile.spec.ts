import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('remembers the exact bytes of a profile it found to be sRGB, never a changed copy of them', () => {
    const good = profile(SRGB, paraCurve(2.4));
    expect(isSrgbProfile(good)).toBe(true);
    // The same bytes in another buffer (another photo from the same camera).
    expect(isSrgbProfile(Uint8Array.from(good))).toBe(true);
    // Changed after it was found to be sRGB: the remembered copy is the caller's bytes as they were.
    const reused = Buffer.from(good);
    expect(isSrgbProfile(reused)).toBe(true);
    reused.set(profile(SRGB, paraCurve(2.2)));
    expect(isSrgbProfile(reused)).toBe(false);
    // More sRGB profiles than are remembered: each still reads as sRGB, and a gamma-2.2 one as not.
    for (let n = 260; n < 280; n++) expect(isSrgbProfile(profile(SRGB, tableCurve(n)))).toBe(true);
    expect(isSrgbProfile(good)).toBe(true);
    expect(isSrgbProfile(profile(SRGB, gammaCurve(2.2)))).toBe(false);
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

  it("never throws on 1500 random byte flips and truncations of astronaut.png's profile, and says yes only while its colorants and curves stay sRGB's", async () => {
    const icc = (await sharp(fixtureBytes('astronaut.png')).metadata()).icc as Buffer;
    const tagCount = icc.readUInt32BE(128);
    let state = 11;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 1500; n++) {
      const bytes = Buffer.from(icc);
      // Half the flips land in the header and tag table, where they change what the reader looks at.
      for (let k = 0; k < 1 + Math.floor(next() * 4); k++) {
        const at = Math.floor(next() * (next() < 0.5 ? 132 + tagCount * 12 : bytes.length));
        bytes[at] = next() < 0.5 ? bytes[at] ^ (1 << Math.floor(next() * 8)) : Math.floor(next() * 256);
      }
      const input = next() < 0.2 ? bytes.subarray(0, Math.floor(next() * bytes.length)) : bytes;
      expect(() => isSrgbProfile(input)).not.toThrow();
    }
    // A colorant moved past the tolerance, or one curve's table bent, is not sRGB any more.
    const rXYZ = 536; // astronaut's profile: rXYZ tag data at 536, the shared TRC 'curv' at 1084
    const moved = Buffer.from(icc);
    moved.writeInt32BE(moved.readInt32BE(rXYZ + 8) + Math.round(0.0025 * 65536), rXYZ + 8);
    expect(moved.toString('ascii', rXYZ, rXYZ + 4)).toBe('XYZ ');
    expect(isSrgbProfile(moved)).toBe(false);
    const bent = Buffer.from(icc);
    expect(bent.toString('ascii', 1084, 1088)).toBe('curv');
    bent.writeUInt16BE(Math.min(65535, bent.readUInt16BE(1084 + 12 + 2 * 100) + 1500), 1084 + 12 + 2 * 100);
    expect(isSrgbProfile(bent)).toBe(false);
  });

  it('says no to colorants 0.0019 off sRGB (saturated colours would move by 5 codes), yes within 0.0003', () => {
    expect(isSrgbProfile(profile(SRGB.map((c) => c.map((v) => v + 0.0019)), paraCurve(2.4)))).toBe(false);
    expect(isSrgbProfile(profile(SRGB.map((c) => c.map((v) => v + 0.0003)), paraCurve(2.4)))).toBe(true);
  });

  it("says no to 'para' function types above 4, a Gray or Lab-PCS profile, tags past the end and 'curv' counts larger than the tag", () => {
    const good = profile(SRGB, paraCurve(2.4));
    expect(isSrgbProfile(good)).toBe(true);
    const fn5 = paraCurve(2.4);
    fn5.writeUInt16BE(5, 8);
    expect(isSrgbProfile(profile(SRGB, fn5))).toBe(false);
    const gray = Buffer.from(good);
    gray.write('GRAY', 16, 'ascii');
    expect(isSrgbProfile(gray)).toBe(false);
    const lab = Buffer.from(good);
    lab.write('Lab ', 20, 'ascii');
    expect(isSrgbProfile(lab)).toBe(false);
    const pastEnd = Buffer.from(good);
    pastEnd.writeUInt32BE(good.length - 4, 132 + 4); // rXYZ: 20 bytes from 4 before the end
    expect(isSrgbProfile(pastEnd)).toBe(false);
    const farPastEnd = Buffer.from(good);
    farPastEnd.writeUInt32BE(0xfffffff0, 132 + 4);
    expect(isSrgbProfile(farPastEnd)).toBe(false);
    const table = tableCurve(1024);
    expect(isSrgbProfile(profile(SRGB, table))).toBe(true);
    table.writeUInt32BE(0xffffffff, 8);
    expect(isSrgbProfile(profile(SRGB, table))).toBe(false);
  });
});

describe('decodeImage and embedded profiles', () => {
  it('decodes a photo with an sRGB profile to the same pixels as applying the profile would', async () => {
    const bytes = fixtureBytes('astronaut.png');
    const applied = await sharp(bytes).removeAlpha().raw().toBuffer();
    expect(Buffer.from((await decodeImage(bytes)).data).equals(applied)).toBe(true);
  });

  it('applies the profile of a 16-bit photo even where its curve agrees with sRGB at the 256 8-bit codes only', async () => {
    // A 4081-entry table: sRGB's value at every 16th entry (where 8-bit codes land), 1.0 between.
    const n = 255 * 16 + 1;
    const table = Buffer.alloc(12 + 2 * n);
    table.write('curv', 0, 'ascii');
    table.writeUInt32BE(n, 8);
    for (let i = 0; i < n; i++) {
      const x = i / (n - 1);
      table.writeUInt16BE(i % 16 === 0 ? Math.round(65535 * (x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4)) : 65535, 12 + 2 * i);
    }
    const spiky = profile(SRGB, table);
    expect(isSrgbProfile(spiky)).toBe(true); // right for 8-bit samples, which is all it claims
    const dir = mkdtempSync(join(tmpdir(), 'gmdb-icc-'));
    try {
      const file = join(dir, 'spiky.icc');
      writeFileSync(file, spiky);
      const raw = await sharp(fixtureBytes('astronaut.png')).raw().toBuffer();
      const png16 = await sharp(raw, { raw: { width: 512, height: 512, channels: 3 } })
        .toColourspace('rgb16')
        .png()
        .withIccProfile(file)
        .toBuffer();
      expect((await sharp(png16).metadata()).depth).toBe('ushort');
      const applied = await sharp(png16).toColourspace('srgb').removeAlpha().raw().toBuffer();
      const decoded = (await decodeImage(png16)).data;
      let worst = 0;
      for (let i = 0; i < decoded.length; i++) worst = Math.max(worst, Math.abs(decoded[i] - applied[i]));
      expect(worst).toBeLessThanOrEqual(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
