// @ts-check
// Generated audio: 8 kHz mono 16-bit PCM WAV, computed on the fly for any byte range, so a
// seven-minute song costs nothing until a browser asks for a part of it. Each id plays its own
// melody (root note and pattern from a hash of the id), so tests can tell tracks apart.
import { hash, prng } from './random.js';

export const SAMPLE_RATE = 8000;
const BYTES_PER_SAMPLE = 2;
const HEADER_BYTES = 44;
/** One note every quarter second; a pentatonic scale so every pattern sounds like music. */
const NOTE_SAMPLES = SAMPLE_RATE / 4;
const SCALE = [0, 2, 4, 7, 9, 12, 14, 16];
const ATTACK_SAMPLES = 80;
const AMPLITUDE = 0.28 * 32767;
const CHUNK_BYTES = 64 * 1024;

/**
 * The root frequency (Hz) of an id's melody: one of 12 semitones above 196 Hz (G3).
 * @param {string} id
 */
export const rootFrequency = (id) => 196 * 2 ** ((hash(id) % 12) / 12);

/**
 * The 44-byte RIFF/WAVE header of a mono 16-bit PCM file with `samples` samples.
 * @param {number} samples
 */
export function wavHeader(samples) {
  const dataBytes = samples * BYTES_PER_SAMPLE;
  const header = Buffer.alloc(HEADER_BYTES);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * BYTES_PER_SAMPLE, 28);
  header.writeUInt16LE(BYTES_PER_SAMPLE, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/**
 * A track: `seconds` of an id's melody, starting `offsetSeconds` into it (a preview is an
 * excerpt of the full song, as Apple's are).
 * @param {string} id
 * @param {number} seconds
 * @param {number} [offsetSeconds]
 */
export function createTrack(id, seconds, offsetSeconds = 0) {
  const samples = Math.max(1, Math.round(seconds * SAMPLE_RATE));
  const firstSample = Math.round(offsetSeconds * SAMPLE_RATE);
  const root = rootFrequency(id);
  const seed = hash(id);
  /** @type {Map<number, number>} */
  const notes = new Map();
  const frequencyOf = (/** @type {number} */ note) => {
    let frequency = notes.get(note);
    if (frequency === undefined) {
      const random = prng((seed + Math.imul(note, 0x9e3779b1)) >>> 0);
      frequency = root * 2 ** (SCALE[Math.floor(random() * SCALE.length)] / 12);
      if (notes.size > 256) notes.clear();
      notes.set(note, frequency);
    }
    return frequency;
  };
  const header = wavHeader(samples);
  return {
    size: HEADER_BYTES + samples * BYTES_PER_SAMPLE,
    seconds: samples / SAMPLE_RATE,
    /**
     * Bytes `start` to `end` inclusive of the file.
     * @param {number} start
     * @param {number} end
     */
    bytes(start, end) {
      const out = Buffer.alloc(end - start + 1);
      if (start < HEADER_BYTES) header.copy(out, 0, start, Math.min(HEADER_BYTES, end + 1));
      // Whole samples covering the range, then copy the wanted bytes out of them.
      const from = Math.max(0, Math.floor((start - HEADER_BYTES) / BYTES_PER_SAMPLE));
      const to = Math.floor((end - HEADER_BYTES) / BYTES_PER_SAMPLE);
      if (to < from || end < HEADER_BYTES) return out;
      const pcm = Buffer.alloc((to - from + 1) * BYTES_PER_SAMPLE);
      for (let s = from; s <= to; s++) {
        const n = firstSample + s;
        const note = Math.floor(n / NOTE_SAMPLES);
        const within = n - note * NOTE_SAMPLES;
        // Rise, then fall to silence by the note's end: no clicks between notes.
        const envelope = Math.min(1, within / ATTACK_SAMPLES) * (1 - within / NOTE_SAMPLES) ** 2;
        const phase = (2 * Math.PI * frequencyOf(note) * within) / SAMPLE_RATE;
        const value = AMPLITUDE * envelope * (Math.sin(phase) + 0.3 * Math.sin(2 * phase));
        pcm.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(value))), (s - from) * BYTES_PER_SAMPLE);
      }
      const pcmStart = HEADER_BYTES + from * BYTES_PER_SAMPLE;
      const copyFrom = Math.max(start, pcmStart);
      pcm.copy(out, copyFrom - start, copyFrom - pcmStart, end + 1 - pcmStart);
      return out;
    },
  };
}

/**
 * Parses a `Range` header against a file of `size` bytes: the first range only (browsers ask
 * for one), `null` when there is none, or 'unsatisfiable'.
 * @param {string | undefined} header
 * @param {number} size
 * @returns {{start: number, end: number} | null | 'unsatisfiable'}
 */
export function parseRange(header, size) {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)(?:,.*)?$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return 'unsatisfiable';
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/**
 * Answers GET/HEAD for a track with Range support (206), so `<audio>` can seek.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {ReturnType<typeof createTrack>} track
 */
export async function sendTrack(req, res, track) {
  const range = parseRange(req.headers.range, track.size);
  const headers = {
    'Content-Type': 'audio/wav',
    'Accept-Ranges': 'bytes',
    // Generated from the seed: another emulator on this port may answer differently.
    'Cache-Control': 'no-store',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  };
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${track.size}`, 'Content-Length': '0' });
    return res.end();
  }
  const { start, end } = range ?? { start: 0, end: track.size - 1 };
  res.writeHead(range ? 206 : 200, {
    ...headers,
    'Content-Length': String(end - start + 1),
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${track.size}` } : {}),
  });
  if (req.method === 'HEAD') return res.end();
  for (let at = start; at <= end && !res.destroyed; at += CHUNK_BYTES) {
    const more = res.write(track.bytes(at, Math.min(end, at + CHUNK_BYTES - 1)));
    // Browsers read media slowly and often abandon a request: wait for the socket, stop if closed.
    if (!more) await drainOrClose(res);
  }
  if (!res.destroyed) res.end();
}

/** @param {import('node:http').ServerResponse} res */
function drainOrClose(res) {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve(undefined);
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
