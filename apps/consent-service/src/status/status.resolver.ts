import { AllowAnonymous, InjectConfig, serviceStatus, type ServiceStatus } from '@gmdb/platform';
import { Query, Resolver } from '@nestjs/graphql';
import type { ConsentServiceConfig } from '../config/consent-service.config';

@Resolver()
export class StatusResolver {
  constructor(@InjectConfig() private readonly config: ConsentServiceConfig) {}

  @Query('consentService')
  @AllowAnonymous()
  status(): ServiceStatus {
    return serviceStatus('consent-service', this.config.GMDB_MODE);
  }
}
