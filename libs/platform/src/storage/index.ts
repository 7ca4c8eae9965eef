export * from './object-storage.options';
export * from './object-not-found.error';
export * from './object-key';
export * from './object-storage';
export * from './local-s3-server';
