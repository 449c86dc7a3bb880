/**
 * `skewboard analyze <recording|-> [--config FILE]` (CONTRACT section 3): the detector over a recording, one
 * JSON line per alert transition. Exit 0: nothing fired; 1: something did; 2: bad input.
 */
import { createDetector } from '../../core/detector';
import { parseArgs, UsageError } from '../args';
import { readDetectorConfig } from '../detector-config-file';
import { readRecording, RecordingFileError, type LoadedRecording } from '../read-recording';

export async function analyze(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['config']);
  const { positional } = args;
  const overrides = readDetectorConfig(args.flags.get('config'));
  if (positional.length !== 1) {
    throw new UsageError('analyze takes one recording: a file, or - for stdin');
  }
  let recording: LoadedRecording;
  try {
    recording = await readRecording(positional[0]!);
  } catch (err) {
    if (!(err instanceof RecordingFileError)) throw err;
    console.error(`skewboard: ${err.message}`);
    return 2;
  }
  if (recording.warning)
    console.error(`skewboard: ${recording.name}: warning: ${recording.warning}`);

  const detector = createDetector(overrides);
  const lines: string[] = [];
  let fired = false;
  for (const { type, payload } of recording.payloads) {
    if (type === 'hello') detector.hello(payload);
    if (type !== 'frame') continue;
    for (const event of detector.frame(payload)) {
      fired ||= event.state === 'firing';
      lines.push(JSON.stringify(event) + '\n');
    }
  }
  process.stdout.write(lines.join(''));
  return fired ? 1 : 0;
}
