import { runServiceMain } from '@gmdb/platform';
import { consentServiceDefinition } from './consent-service.definition';

void runServiceMain(consentServiceDefinition);
