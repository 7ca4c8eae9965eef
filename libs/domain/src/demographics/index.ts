export * from './sex.value';
export * from './age.value';
export * from './country-codes';
export * from './ancestry.value';
