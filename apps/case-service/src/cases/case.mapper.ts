import type { CaseEntity, StoredContact } from './entities/case.entity';
import type { ContactModel, CaseSourceModel } from './models/case-parts.model';
import type { CaseModel } from './models/case.model';

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

function contact(c: StoredContact | null | undefined): ContactModel | undefined {
  return c ? { ...c } : undefined;
}

function sourceOf(e: CaseEntity): CaseSourceModel {
  if (e.sourceKind === 'literature') {
    const p = e.publication;
    return {
      kind: e.sourceKind,
      ...(p ? { publicationId: p.id } : {}),
      ...(p?.doi ? { doi: p.doi } : {}),
      ...(p?.pubmedId !== null && p?.pubmedId !== undefined ? { pubmedId: p.pubmedId } : {}),
      ...(p?.correspondingAuthor ? { correspondingAuthor: contact(p.correspondingAuthor) } : {}),
    };
  }
  return { kind: e.sourceKind, ...(e.sourceContact ? { contact: contact(e.sourceContact) } : {}) };
}

/** The API model of a fully loaded case (relations included). */
export function toCaseModel(e: CaseEntity): CaseModel {
  return {
    id: e.id,
    institutionId: e.institutionId,
    externalId: e.externalId,
    source: sourceOf(e),
    sex: e.sex,
    ancestry: [...(e.ancestries ?? [])].sort(byPosition).map((a) => ({ group: a.group, hancestroId: a.hancestroId, countries: [...a.countries] })),
    ageAtLastExamination: e.ageAtLastExamination,
    diagnoses: [...(e.diagnoses ?? [])].sort(byPosition).map((d) => ({ disorderId: d.disorderId, label: d.label })),
    genes: [...(e.genes ?? [])].sort(byPosition).map((g) => ({ symbol: g.symbol, hgncId: g.hgncId })),
    variants: e.variants.map((v) => ({ gene: v.gene ?? null, hgvs: v.hgvs ?? null, iscn: v.iscn ?? null, testMethod: v.testMethod, zygosity: v.zygosity })),
    phenotypes: [...(e.phenotypes ?? [])].sort(byPosition).map((p) => ({ hpoId: p.hpoId, excluded: Boolean(p.excluded) })),
    distinctiveness: e.distinctiveness,
    accessLevel: e.accessLevel,
    solved: Boolean(e.solved),
    responsibleClinicians: (e.members ?? []).filter((m) => m.role === 'clinician').map((m) => m.subject).sort(),
    revision: e.revision,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
