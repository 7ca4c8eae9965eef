// @gmdb/ml: the GestaltMatcher engine (no NestJS, TypeORM or BullMQ).

// common
export type { RgbImage, Point, Landmarks5 } from './common/rgb-image';
export { rgbImage } from './common/rgb-image';
export { compareIds } from './common/compare-ids';
export { pythonRound } from './common/python-round';
export { sha256File, sha256Bytes } from './common/file-hash';

// decode
export { decodeImage, downscale, DEFAULT_DECODER_CONFIG } from './decode/image.decoder';
export type { ImageDecoderConfig } from './decode/image.decoder';

// detect
export type { DetectedFace, FaceDetector, FaceDetectorConfig } from './detect/face-detector.interface';
export { DEFAULT_DETECTOR_CONFIG } from './detect/face-detector.interface';
export { HumanFaceDetector } from './detect/human-face.detector';
export { NativeFaceDetector } from './detect/native/native-face.detector';
export { createFaceDetector, FACE_DETECTOR_KINDS } from './detect/face-detector.factory';
export type { FaceDetectorKind } from './detect/face-detector.factory';
export { convertTfjsGraphModel, humanModelPath } from './detect/tfjs-onnx';
export type { ConvertedModel } from './detect/tfjs-onnx';
export { selectSingleFace, DEFAULT_FACE_POLICY } from './detect/face.policy';
export type { FacePolicyConfig } from './detect/face.policy';
export { locateSingleFace, DEFAULT_LOCATOR_CONFIG } from './detect/face.locator';
export type { FaceLocatorConfig } from './detect/face.locator';

// align
export { FaceAligner, DEFAULT_ALIGNER_CONFIG, encodePng } from './align/face.aligner';
export type { AlignedFace, FaceAlignerConfig } from './align/face.aligner';
export { ARCFACE_TEMPLATE_112, ALIGNED_SIZE } from './align/arcface-template';
export { umeyamaSimilarity } from './align/umeyama';
export { warpAffineBilinear } from './align/bilinear.warp';
export type { Affine } from './align/affine';

// generate
export { IRESNET_ARCHS, isIResNetArch, iresnetMacs, EMBEDDING_SIZE, INPUT_SIZE } from './generate/iresnet.arch';
export type { IResNetArch } from './generate/iresnet.arch';
export { generateIResNet, writeFileAtomic, writeModel } from './generate/iresnet.generator';
export type { IResNetSpec } from './generate/iresnet.generator';
export { ensureGeneratedModel, ensureGeneratedModels, generatedModelFileName } from './generate/model-cache';
export type { GeneratedModelFile } from './generate/model-cache';
export { buildSearchGraph } from './generate/search-graph.builder';
export { encodeOnnxModel } from './generate/onnx-model.encoder';

// manifest
export { modelManifestSchema, modelSpecSchema, ARCFACE_NORMALISATION } from './manifest/model-manifest.schema';
export type { ModelManifest, ModelSpec } from './manifest/model-manifest.schema';
export { loadManifestFile, parseManifest, resolveManifest } from './manifest/manifest.loader';
export type { LoadedManifest, LoadedModel, LoadManifestOptions } from './manifest/manifest.loader';
export { ENCODER_PRECISIONS, type EncoderPrecision, PAPER_ENSEMBLE, TEST_ENSEMBLE, buildGeneratedManifest, ensureGeneratedManifest } from './manifest/default-manifest';
export { type EncoderQuantizationReport, quantizeEncoder } from './quantize/encoder.quantizer';
export { alignedFacesOf } from './quantize/calibration-faces';
export { OnnxModelError } from './onnx-rewrite/onnx-model.parts';
export { findConvSites } from './quantize/conv-qdq.quantizer';
export { int8CpuSupport } from './quantize/int8-cpu.support';
export type { GeneratedManifestOptions } from './manifest/default-manifest';
export { GENERATED_WEIGHTS_NOTICE, provenance } from './manifest/generated-weights.notice';
export type { WeightsProvenance } from './manifest/generated-weights.notice';

// tta + encode
export { FOUR_VARIANTS, PLAIN_VARIANT, variantsPerModel } from './tta/tta.variants';
export type { TtaVariant } from './tta/tta.variants';
export { preprocessCrop, gray8 } from './tta/crop.preprocessor';
export type { Normalisation } from './tta/crop.preprocessor';
export { availableCores, resolveIntraOpThreads } from './encode/cpu-budget';
export { DEFAULT_ORT_CONFIG, createOrtSession, ortSessionOptions } from './encode/ort-session.factory';
export type { ExecutionProviderName, OrtSessionConfig } from './encode/ort-session.factory';
export { EncoderEnsemble } from './encode/encoder.ensemble';
export type { EncodedFace } from './encode/encoder.ensemble';
export type { CropEncoder } from './encode/crop-encoder';
export { ThreadedEncoderEnsemble } from './encode/threaded/threaded-encoder.ensemble';
export { EncoderLanes } from './encode/threaded/encoder-lanes';
export { PhotoEncoder, DEFAULT_PHOTO_ENCODER_CONFIG } from './encode/photo.encoder';
export type { PhotoEncoderConfig, PhotoEncoding, PhotoTimings } from './encode/photo.encoder';

// distance + gallery
export { ensembleDistance, normalizeSlots } from './distance/cosine.distance';
export type { GalleryImageMeta } from './gallery/gallery-image.meta';
export { GalleryIndex, LabelTable } from './gallery/gallery.index';
export type { IndexedRow } from './gallery/gallery.index';
export { EmbeddingStore } from './gallery/embedding.store';
export { smallestK } from './gallery/gallery.searcher';
export type { GallerySearcher, NearestRows } from './gallery/gallery.searcher';
export { JsSearcher } from './gallery/js.searcher';
export { OrtSearcher } from './gallery/ort.searcher';

// rank
export { rankGallery, gestaltScore, GESTALT_SCORE_OFFSET } from './rank/gallery.ranker';
export type { RankOptions, Ranking, RankedImage, RankedLabel } from './rank/gallery.ranker';

// evaluate
export { evaluateTopK, buildReport, groupMetrics } from './evaluate/top-k.evaluator';
export type { EvaluationInput, EvaluationResult } from './evaluate/top-k.evaluator';
export { AGE_BANDS, TOP_K, ageBand } from './evaluate/evaluation.types';
export type { AgeBand, EvaluationReport, GroupMetrics, ImageDemographics, LabeledImage, TestImageRank, TopKAccuracy } from './evaluate/evaluation.types';
export { parseCsv, parseLabeledImages, parseDemographics, parseEncodingsJsonl } from './evaluate/eval-input.parser';
export { reportMarkdown, ancestryChartSvg } from './evaluate/report.renderer';

// research: cohort comparison
export { compareCohorts } from './distance/cohort.comparison';
export type { CohortComparison, CohortComparisonOptions } from './distance/cohort.comparison';
