import { startStandaloneSystem } from './harness/standalone-system';
import { describeJourneys } from './journeys/system-journeys';

// Standalone mode: `gmdb start` (SQLite, the local S3 server, in-process jobs), as `npm start` runs it.
describeJourneys('standalone', () => startStandaloneSystem());
