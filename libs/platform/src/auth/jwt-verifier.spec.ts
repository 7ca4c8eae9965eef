import { webcrypto } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { DomainError, ErrorCode, Role } from '@gmdb/domain';
import { DevTokenIssuer } from './dev-token.issuer';
import { JwtVerifier } from './jwt-verifier';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const enc = (s: string) => new TextEncoder().encode(s);

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError');
}

function hs256(claims: Record<string, unknown>) {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('user-1').setIssuedAt();
}

describe('JwtVerifier (HS256)', () => {
  const verifier = new JwtVerifier({ secret: SECRET, issuer: 'gmdb-test', audience: 'gmdb' });

  it('accepts a valid token, keeps known roles and ignores unknown ones', async () => {
    const token = await hs256({ roles: ['clinician', 'superuser', 'admin'], institution: 'inst-7', case_ids: ['c1'] })
      .setIssuer('gmdb-test')
      .setAudience('gmdb')
      .setExpirationTime('5m')
      .sign(enc(SECRET));
    await expect(verifier.verify(token)).resolves.toEqual({
      kind: 'user',
      subject: 'user-1',
      roles: [Role.Clinician, Role.Admin],
      institutionId: 'inst-7',
      caseIds: ['c1'],
    });
  });

  it('refuses expired tokens, wrong secrets, wrong issuer or audience, and tokens without exp', async () => {
    const base = () => hs256({ roles: ['registered'] }).setIssuer('gmdb-test').setAudience('gmdb');
    const expired = await base().setExpirationTime(Math.floor(Date.now() / 1000) - 120).sign(enc(SECRET));
    expect(await codeOf(verifier.verify(expired))).toBe(ErrorCode.TOKEN_EXPIRED);
    const wrongSecret = await base().setExpirationTime('5m').sign(enc('another-secret-that-is-long-enough-0000'));
    expect(await codeOf(verifier.verify(wrongSecret))).toBe(ErrorCode.TOKEN_INVALID);
    const wrongIssuer = await hs256({}).setIssuer('evil').setAudience('gmdb').setExpirationTime('5m').sign(enc(SECRET));
    expect(await codeOf(verifier.verify(wrongIssuer))).toBe(ErrorCode.TOKEN_INVALID);
    const wrongAudience = await hs256({}).setIssuer('gmdb-test').setAudience('other').setExpirationTime('5m').sign(enc(SECRET));
    expect(await codeOf(verifier.verify(wrongAudience))).toBe(ErrorCode.TOKEN_INVALID);
    const noExp = await base().sign(enc(SECRET));
    expect(await codeOf(verifier.verify(noExp))).toBe(ErrorCode.TOKEN_INVALID);
    expect(await codeOf(verifier.verify('not.a.jwt'))).toBe(ErrorCode.TOKEN_INVALID);
  });

  it('refuses alg none', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + 300;
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'root', roles: ['admin'], iss: 'gmdb-test', aud: 'gmdb', exp })}.`;
    expect(await codeOf(verifier.verify(unsigned))).toBe(ErrorCode.TOKEN_INVALID);
  });

  it('reads roles and institution from dotted claim paths (Keycloak)', async () => {
    const keycloak = new JwtVerifier({ secret: SECRET, rolesClaim: 'realm_access.roles', institutionClaim: 'gmdb.institution' });
    const token = await hs256({ realm_access: { roles: ['curator', 'offline_access'] }, gmdb: { institution: 'i-1' } })
      .setExpirationTime('5m')
      .sign(enc(SECRET));
    await expect(keycloak.verify(token)).resolves.toMatchObject({ roles: [Role.Curator], institutionId: 'i-1' });
  });
});

describe('DevTokenIssuer', () => {
  it('mints tokens the verifier accepts, with nested claim paths', async () => {
    const options = { secret: SECRET, issuer: 'gmdb-dev', audience: 'gmdb', rolesClaim: 'realm_access.roles' };
    const token = await new DevTokenIssuer(options).issue({
      subject: 'dr-who',
      roles: [Role.Clinician],
      institutionId: 'inst-1',
      expiresIn: '10m',
    });
    await expect(new JwtVerifier(options).verify(token)).resolves.toEqual({
      kind: 'user',
      subject: 'dr-who',
      roles: [Role.Clinician],
      institutionId: 'inst-1',
    });
  });

  it('refuses to issue without a secret', async () => {
    const issuer = DevTokenIssuer.fromConfig({ AUTH_JWKS_URL: 'https://idp/certs', AUTH_ROLES_CLAIM: 'roles', AUTH_INSTITUTION_CLAIM: 'institution' });
    expect(issuer.canIssue).toBe(false);
    await expect(issuer.issue({ subject: 's', roles: [] })).rejects.toThrow(/AUTH_JWT_SECRET/);
  });
});

describe('JwtVerifier (JWKS)', () => {
  let server: Server;
  let url: string;
  let privateKey: webcrypto.CryptoKey;
  let otherKey: webcrypto.CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    server = createServer((req, res) => {
      if (req.url === '/certs') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [jwk] }));
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const rs256 = (key: webcrypto.CryptoKey, kid = 'key-1') =>
    new SignJWT({ roles: ['researcher'] })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('kc-user')
      .setIssuer('https://idp.example.org/realms/gmdb')
      .setExpirationTime('5m')
      .sign(key);

  it('verifies RS256 tokens against the keys served by the JWKS endpoint', async () => {
    const verifier = new JwtVerifier({ jwksUrl: `${url}/certs`, issuer: 'https://idp.example.org/realms/gmdb' });
    await expect(verifier.verify(await rs256(privateKey))).resolves.toEqual({ kind: 'user', subject: 'kc-user', roles: [Role.Researcher] });
    expect(await codeOf(verifier.verify(await rs256(otherKey)))).toBe(ErrorCode.TOKEN_INVALID);
    expect(await codeOf(verifier.verify(await rs256(otherKey, 'unknown-kid')))).toBe(ErrorCode.TOKEN_INVALID);
  });

  it('refuses HS256 tokens when configured with a JWKS (algorithm confusion)', async () => {
    const verifier = new JwtVerifier({ jwksUrl: `${url}/certs` });
    const token = await hs256({}).setExpirationTime('5m').sign(enc(SECRET));
    expect(await codeOf(verifier.verify(token))).toBe(ErrorCode.TOKEN_INVALID);
  });

  it('answers SERVICE_UNAVAILABLE when the JWKS endpoint cannot be reached', async () => {
    const verifier = new JwtVerifier({ jwksUrl: 'http://127.0.0.1:1/certs', jwksTimeoutMs: 500 });
    expect(await codeOf(verifier.verify(await rs256(privateKey)))).toBe(ErrorCode.SERVICE_UNAVAILABLE);
  });
});
