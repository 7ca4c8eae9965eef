/**
 * Axis-aligned boxes by their corners, and the box arithmetic MediaPipe's face pipeline (as Human
 * runs it) applies between stages. Units are whatever pixel space the caller works in.
 */
export interface Corners {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export function cornersCenter(b: Corners): [number, number] {
  return [b.x0 + (b.x1 - b.x0) / 2, b.y0 + (b.y1 - b.y0) / 2];
}

export function cornersSize(b: Corners): [number, number] {
  return [Math.abs(b.x1 - b.x0), Math.abs(b.y1 - b.y0)];
}

/** The box with the same centre and `width`×`height`. */
export function centredCorners([cx, cy]: readonly [number, number], width: number, height: number): Corners {
  return { x0: cx - width / 2, y0: cy - height / 2, x1: cx + width / 2, y1: cy + height / 2 };
}

/** Each side times `factor` about the centre. */
export function enlargedCorners(b: Corners, factor: number): Corners {
  const [w, h] = cornersSize(b);
  return centredCorners(cornersCenter(b), w * factor, h * factor);
}

/** A square on the longer side about the same centre, corners rounded to whole pixels (as Human does before cropping). */
export function squaredCorners(b: Corners): Corners {
  const [cx, cy] = cornersCenter(b);
  const half = Math.max(...cornersSize(b)) / 2;
  return { x0: Math.round(cx - half), y0: Math.round(cy - half), x1: Math.round(cx + half), y1: Math.round(cy + half) };
}

/** The smallest box holding the points (x, y pairs, read at `stride`). */
export function boundingCorners(xy: ArrayLike<number>, count: number, stride = 2): Corners {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = xy[i * stride];
    const y = xy[i * stride + 1];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return { x0, y0, x1, y1 };
}
