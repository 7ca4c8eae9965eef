export * from './hpo-ontology';
export * from './hpo-term.value';
export * from './distinctiveness.value';
