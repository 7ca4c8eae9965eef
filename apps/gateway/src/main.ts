import { runServiceMain } from '@gmdb/platform';
import { gatewayDefinition } from './gateway.definition';

void runServiceMain(gatewayDefinition);
