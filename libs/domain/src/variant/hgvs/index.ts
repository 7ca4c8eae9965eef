export * from './hgvs.types';
export { HgvsSyntaxError } from './hgvs-cursor';
export * from './hgvs.parser';
export * from './hgvs.value';
