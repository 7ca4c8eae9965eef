import { domainInputOf } from './consent-graphql.mapper';
import { fromGraphqlEnum, toGraphqlEnum } from './graphql-enum';

describe('GraphQL enum mapping', () => {
  it('turns domain values into enum values and back', () => {
    expect(toGraphqlEnum('ai-training-only')).toBe('AI_TRAINING_ONLY');
    expect(toGraphqlEnum('legal-guardian')).toBe('LEGAL_GUARDIAN');
    expect(fromGraphqlEnum('LEGAL_GUARDIAN')).toBe('legal-guardian');
    expect(fromGraphqlEnum('Maria')).toBe('Maria');
  });

  it('rewrites only the named enum fields of an input', () => {
    const input = { caseId: 'CASE_1', choices: { dataUse: 'FAIR', teaching: true }, signer: { name: 'MAX', relation: 'SELF' } };
    expect(domainInputOf(input, [['choices', 'dataUse'], ['signer', 'relation']])).toEqual({
      caseId: 'CASE_1',
      choices: { dataUse: 'fair', teaching: true },
      signer: { name: 'MAX', relation: 'self' },
    });
    expect(input.choices.dataUse).toBe('FAIR');
  });
});
