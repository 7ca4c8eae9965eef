import type { ImageEntity } from './image.entity';
import type { ImageModel } from './models/image.model';

export function toImageModel(entity: ImageEntity): ImageModel {
  return {
    id: entity.id,
    caseId: entity.caseId,
    modality: entity.modality,
    ageAtCapture: entity.ageAtCapture,
    contentType: entity.contentType,
    byteSize: entity.byteSize,
    sha256: entity.sha256,
    width: entity.width,
    height: entity.height,
    encodeStatus: entity.encodeStatus,
    encodeErrorCode: entity.encodeErrorCode,
    faces: entity.faces ?? [],
    modelVersion: entity.modelVersion,
    encodedAt: entity.encodedAt ? entity.encodedAt.toISOString() : null,
    createdAt: entity.createdAt.toISOString(),
  };
}
