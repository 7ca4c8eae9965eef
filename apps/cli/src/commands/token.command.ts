import { Role } from '@gmdb/domain';
import { DevTokenIssuer, type Env, loadConfig, platformConfigSchema } from '@gmdb/platform';
import { type Command, InvalidArgumentError } from 'commander';

const ROLES = Object.values(Role) as string[];

function parseRole(value: string, previous: Role[] = []): Role[] {
  if (!ROLES.includes(value)) throw new InvalidArgumentError(`unknown role; one of ${ROLES.join(', ')}`);
  return [...previous, value as Role];
}

/** A development JWT for the environment's HS256 secret, or undefined when tokens come from a JWKS. */
export async function developmentTokenFor(
  env: Env,
  request: { subject: string; roles: Role[] | string[]; institutionId?: string; expiresIn?: string },
): Promise<string | undefined> {
  const config = loadConfig(platformConfigSchema, env);
  const issuer = DevTokenIssuer.fromConfig(config);
  if (!issuer.canIssue) return undefined;
  return issuer.issue({
    subject: request.subject,
    roles: request.roles as Role[],
    institutionId: request.institutionId,
    expiresIn: request.expiresIn ?? '12h',
  });
}

/** `gmdb token`: mint a development JWT (HS256 with AUTH_JWT_SECRET) for a role and subject. */
export function registerTokenCommand(program: Command, env: Env): void {
  program
    .command('token')
    .description('mint a development JWT signed with AUTH_JWT_SECRET (standalone mode and tests)')
    .requiredOption('--role <role>', `a role (repeat for several): ${ROLES.join(', ')}`, parseRole)
    .option('--subject <id>', 'the user id (JWT sub)', 'dev-user')
    .option('--institution <id>', 'the user\u2019s institution')
    .option('--expires-in <span>', 'lifetime, e.g. 15m, 12h, 7d', '12h')
    .action(async (options: { role: Role[]; subject: string; institution?: string; expiresIn: string }) => {
      const token = await developmentTokenFor(env, {
        subject: options.subject,
        roles: options.role,
        institutionId: options.institution,
        expiresIn: options.expiresIn,
      });
      if (!token) program.error('AUTH_JWKS_URL is set: user tokens come from the identity provider', { exitCode: 78 });
      process.stdout.write(`${token}\n`);
    });
}
