export * from './inference-worker.definition';
export * from './config/inference-worker.config';
export * from './gallery/gallery-snapshot.loader';
