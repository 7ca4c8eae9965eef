import type { Principal } from '@gmdb/domain';
import { AllowAnonymous, CurrentPrincipal, InjectConfig, serviceStatus, type ServiceStatus } from '@gmdb/platform';
import { Query, Resolver } from '@nestjs/graphql';
import type { CaseServiceConfig } from '../config/case-service.config';
import { toViewer, type ViewerModel } from './viewer.model';

@Resolver()
export class StatusResolver {
  constructor(@InjectConfig() private readonly config: CaseServiceConfig) {}

  @Query('caseService')
  @AllowAnonymous()
  caseService(): ServiceStatus {
    return serviceStatus('case-service', this.config.GMDB_MODE);
  }

  @Query('me')
  @AllowAnonymous()
  me(@CurrentPrincipal() principal: Principal): ViewerModel {
    return toViewer(principal);
  }
}
