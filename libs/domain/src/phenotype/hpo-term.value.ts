import { HpoId, validateHpoId } from '../identifiers';
import { IssueCode, Validator, fail, valid } from '../validation';
import { HPO_ROOTS, HpoOntology } from './hpo-ontology';

/**
 * An HPO id for a phenotypic feature. The format is always checked; with an ontology loaded,
 * also that the term exists (HPO_TERM_UNKNOWN), is not obsolete (HPO_TERM_OBSOLETE, naming the
 * replacement) and lies under `root` (HPO_TERM_WRONG_BRANCH; default Phenotypic abnormality).
 */
export function hpoTermValidator(ontology?: HpoOntology, root: HpoId = HPO_ROOTS.phenotypicAbnormality): Validator<HpoId> {
  return (input, path) => {
    const format = validateHpoId(input, path);
    if (!format.ok || !ontology) return format;
    const id = format.value;
    const term = ontology.term(id);
    if (!term) return fail(path, IssueCode.HPO_TERM_UNKNOWN, `${id} is not a term of HPO ${ontology.version ?? ''}`.trim());
    if (term.obsolete || term.id !== id) {
      const replacement = ontology.replacedBy(id);
      const hint = replacement ? `; use ${replacement} (${ontology.label(replacement) ?? 'its replacement'})` : '';
      return fail(path, IssueCode.HPO_TERM_OBSOLETE, `${id} is obsolete${hint}`);
    }
    if (!ontology.isA(id, root)) {
      return fail(path, IssueCode.HPO_TERM_WRONG_BRANCH, `${id} (${term.label}) is not under ${root} (${ontology.label(root) ?? root})`);
    }
    return valid(id);
  };
}
