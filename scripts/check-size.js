// Prints the shipped bundle's size, raw and gzip (-9), the way SPEC §7 measures it.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const file = 'dist/am-elements.js';
const code = readFileSync(file);
const gzip = gzipSync(code, { level: 9 }).length;
console.log(`${file}: ${(code.length / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(2)} KB gzip (${gzip} bytes)`);
