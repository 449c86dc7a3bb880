/**
 * The sample recording shipped in public/: the 2024-05-15 incident from 09:30 to 12:30 (UTC-4),
 * as the gateway would have recorded it, for a newcomer to review without running anything.
 */
import { recordScenario } from './record-scenario';
import { lbMisconfig } from './scenarios/lb-misconfig';

export const SAMPLE_PATH = 'public/samples/2024-05-15-lb-misconfig.ndjson.gz';

/** three hours of 10 s frames */
export const sampleRecording = (): string => recordScenario(lbMisconfig, { frames: 1080 });
