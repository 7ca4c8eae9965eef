export * from './hgvs';
export * from './iscn.value';
export * from './test-method.value';
export * from './zygosity.value';
