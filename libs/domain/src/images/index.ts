export * from './image-modality.value';
