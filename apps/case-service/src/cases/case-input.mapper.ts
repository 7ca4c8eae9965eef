import type { CaseInput, CasePatch, CaseSource, Contact, VariantEntry } from '@gmdb/domain';
import type { StoredContact, StoredVariant } from './entities/case.entity';

/** Plain columns of a case row that come from the client's record. */
export interface CaseColumns {
  sourceKind: string;
  sourceContact: StoredContact | null;
  sex: string;
  ageAtLastExamination: string | null;
  ageAtLastExaminationDays: number | null;
  variants: StoredVariant[];
  distinctiveness: number | null;
  solved: boolean;
}

/** The child lists of a case, in the client's order. */
export interface CaseChildren {
  diagnoses: { disorderId: string; label: string | null }[];
  genes: { symbol: string; hgncId: string }[];
  ancestries: { group: string; hancestroId: string; countries: string[] }[];
  phenotypes: { hpoId: string; excluded: boolean }[];
}

/** A literature source's publication, to find or create. */
export interface PublicationRef {
  doi: string | null;
  pubmedId: number | null;
  correspondingAuthor: StoredContact | null;
}

/** What a validated input or patch changes. Absent keys stay as they are. */
export interface CaseChanges {
  columns: Partial<CaseColumns>;
  children: Partial<CaseChildren>;
  /** undefined: unchanged; null: no publication (non-literature source). */
  publication?: PublicationRef | null;
  accessLevel?: string;
}

export function toStoredContact(c: Contact | undefined): StoredContact | null {
  if (!c) return null;
  return {
    name: c.name,
    ...(c.email ? { email: c.email } : {}),
    ...(c.orcid ? { orcid: c.orcid.id } : {}),
    ...(c.institution ? { institution: c.institution } : {}),
  };
}

function toStoredVariant(v: VariantEntry): StoredVariant {
  return {
    ...(v.gene ? { gene: v.gene } : {}),
    ...(v.hgvs ? { hgvs: v.hgvs.expression } : {}),
    ...(v.iscn ? { iscn: v.iscn.expression } : {}),
    testMethod: v.testMethod,
    zygosity: v.zygosity,
  };
}

function sourceChanges(source: CaseSource): Pick<CaseChanges, 'publication'> & { columns: Partial<CaseColumns> } {
  switch (source.kind) {
    case 'literature':
      return {
        columns: { sourceKind: source.kind, sourceContact: null },
        publication: {
          doi: source.doi ? source.doi.toLowerCase() : null,
          pubmedId: source.pubmedId ?? null,
          correspondingAuthor: toStoredContact(source.correspondingAuthor),
        },
      };
    case 'clinician':
      return { columns: { sourceKind: source.kind, sourceContact: toStoredContact(source.contact) }, publication: null };
    case 'patient':
      return { columns: { sourceKind: source.kind, sourceContact: null }, publication: null };
  }
}

/** The changes a validated PATCH (or, with every field, a whole record) makes. */
export function changesOf(patch: CasePatch): CaseChanges {
  const changes: CaseChanges = { columns: {}, children: {} };
  const { columns, children } = changes;
  if (patch.source) {
    const s = sourceChanges(patch.source);
    Object.assign(columns, s.columns);
    changes.publication = s.publication;
  }
  if (patch.sex !== undefined) columns.sex = patch.sex;
  if (patch.ageAtLastExamination !== undefined) {
    columns.ageAtLastExamination = patch.ageAtLastExamination?.iso ?? null;
    columns.ageAtLastExaminationDays = patch.ageAtLastExamination?.totalDays ?? null;
  }
  if (patch.variants) columns.variants = patch.variants.map(toStoredVariant);
  if (patch.distinctiveness !== undefined) columns.distinctiveness = patch.distinctiveness ?? null;
  if (patch.solved !== undefined) columns.solved = patch.solved;
  if (patch.accessLevel !== undefined) changes.accessLevel = patch.accessLevel;
  if (patch.diagnoses) children.diagnoses = patch.diagnoses.map((d) => ({ disorderId: d.disorderId, label: d.label ?? null }));
  if (patch.genes) children.genes = patch.genes.map((g) => ({ symbol: g.symbol, hgncId: g.hgncId }));
  if (patch.ancestry) children.ancestries = patch.ancestry.map((a) => ({ group: a.group, hancestroId: a.hancestroId, countries: [...a.countries] }));
  if (patch.phenotypes) children.phenotypes = patch.phenotypes.map((p) => ({ hpoId: p.hpoId, excluded: p.excluded }));
  return changes;
}

/** The changes of a whole record: every column and list set (absent optional values cleared). */
export function changesOfInput(input: CaseInput): CaseChanges {
  return changesOf({
    ...input,
    ageAtLastExamination: input.ageAtLastExamination ?? null,
    distinctiveness: input.distinctiveness ?? null,
  });
}
