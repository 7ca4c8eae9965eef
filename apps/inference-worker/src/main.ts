import { runServiceMain } from '@gmdb/platform';
import { inferenceWorkerDefinition } from './inference-worker.definition';

void runServiceMain(inferenceWorkerDefinition);
