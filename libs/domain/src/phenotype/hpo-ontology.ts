import { DomainError, ErrorCode } from '../errors';
import { HpoId, hpoIdFromIri } from '../identifiers';
import { isPlainObject } from '../validation';

/** One HPO class as loaded from hp.json. */
export interface HpoTerm {
  id: HpoId;
  label: string;
  obsolete: boolean;
  /** The term to use instead of an obsolete one (IAO:0100001 "term replaced by"). */
  replacedBy?: HpoId;
  /** Direct `is_a` parents. */
  parents: HpoId[];
}

export const HPO_ROOTS = {
  phenotypicAbnormality: 'HP:0000118',
  modeOfInheritance: 'HP:0000005',
  onset: 'HP:0003674',
} as const satisfies Record<string, HpoId>;

const REPLACED_BY = 'http://purl.obolibrary.org/obo/IAO_0100001';
const ALT_ID = 'http://www.geneontology.org/formats/oboInOwl#hasAlternativeId';

/**
 * The HPO terms of one release, answering exists / obsolete / replaced_by / label / ancestry.
 * Built by `loadHpoOntology` from an obographs document; immutable afterwards.
 */
export class HpoOntology {
  private readonly ancestorCache = new Map<HpoId, ReadonlySet<HpoId>>();

  constructor(
    private readonly terms: ReadonlyMap<HpoId, HpoTerm>,
    /** Secondary ids (`hasAlternativeId`) -> primary id. */
    private readonly altIds: ReadonlyMap<HpoId, HpoId> = new Map(),
    /** Release, from `graphs[0].meta.version` (`.../hp/releases/2025-05-06/hp.json` -> `2025-05-06`). */
    readonly version?: string,
  ) {}

  get size(): number {
    return this.terms.size;
  }

  /** The term, following an alternative id to its primary term. */
  term(id: string): HpoTerm | undefined {
    const key = id as HpoId;
    return this.terms.get(key) ?? this.terms.get(this.altIds.get(key) ?? key);
  }

  exists(id: string): boolean {
    return this.term(id) !== undefined;
  }

  isObsolete(id: string): boolean {
    return this.term(id)?.obsolete ?? false;
  }

  /** The replacement of an obsolete term, or the primary id of an alternative id. */
  replacedBy(id: string): HpoId | undefined {
    const primary = this.altIds.get(id as HpoId);
    return primary ?? this.term(id)?.replacedBy;
  }

  label(id: string): string | undefined {
    return this.term(id)?.label;
  }

  /** Whether `id` is `ancestor` or lies below it through `is_a`. */
  isA(id: string, ancestor: string): boolean {
    const term = this.term(id);
    if (!term) return false;
    return term.id === ancestor || this.ancestors(term.id).has(ancestor as HpoId);
  }

  private ancestors(id: HpoId): ReadonlySet<HpoId> {
    const cached = this.ancestorCache.get(id);
    if (cached) return cached;
    const seen = new Set<HpoId>();
    const stack = [...(this.terms.get(id)?.parents ?? [])];
    while (stack.length > 0) {
      const next = stack.pop() as HpoId;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(this.terms.get(next)?.parents ?? []));
    }
    this.ancestorCache.set(id, seen);
    return seen;
  }
}

function invalidFile(message: string): DomainError {
  return new DomainError(ErrorCode.HPO_ONTOLOGY_INVALID, `The HPO ontology file is not usable: ${message}`);
}

function propertyValues(meta: Record<string, unknown>, pred: string): string[] {
  const values = Array.isArray(meta['basicPropertyValues']) ? meta['basicPropertyValues'] : [];
  return values.filter((v) => isPlainObject(v) && v['pred'] === pred && typeof v['val'] === 'string').map((v) => (v as { val: string }).val);
}

/**
 * Loads an HPO release in obographs JSON (`hp.json`), given as its text or already parsed.
 * Only `HP_` classes are kept. Throws DomainError HPO_ONTOLOGY_INVALID when the document is not
 * an obographs graph with HPO classes. The domain does no I/O: the caller reads the file.
 */
export function loadHpoOntology(input: unknown): HpoOntology {
  let doc = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch {
      throw invalidFile('not JSON');
    }
  }
  const graph = isPlainObject(doc) && Array.isArray(doc['graphs']) ? doc['graphs'][0] : undefined;
  if (!isPlainObject(graph) || !Array.isArray(graph['nodes'])) throw invalidFile('expected { graphs: [{ nodes, edges }] }');
  const terms = new Map<HpoId, HpoTerm>();
  const altIds = new Map<HpoId, HpoId>();
  for (const node of graph['nodes']) {
    if (!isPlainObject(node) || typeof node['id'] !== 'string' || (node['type'] !== undefined && node['type'] !== 'CLASS')) continue;
    const id = hpoIdFromIri(node['id']);
    if (!id) continue;
    const meta = isPlainObject(node['meta']) ? node['meta'] : {};
    const replaced = propertyValues(meta, REPLACED_BY).map(hpoIdFromIri).find((x) => x !== undefined);
    const term: HpoTerm = { id, label: typeof node['lbl'] === 'string' ? node['lbl'] : '', obsolete: meta['deprecated'] === true, parents: [] };
    if (replaced) term.replacedBy = replaced;
    terms.set(id, term);
    for (const alt of propertyValues(meta, ALT_ID).map(hpoIdFromIri)) if (alt) altIds.set(alt, id);
  }
  if (terms.size === 0) throw invalidFile('it contains no HP_ classes');
  for (const edge of Array.isArray(graph['edges']) ? graph['edges'] : []) {
    if (!isPlainObject(edge) || edge['pred'] !== 'is_a' || typeof edge['sub'] !== 'string' || typeof edge['obj'] !== 'string') continue;
    const sub = terms.get(hpoIdFromIri(edge['sub']) as HpoId);
    const obj = hpoIdFromIri(edge['obj']);
    if (sub && obj && terms.has(obj)) sub.parents.push(obj);
  }
  const meta = isPlainObject(graph['meta']) ? graph['meta'] : {};
  const versionIri = typeof meta['version'] === 'string' ? meta['version'] : undefined;
  const version = versionIri?.match(/releases\/([^/]+)\//)?.[1] ?? versionIri;
  return new HpoOntology(terms, altIds, version);
}
