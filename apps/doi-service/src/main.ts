import { runServiceMain } from '@gmdb/platform';
import { doiServiceDefinition } from './doi-service.definition';

void runServiceMain(doiServiceDefinition);
