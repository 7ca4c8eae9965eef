import { IRESNET_ARCHS, iresnetMacs } from './iresnet.arch';

describe('iresnetMacs', () => {
  it("matches insightface's published compute per 112x112 image (GMAC)", () => {
    const gmac = Object.fromEntries(IRESNET_ARCHS.map((a) => [a, Number((iresnetMacs(a) / 1e9).toFixed(3))]));
    expect(gmac).toEqual({ r18: 2.61, r34: 4.46, r50: 6.309, r100: 12.09 });
  });
});
