// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fakeDeveloperToken } from './helpers.js';

const CLI = fileURLToPath(new URL('../../cli/am-elements.js', import.meta.url));

test('`am-elements emulator` serves until interrupted and says it is local only', async () => {
  const child = spawn(process.execPath, [CLI, 'emulator', '--port', '0', '--size', '50', '--seed', '3', '--latency', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const origin = await new Promise((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /Apple Music emulator listening on (http:\/\/127\.0\.0\.1:\d+) \(local only\)/.exec(output);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
    const { musicUserToken } = await (await fetch(`${origin}/_emulator/issue`, { method: 'POST' })).json();
    const response = await fetch(`${origin}/v1/me/library/songs?limit=100`, {
      headers: { Authorization: `Bearer ${fakeDeveloperToken()}`, 'Music-User-Token': musicUserToken },
    });
    assert.equal(response.status, 200);
    assert.equal((await response.json()).meta.total, 50 - 4 - 8 - 2 - 2);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    assert.equal(await exited, 0);
  }
});

test('`am-elements emulator` refuses malformed options with exit code 2', () => {
  for (const args of [['--port', 'abc'], ['--size', '-5'], ['--latency', '1.5'], ['--storefront', 'usa'], ['--nope']]) {
    const result = spawnSync(process.execPath, [CLI, 'emulator', ...args], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(result.status, 2, args.join(' '));
    assert.match(result.stderr, /am-elements: /);
  }
});
