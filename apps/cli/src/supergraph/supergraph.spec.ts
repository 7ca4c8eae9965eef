import { writeFileSync } from 'node:fs';
import { SUPERGRAPH_PATH, committedSupergraph, composeFromCode } from './supergraph';

/**
 * The gateway serves the committed supergraph in distributed mode, so it must be what the
 * subgraphs' SDL composes to. `UPDATE_SUPERGRAPH=1` (or `npx gmdb supergraph`) rewrites it.
 */
describe('committed supergraph', () => {
  it('composes without errors and matches apps/gateway/supergraph.graphql', () => {
    const composed = composeFromCode();
    expect(composed).toContain('join__Graph');
    if (process.env.UPDATE_SUPERGRAPH === '1' && committedSupergraph() !== composed) {
      writeFileSync(SUPERGRAPH_PATH, composed);
    }
    expect(committedSupergraph()).toBe(composed);
  });
});
