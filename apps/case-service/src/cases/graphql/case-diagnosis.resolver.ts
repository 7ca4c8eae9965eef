import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { DiagnosisModel } from '../models/case-parts.model';

/** `CaseDiagnosis.disorder`: the Disorder entity of a diagnosis. */
@Resolver('CaseDiagnosis')
export class CaseDiagnosisResolver {
  @ResolveField('disorder')
  disorder(@Parent() parent: DiagnosisModel): { id: string; label: string | null } {
    return { id: parent.disorderId, label: parent.label };
  }
}
