/**
 * `npm run serve` as a process: argument errors, the lexicon engine end to
 * end, and exit code 0 after SIGTERM with a request in flight.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function serve(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'utils/cli/serve.ts', ...args], { cwd: process.cwd() });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const m = /listening on (http:\/\/\S+)/.exec(stdout);
      if (m) resolve(m[1]!);
    });
    void exited.then((code) => reject(new Error(`serve exited (${code}) before listening: ${stderr}`)));
  });
  listening.catch(() => {}); // only tests that await it care
  return { child, exited, listening, output: () => ({ stdout, stderr }) };
}

describe('npm run serve', () => {
  it('rejects bad arguments with exit code 2 and a message', async () => {
    const bad = serve(['--port', 'eighty']);
    expect(await bad.exited).toBe(2);
    expect(bad.output().stderr).toMatch(/--port/);
    const unknown = serve(['--engine', 'remote']);
    expect(await unknown.exited).toBe(2);
    expect(unknown.output().stderr).toMatch(/--engine/);
  }, 30_000);

  it('serves the lexicon engine and exits 0 on SIGTERM', async () => {
    const s = serve(['--port', '0', '--engine', 'lexicon']);
    const url = await s.listening;
    expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ status: 'ok', engine: 'lexicon' });
    const res = await fetch(`${url}/v1/detect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ posts: [{ id: '1', text: 'Bought more $ETH today' }] }),
    });
    expect(res.status).toBe(200);
    const [detection] = (await res.json()).results;
    expect(detection).toMatchObject({ id: '1', engine: 'lexicon' });
    expect(detection.coins.map((c: { symbol: string }) => c.symbol)).toContain('ETH');

    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.output().stdout).toMatch(/SIGTERM: finishing/);
  }, 60_000);
});
