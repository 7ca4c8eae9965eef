export * from './disorder-id.value';
export * from './hgnc.value';
export * from './hpo-id.value';
export * from './orcid.value';
export * from './doi.value';
export * from './pubmed-id.value';
