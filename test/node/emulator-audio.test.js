// @ts-check
// The emulator's generated audio: real WAV files a browser decodes, with Range for seeking.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './helpers.js';
import { createTrack, parseRange, rootFrequency, SAMPLE_RATE } from '../../cli/emulator/audio.js';

/**
 * Reads a RIFF/WAVE header and returns its format and data length.
 * @param {Buffer} bytes
 */
function parseWav(bytes) {
  assert.equal(bytes.toString('ascii', 0, 4), 'RIFF');
  assert.equal(bytes.readUInt32LE(4), bytes.length - 8, 'RIFF size');
  assert.equal(bytes.toString('ascii', 8, 12), 'WAVE');
  assert.equal(bytes.toString('ascii', 12, 16), 'fmt ');
  assert.equal(bytes.toString('ascii', 36, 40), 'data');
  return {
    format: bytes.readUInt16LE(20),
    channels: bytes.readUInt16LE(22),
    sampleRate: bytes.readUInt32LE(24),
    bitsPerSample: bytes.readUInt16LE(34),
    dataBytes: bytes.readUInt32LE(40),
  };
}

/** The dominant frequency of 16-bit samples, by counting upward zero crossings. */
function zeroCrossingRate(/** @type {Buffer} */ pcm) {
  let crossings = 0;
  for (let i = 2; i + 1 < pcm.length; i += 2) if (pcm.readInt16LE(i - 2) < 0 && pcm.readInt16LE(i) >= 0) crossings++;
  return crossings / (pcm.length / 2 / SAMPLE_RATE);
}

