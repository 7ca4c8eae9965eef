import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FaceAligner } from '../align/face.aligner';
import { RgbImage } from '../common/rgb-image';
import { decodeImage } from '../decode/image.decoder';
import { FaceDetector } from '../detect/face-detector.interface';
import { locateFaces } from '../detect/face.locator';

/**
 * The aligned 112×112 crop of every face the detector finds in each photo (a group photo gives
 * several), aligned as the service aligns: calibration sees what the encoder will see. A photo
 * that cannot be read or decoded is skipped with the reason; one without a face adds nothing.
 */
export async function alignedFacesOf(photos: readonly string[], detector: FaceDetector): Promise<{ crops: RgbImage[]; skipped: { file: string; reason: string }[] }> {
  const aligner = new FaceAligner(detector, { png: false });
  const crops: RgbImage[] = [];
  const skipped: { file: string; reason: string }[] = [];
  for (const file of photos) {
    let image: RgbImage;
    try {
      image = await decodeImage(await readFile(file));
    } catch (e) {
      skipped.push({ file, reason: (e as Error).message });
      continue;
    }
    const faces = await locateFaces(detector, image);
    if (faces.length === 0) skipped.push({ file, reason: 'no face' });
    for (const face of faces) crops.push((await aligner.align(image, face)).crop);
  }
  return { crops, skipped };
}

/**
 * The public-domain / licensed photos committed under libs/ml/fixtures/images (see the README
 * there) that calibrate generated encoders: the group photo's three faces calibrate, the
 * astronaut is held out to measure the agreement. Found by walking up from this file, so that the
 * compiled tree (dist/libs/ml/...) finds the repository's copy.
 */
export function fixtureCalibrationPhotos(): { calibration: string[]; heldOut: string[] } {
  let dir = __dirname;
  for (;;) {
    const images = join(dir, 'libs', 'ml', 'fixtures', 'images');
    if (existsSync(join(images, 'astronaut.png'))) return { calibration: [join(images, '2008_002506.jpg')], heldOut: [join(images, 'astronaut.png')] };
    const up = dirname(dir);
    if (up === dir) throw new Error('libs/ml/fixtures/images not found above ' + __dirname + ': generated int8 encoders calibrate on those photos');
    dir = up;
  }
}
