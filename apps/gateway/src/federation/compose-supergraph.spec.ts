import { CompositionError, composeSupergraph } from './compose-supergraph';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])';

describe('composeSupergraph', () => {
  it('composes entities spread over subgraphs', () => {
    const sdl = composeSupergraph([
      { name: 'a', url: 'http://a/graphql', typeDefs: `${LINK} type Case @key(fields: "id") { id: ID! sex: String } type Query { case(id: ID!): Case }` },
      { name: 'b', url: 'http://b/graphql', typeDefs: `${LINK} type Case @key(fields: "id") { id: ID! consent: String }` },
    ]);
    expect(sdl).toContain('type Case');
    expect(sdl).toMatch(/join__graph\(name: "b", url: "http:\/\/b\/graphql"\)/);
  });

  it('reports every composition error', () => {
    const run = () =>
      composeSupergraph([
        { name: 'a', url: 'http://a', typeDefs: `${LINK} type Query { status: String }` },
        { name: 'b', url: 'http://b', typeDefs: `${LINK} type Query { status: Int }` },
      ]);
    expect(run).toThrow(CompositionError);
    expect(run).toThrow(/status/);
  });
});
