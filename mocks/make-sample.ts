/**
 * `npm run sample`: writes the sample recording (mocks/sample-recording.ts) into public/.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SAMPLE_PATH, sampleRecording } from './sample-recording';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const gz = gzipSync(sampleRecording(), { level: 9 });
writeFileSync(join(root, SAMPLE_PATH), gz);
console.log(`${SAMPLE_PATH}: ${gz.byteLength} bytes`);
