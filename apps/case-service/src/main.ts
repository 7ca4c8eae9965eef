import { runServiceMain } from '@gmdb/platform';
import { caseServiceDefinition } from './case-service.definition';

void runServiceMain(caseServiceDefinition);
