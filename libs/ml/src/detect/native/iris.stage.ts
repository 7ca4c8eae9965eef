import { cropAxis, mirrored, sampleBilinear } from './bilinear.sampler';
import { DetectorModel, outputOfSize, squareInputSize } from './detector-model';
import { Corners, boundingCorners, cornersSize, enlargedCorners, squaredCorners } from './face-corners';
import { MeshResult } from './face-mesh.stage';
import {
  EyeContour,
  EyeTopology,
  IRIS_MODEL_CONTOURS,
  IRIS_MODEL_IRIS,
  IRIS_MODEL_POINTS,
  MESH_POINTS,
  REFINED_MESH_POINTS,
  SUBJECT_LEFT_EYE,
  SUBJECT_RIGHT_EYE,
} from './mesh-topology';

/** Human widens the span between the eye corners by this before squaring it into the iris crop (its `face.iris.scale`). */
const EYE_CROP_ENLARGE = 2.3;
/** Eye depth difference (mesh z units) below which the subject looks straight ahead and both eyes' contours are refined. */
const FRONTAL_DEPTH_DIFFERENCE = 30;
const ALL_CONTOURS = Object.keys(IRIS_MODEL_CONTOURS) as EyeContour[];
const LID_CONTOURS: EyeContour[] = ['upper0', 'lower0'];

/**
 * The iris model reads one eye's orientation: the subject's left eye is mirrored into it and its
 * points mirrored back, the right eye goes in as it is. (Human mirrors both crops and maps only
 * the left eye back, which leaves its right iris mirrored about the eye box's centre: on the
 * fixtures the model's eye contour then lands 11-15 px from the mesh's, against 1-4 px for the
 * orientation used here. So this detector's image-left eye centre can differ from Human's by 1-2 px.)
 */
const EYES: readonly { topology: EyeTopology; mirror: boolean }[] = [
  { topology: SUBJECT_LEFT_EYE, mirror: true },
  { topology: SUBJECT_RIGHT_EYE, mirror: false },
];

/**
 * Iris (64²) refinement of the face mesh, as Human does it: per eye, the enlarged, squared span of
 * the eye corners is cut from the mesh crop (not the photo), mirrored, and the model's 76 points
 * mapped back; they replace the mesh's eye contours (both eyes when the subject looks ahead,
 * else only the lids of the nearer eye) and add five iris points per eye.
 */
export class IrisStage {
  private readonly size: number;

  constructor(private readonly model: DetectorModel) {
    this.size = squareInputSize(model, 'iris');
  }

  /** For each face: 478 points (x, y pairs) in mesh-crop pixels. */
  async refine(meshes: readonly MeshResult[], meshSize: number): Promise<Float64Array[]> {
    if (meshes.length === 0) return [];
    const { size } = this;
    const plane = size * size * 3;
    const boxes = meshes.map((m) => EYES.map(({ topology }) => eyeBox(m.points, topology)));
    const input = new Float32Array(plane * EYES.length * meshes.length);
    meshes.forEach((mesh, f) => {
      const crop = { width: meshSize, height: meshSize, data: mesh.crop };
      boxes[f].forEach((box, e) => {
        const across = cropAxis(box.x0 / meshSize, box.x1 / meshSize, meshSize, size);
        const xs = EYES[e].mirror ? mirrored(across) : across;
        const ys = cropAxis(box.y0 / meshSize, box.y1 / meshSize, meshSize, size);
        sampleBilinear(crop, xs, ys, input, (f * EYES.length + e) * plane);
      });
    });
    const batch = meshes.length * EYES.length;
    const output = outputOfSize(await this.model.run(input, batch), batch, IRIS_MODEL_POINTS * 3, 'iris points');
    return meshes.map((mesh, f) => {
      const eyes = EYES.map(({ mirror }, e) => {
        const item = output.subarray((f * EYES.length + e) * IRIS_MODEL_POINTS * 3, (f * EYES.length + e + 1) * IRIS_MODEL_POINTS * 3);
        return eyePoints(item, boxes[f][e], size, mirror);
      });
      return refinedMesh(mesh.points, eyes[0], eyes[1]);
    });
  }
}

/** Square crop around one eye, in mesh-crop pixels. */
function eyeBox(points: Float64Array, eye: EyeTopology): Corners {
  const [a, b] = eye.corners;
  const corners = [points[a * 3], points[a * 3 + 1], points[b * 3], points[b * 3 + 1]];
  return squaredCorners(enlargedCorners(boundingCorners(corners, 2), EYE_CROP_ENLARGE));
}

/** The iris model's 76 points (x, y pairs) in mesh-crop pixels. */
function eyePoints(raw: Float32Array, box: Corners, size: number, mirrorBack: boolean): Float64Array {
  const [w, h] = cornersSize(box);
  const xy = new Float64Array(IRIS_MODEL_POINTS * 2);
  for (let i = 0; i < IRIS_MODEL_POINTS; i++) {
    const u = raw[i * 3] / size;
    xy[i * 2] = (mirrorBack ? 1 - u : u) * w + box.x0;
    xy[i * 2 + 1] = (raw[i * 3 + 1] / size) * h + box.y0;
  }
  return xy;
}

function refinedMesh(mesh: Float64Array, left: Float64Array, right: Float64Array): Float64Array {
  const xy = new Float64Array(REFINED_MESH_POINTS * 2);
  for (let i = 0; i < MESH_POINTS; i++) {
    xy[i * 2] = mesh[i * 3];
    xy[i * 2 + 1] = mesh[i * 3 + 1];
  }
  // Human compares the depth of the two outer eye corners to tell where the subject looks.
  const depthDifference = mesh[SUBJECT_LEFT_EYE.corners[0] * 3 + 2] - mesh[SUBJECT_RIGHT_EYE.corners[0] * 3 + 2];
  if (Math.abs(depthDifference) < FRONTAL_DEPTH_DIFFERENCE) {
    replaceContours(xy, left, SUBJECT_LEFT_EYE, ALL_CONTOURS);
    replaceContours(xy, right, SUBJECT_RIGHT_EYE, ALL_CONTOURS);
  } else if (depthDifference < 1) {
    replaceContours(xy, left, SUBJECT_LEFT_EYE, LID_CONTOURS);
  } else {
    replaceContours(xy, right, SUBJECT_RIGHT_EYE, LID_CONTOURS);
  }
  const { first, count } = IRIS_MODEL_IRIS;
  xy.set(left.subarray(first * 2, (first + count) * 2), MESH_POINTS * 2);
  xy.set(right.subarray(first * 2, (first + count) * 2), (MESH_POINTS + count) * 2);
  return xy;
}

function replaceContours(xy: Float64Array, eye: Float64Array, topology: EyeTopology, contours: readonly EyeContour[]): void {
  for (const contour of contours) {
    const { first } = IRIS_MODEL_CONTOURS[contour];
    topology.contours[contour].forEach((meshIndex, j) => {
      xy[meshIndex * 2] = eye[(first + j) * 2];
      xy[meshIndex * 2 + 1] = eye[(first + j) * 2 + 1];
    });
  }
}
