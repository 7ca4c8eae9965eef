/**
 * Index facts of MediaPipe's face mesh (468 points) and iris model (76 points per eye), as far as
 * the iris refinement needs them. "Left"/"right" are the subject's: the subject's left eye is on
 * the image right.
 */

export const MESH_POINTS = 468;
/** Mesh plus five iris points per eye: 468–472 subject's left iris, 473–477 right, centre first. */
export const REFINED_MESH_POINTS = MESH_POINTS + 10;

export const IRIS_MODEL_POINTS = 76;
/** The iris model's points 71–75: centre, then four on the iris outline. */
export const IRIS_MODEL_IRIS = { first: 71, count: 5 } as const;

export type EyeContour = 'upper0' | 'upper1' | 'upper2' | 'lower0' | 'lower1' | 'lower2' | 'lower3' | 'browUpper' | 'browLower';

/** Which run of iris-model points describes each contour (same order as the mesh indices below). */
export const IRIS_MODEL_CONTOURS: Readonly<Record<EyeContour, { first: number; count: number }>> = {
  lower0: { first: 0, count: 9 },
  upper0: { first: 9, count: 7 },
  lower1: { first: 16, count: 9 },
  upper1: { first: 25, count: 7 },
  lower2: { first: 32, count: 9 },
  upper2: { first: 41, count: 7 },
  browLower: { first: 48, count: 6 },
  lower3: { first: 54, count: 9 },
  browUpper: { first: 63, count: 8 },
};

export interface EyeTopology {
  /** The eye corners (ends of lower0) whose span, enlarged, is the iris crop; the first also gives the eye's depth. */
  readonly corners: readonly [number, number];
  /** Mesh index of each contour point, in the iris model's order. */
  readonly contours: Readonly<Record<EyeContour, readonly number[]>>;
}

export const SUBJECT_LEFT_EYE: EyeTopology = {
  corners: [263, 362],
  contours: {
    upper0: [466, 388, 387, 386, 385, 384, 398],
    lower0: [263, 249, 390, 373, 374, 380, 381, 382, 362],
    upper1: [467, 260, 259, 257, 258, 286, 414],
    lower1: [359, 255, 339, 254, 253, 252, 256, 341, 463],
    upper2: [342, 445, 444, 443, 442, 441, 413],
    lower2: [446, 261, 448, 449, 450, 451, 452, 453, 464],
    lower3: [372, 340, 346, 347, 348, 349, 350, 357, 465],
    browUpper: [383, 300, 293, 334, 296, 336, 285, 417],
    browLower: [265, 353, 276, 283, 282, 295],
  },
};

export const SUBJECT_RIGHT_EYE: EyeTopology = {
  corners: [33, 133],
  contours: {
    upper0: [246, 161, 160, 159, 158, 157, 173],
    lower0: [33, 7, 163, 144, 145, 153, 154, 155, 133],
    upper1: [247, 30, 29, 27, 28, 56, 190],
    lower1: [130, 25, 110, 24, 23, 22, 26, 112, 243],
    upper2: [113, 225, 224, 223, 222, 221, 189],
    lower2: [226, 31, 228, 229, 230, 231, 232, 233, 244],
    lower3: [143, 111, 117, 118, 119, 120, 121, 128, 245],
    browUpper: [156, 70, 63, 105, 66, 107, 55, 193],
    browLower: [35, 124, 46, 53, 52, 65],
  },
};

/** Five-point indices into the refined mesh. */
export const MESH_NOSE_TIP = 1;
export const MESH_MOUTH_CORNERS = [61, 291] as const;
export const LEFT_IRIS_CENTER = MESH_POINTS;
export const RIGHT_IRIS_CENTER = MESH_POINTS + 5;