describe('emulator audio', () => {
  /** @type {Awaited<ReturnType<typeof start>>} */
  let t;
  before(async () => {
    t = await start();
  });
  after(() => t.emulator.close());

  test('a preview is about 30 s of 8 kHz mono 16-bit PCM WAV, with the right headers', async () => {
    const response = await fetch(`${t.origin}/audio/preview/1000000001.wav`, { headers: { Origin: 'http://localhost:8000' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'audio/wav');
    assert.equal(response.headers.get('accept-ranges'), 'bytes');
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:8000');
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.equal(Number(response.headers.get('content-length')), bytes.length);
    const wav = parseWav(bytes);
    assert.deepEqual(
      { ...wav, dataBytes: undefined },
      { format: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16, dataBytes: undefined },
    );
    assert.equal(wav.dataBytes, bytes.length - 44);
    assert.equal(wav.dataBytes / 2 / SAMPLE_RATE, 30);
    // Not silence.
    let peak = 0;
    for (let i = 44; i < bytes.length; i += 2) peak = Math.max(peak, Math.abs(bytes.readInt16LE(i)));
    assert.ok(peak > 4000, `peak ${peak}`);
  });

  test("full length lasts the song's durationInMillis, for catalog and library ids", async () => {
    const song = /** @type {import('../../cli/emulator/catalog.js').CatalogSong} */ (t.emulator.state.catalog.songs.get('1000000001'));
    const head = await fetch(`${t.origin}/audio/full/1000000001.wav`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    const samples = (Number(head.headers.get('content-length')) - 44) / 2;
    assert.equal(samples, Math.round((song.durationInMillis / 1000) * SAMPLE_RATE));
    const upload = t.emulator.state.library.lists.songs.find((s) => !(/** @type {any} */ (s.attributes.playParams).catalogId));
    const uploadHead = await fetch(`${t.origin}/audio/full/${upload?.id}.wav`, { method: 'HEAD' });
    assert.equal(uploadHead.status, 200, 'uploads play full length too');
    assert.equal((await fetch(`${t.origin}/audio/preview/${upload?.id}.wav`)).status, 404, 'uploads have no preview');
  });

  test('Range requests answer 206 with Content-Range, and the bytes match the whole file', async () => {
    const whole = Buffer.from(await (await fetch(`${t.origin}/audio/preview/1000000003.wav`)).arrayBuffer());
    for (const [range, start, end] of [
      ['bytes=0-43', 0, 43],
      ['bytes=1001-70000', 1001, 70000],
      ['bytes=200000-', 200000, whole.length - 1],
      ['bytes=-100', whole.length - 100, whole.length - 1],
    ]) {
      const response = await fetch(`${t.origin}/audio/preview/1000000003.wav`, { headers: { Range: String(range) } });
      assert.equal(response.status, 206, String(range));
      assert.equal(response.headers.get('content-range'), `bytes ${start}-${end}/${whole.length}`);
      const part = Buffer.from(await response.arrayBuffer());
      assert.equal(Number(response.headers.get('content-length')), part.length);
      assert.ok(part.equals(whole.subarray(Number(start), Number(end) + 1)), String(range));
    }
    const beyond = await fetch(`${t.origin}/audio/preview/1000000003.wav`, { headers: { Range: `bytes=${whole.length}-` } });
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers.get('content-range'), `bytes */${whole.length}`);
  });

  test('parseRange handles the forms browsers send and refuses nonsense', () => {
    assert.equal(parseRange(undefined, 100), null);
    assert.deepEqual(parseRange('bytes=0-', 100), { start: 0, end: 99 });
    assert.deepEqual(parseRange('bytes=10-2000', 100), { start: 10, end: 99 });
    assert.deepEqual(parseRange('bytes=-500', 100), { start: 0, end: 99 });
    for (const bad of ['bytes=-', 'bytes=50-10', 'bytes=100-', 'items=0-1', 'bytes=-0'])
      assert.equal(parseRange(bad, 100), 'unsatisfiable', bad);
  });

  test('each id has its own melody: the tracks differ and their pitch follows the id', () => {
    const a = createTrack('1000000001', 2);
    const b = createTrack('1000000004', 2);
    assert.ok(!a.bytes(44, a.size - 1).equals(b.bytes(44, b.size - 1)));
    // Deterministic: the same id always gives the same bytes.
    assert.ok(a.bytes(0, a.size - 1).equals(createTrack('1000000001', 2).bytes(0, a.size - 1)));
    // The pitch stays within the scale above the id's root (up to two octaves).
    const rate = zeroCrossingRate(a.bytes(44, a.size - 1));
    const root = rootFrequency('1000000001');
    assert.ok(rate >= root * 0.9 && rate <= root * 2.6, `${rate} Hz vs root ${root} Hz`);
  });

  test('unknown ids and other paths are 404; only GET and HEAD', async () => {
    for (const path of ['/audio/preview/42.wav', '/audio/full/i.nope.wav', '/audio/preview/1000000002.wav', '/audio/full/1000000001.mp3']) {
      assert.equal((await fetch(`${t.origin}${path}`)).status, 404, path);
    }
    assert.equal((await fetch(`${t.origin}/audio/full/1000000001.wav`, { method: 'POST' })).status, 405);
  });

  test('audio requests are logged and can be broken with a fault', async () => {
    await t.post('/_emulator/reset');
    await t.post('/_emulator/faults', { path: '/audio/preview/1000000001.wav', status: 503 });
    assert.equal((await fetch(`${t.origin}/audio/preview/1000000001.wav`)).status, 503);
    assert.equal((await fetch(`${t.origin}/audio/preview/1000000001.wav`)).status, 200);
    const { requests } = await (await fetch(`${t.origin}/_emulator/requests?path=/audio/`)).json();
    assert.deepEqual(
      requests.map((/** @type {any} */ r) => r.status),
      [503, 200],
    );
  });

  test('a client that stops reading mid-song does not stall the emulator', async () => {
    const controller = new AbortController();
    const response = await fetch(`${t.origin}/audio/full/1000000001.wav`, { signal: controller.signal });
    const reader = /** @type {ReadableStream<Uint8Array>} */ (response.body).getReader();
    await reader.read();
    controller.abort();
    const next = await fetch(`${t.origin}/audio/preview/1000000001.wav`, { headers: { Range: 'bytes=0-99' } });
    assert.equal(next.status, 206);
  });
});
