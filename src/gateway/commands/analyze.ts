/**
 * `skewboard analyze <recording|-> [--config FILE]` (CONTRACT section 3): the detector over a recording, one
 * JSON line per alert transition. Exit 0: nothing fired; 1: something did; 2: bad input.
 */
import { createDetector } from '../../core/detector';
import { parseArgs, UsageError } from '../args';
import { readDetectorConfig } from '../detector-config-file';
import { RecordingFileError, streamRecording, type StreamedRecording } from '../read-recording';

export async function analyze(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['config']);
  const { positional } = args;
  const overrides = readDetectorConfig(args.flags.get('config'));
  if (positional.length !== 1) {
    throw new UsageError('analyze takes one recording: a file, or - for stdin');
  }
  const detector = createDetector(overrides);
  let fired = false;
  let read: StreamedRecording;
  try {
    // the detector runs as the lines are read, so memory stays flat however long the file;
    // an alert line goes out when it happens, and a bad line later still ends with exit 2
    read = await streamRecording(positional[0]!, ({ type, payload }) => {
      if (type === 'hello') detector.hello(payload);
      if (type !== 'frame') return;
      for (const event of detector.frame(payload)) {
        fired ||= event.state === 'firing';
        process.stdout.write(JSON.stringify(event) + '\n');
      }
    });
  } catch (err) {
    if (!(err instanceof RecordingFileError)) throw err;
    console.error(`skewboard: ${err.message}`);
    return 2;
  }
  if (read.warning) console.error(`skewboard: ${read.name}: warning: ${read.warning}`);
  return fired ? 1 : 0;
}
