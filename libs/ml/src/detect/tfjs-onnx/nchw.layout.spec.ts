import { depthwiseFilterToOihw, nhwcAxisToNchw, nhwcBroadcastToNchw, transposeTensor } from './nchw.layout';

const iota = (n: number) => Float32Array.from({ length: n }, (_, i) => i);

describe('NCHW re-layout of TF constants', () => {
  it('transposes a dense tensor', () => {
    // [2,3] -> [3,2]
    expect(transposeTensor(iota(6), [2, 3], [1, 0])).toEqual({ dims: [3, 2], values: Float32Array.of(0, 3, 1, 4, 2, 5) });
    // NHWC [1,2,2,3] -> NCHW [1,3,2,2]: channel c holds every pixel's c-th value.
    expect(transposeTensor(iota(12), [1, 2, 2, 3], [0, 3, 1, 2]).values).toEqual(Float32Array.of(0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11));
  });

  it('orders depthwise output channels as c·mult+m, TF’s order', () => {
    // [kh=1,kw=2,cin=2,mult=2]: value = ((w·2)+c)·2+m
    const { dims, values } = depthwiseFilterToOihw(iota(8), [1, 2, 2, 2]);
    expect(dims).toEqual([4, 1, 1, 2]);
    // channel (c=1,m=0) = index 2: taps w=0 -> 2, w=1 -> 6
    expect(Array.from(values.subarray(4, 6))).toEqual([2, 6]);
  });

  it('re-lays a per-channel constant to broadcast against NCHW', () => {
    expect(nhwcBroadcastToNchw(Float32Array.of(1, 2, 3), [1, 1, 3]).dims).toEqual([1, 3, 1, 1]);
    expect(nhwcBroadcastToNchw(Float32Array.of(1, 2, 3), [3]).dims).toEqual([1, 3, 1, 1]);
    expect(() => nhwcBroadcastToNchw(iota(1), [1, 1, 1, 1, 1])).toThrow(/rank 5/);
  });

  it('maps NHWC axes to NCHW axes', () => {
    expect([0, 1, 2, 3].map(nhwcAxisToNchw)).toEqual([0, 2, 3, 1]);
  });
});
