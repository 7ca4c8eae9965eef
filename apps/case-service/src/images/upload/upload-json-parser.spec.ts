import { UPLOAD_ROUTES } from './upload-json-parser';
import { base64JsonLimit } from './upload-limits';

describe('upload JSON parser', () => {
  const matches = (path: string) => UPLOAD_ROUTES.some((r) => r.test(path));
  it('covers the upload routes only', () => {
    expect(['/api/v1/cases/abc/images', '/api/v1/cases/abc/documents/', '/api/v1/analyses'].every(matches)).toBe(true);
    expect(['/api/v1/cases', '/api/v1/cases/abc', '/api/v1/images/x', '/api/v1/cases/a/b/images', '/graphql'].some(matches)).toBe(false);
  });
  it('fits the base64 of the largest file plus metadata', () => {
    expect(base64JsonLimit(3)).toBe(4 + 64 * 1024);
    expect(base64JsonLimit(20 * 1024 * 1024)).toBeGreaterThan((20 * 1024 * 1024 * 4) / 3);
  });
});
