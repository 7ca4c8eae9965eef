import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerModelCommand } from './model.command';

jest.setTimeout(60_000);

async function run(...args: string[]): Promise<string> {
  const program = new Command('gmdb').exitOverride().configureOutput({ writeErr: () => undefined });
  registerModelCommand(program);
  const printed: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    await program.parseAsync(['node', 'gmdb', ...args]);
  } finally {
    spy.mockRestore();
  }
  return printed.join('');
}

describe('gmdb model', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'gmdb-model-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generate: the same arch and seed give the same bytes; another seed other bytes', async () => {
    const a = JSON.parse(await run('model', 'generate', '--arch', 'r18', '--seed', '7', '--out', join(dir, 'a.onnx'))) as { sha256: string; bytes: number };
    const b = JSON.parse(await run('model', 'generate', '--arch', 'r18', '--seed', '7', '--out', join(dir, 'b.onnx'))) as { sha256: string };
    const c = JSON.parse(await run('model', 'generate', '--arch', 'r18', '--seed', '8', '--out', join(dir, 'c.onnx'))) as { sha256: string };
    expect(readFileSync(join(dir, 'a.onnx')).equals(readFileSync(join(dir, 'b.onnx')))).toBe(true);
    expect(b.sha256).toBe(a.sha256);
    expect(c.sha256).not.toBe(a.sha256);
    expect(a.bytes).toBeGreaterThan(50_000_000);
  });

  it('refuses an unknown architecture or a bad seed (usage error)', async () => {
    await expect(run('model', 'generate', '--arch', 'r99', '--out', join(dir, 'x.onnx'))).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    await expect(run('model', 'generate', '--arch', 'r18', '--seed', '-1', '--out', join(dir, 'x.onnx'))).rejects.toMatchObject({ code: 'commander.invalidArgument' });
  });
});

describe('gmdb model manifest', () => {
  it('prints the manifest of the generated test ensemble (cached models under var/models)', async () => {
    const modelDir = join(__dirname, '..', '..', '..', '..', 'var', 'models');
    const printed = JSON.parse(await run('model', 'manifest', '--preset', 'test', '--slots', '12', '--dir', modelDir)) as { slots: number; models: { sha256: string }[]; manifest: string };
    expect(printed.slots).toBe(12);
    expect(printed.models).toHaveLength(3);
    expect(printed.models.every((m) => /^[0-9a-f]{64}$/.test(m.sha256))).toBe(true);
    expect(JSON.parse(readFileSync(printed.manifest, 'utf8'))).toMatchObject({ generatedWeights: true, ensemble: { slots: 12 } });
  });
});
