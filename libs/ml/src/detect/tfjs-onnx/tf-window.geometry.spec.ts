import { windowGeometry } from './tf-window.geometry';

const window = (padding: 'SAME' | 'VALID' | 'EXPLICIT', k: number, s: number, explicitPaddings?: number[]) => ({
  kernel: [k, k] as const,
  strides: [s, s] as const,
  dilations: [1, 1] as const,
  padding,
  explicitPaddings,
});

describe('windowGeometry (TF output sizes and pads)', () => {
  it('SAME puts the odd pixel of padding at the end (bottom/right)', () => {
    expect(windowGeometry(256, 256, window('SAME', 5, 2))).toEqual({ pads: [1, 1, 2, 2], outHeight: 128, outWidth: 128 });
    expect(windowGeometry(5, 6, window('SAME', 3, 2))).toEqual({ pads: [1, 0, 1, 1], outHeight: 3, outWidth: 3 });
  });

  it('SAME with stride 1 keeps the size; a 1x1 window needs no pad', () => {
    expect(windowGeometry(16, 16, window('SAME', 3, 1))).toEqual({ pads: [1, 1, 1, 1], outHeight: 16, outWidth: 16 });
    expect(windowGeometry(16, 16, window('SAME', 1, 1))).toEqual({ pads: [0, 0, 0, 0], outHeight: 16, outWidth: 16 });
  });

  it('SAME accounts for dilation', () => {
    const dilated = { ...window('SAME', 3, 1), dilations: [2, 2] as const };
    expect(windowGeometry(8, 8, dilated)).toEqual({ pads: [2, 2, 2, 2], outHeight: 8, outWidth: 8 });
  });

  it('VALID drops what the window cannot cover', () => {
    expect(windowGeometry(6, 6, window('VALID', 3, 3))).toEqual({ pads: [0, 0, 0, 0], outHeight: 2, outWidth: 2 });
    expect(windowGeometry(7, 7, window('VALID', 2, 2))).toEqual({ pads: [0, 0, 0, 0], outHeight: 3, outWidth: 3 });
  });

  it('EXPLICIT reads the NHWC explicit_paddings pairs', () => {
    expect(windowGeometry(4, 4, window('EXPLICIT', 3, 1, [0, 0, 1, 2, 0, 1, 0, 0]))).toEqual({ pads: [1, 0, 2, 1], outHeight: 5, outWidth: 3 });
  });

  it('refuses a dynamic spatial size', () => {
    expect(() => windowGeometry(-1, 16, window('SAME', 3, 1))).toThrow(/static spatial size/);
  });
});
