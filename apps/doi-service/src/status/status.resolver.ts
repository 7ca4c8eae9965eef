import { AllowAnonymous, InjectConfig, serviceStatus, type ServiceStatus } from '@gmdb/platform';
import { Query, Resolver } from '@nestjs/graphql';
import type { DoiServiceConfig } from '../config/doi-service.config';

@Resolver()
export class StatusResolver {
  constructor(@InjectConfig() private readonly config: DoiServiceConfig) {}

  @Query('doiService')
  @AllowAnonymous()
  status(): ServiceStatus {
    return serviceStatus('doi-service', this.config.GMDB_MODE);
  }
}
