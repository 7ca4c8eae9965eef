/** A decoded picture: 8-bit RGB, interleaved, row-major (`data.length === width * height * 3`). */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** A 2-D point in pixel coordinates (x to the right, y down, pixel centres at integers). */
export type Point = readonly [number, number];

/** Five facial points in the reference order: left eye, right eye, nose, left mouth, right mouth
 * (left/right as seen in the image, i.e. the subject's right eye comes first). */
export type Landmarks5 = readonly [Point, Point, Point, Point, Point];

export function rgbImage(width: number, height: number, data?: Uint8Array): RgbImage {
  const size = width * height * 3;
  if (data && data.length !== size) {
    throw new RangeError(`RGB buffer has ${data.length} bytes, expected ${size} for ${width}x${height}`);
  }
  return { width, height, data: data ?? new Uint8Array(size) };
}
