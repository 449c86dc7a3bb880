/**
 * `skewboard analyze <recording|-> [--config FILE]` (CONTRACT section 3): the detector over a recording, one
 * JSON line per alert transition. Exit 0: nothing fired; 1: something did; 2: bad input.
 */
import { createAlertFeed, type DetectorOverrides } from '../../core/detector';
import { defineCommand } from '../command-line/command';
import { readDetectorConfig } from '../detector-config-file';
import { RecordingFileError, streamRecording, type StreamedRecording } from '../read-recording';

export const analyzeCommand = defineCommand(
  {
    name: 'analyze',
    summary: 'runs the detector over a recording and prints one JSON line per alert transition',
    operands: [
      { name: '<recording|->', about: 'recording: a file (.ndjson or .ndjson.gz), or - for stdin' },
    ],
    options: {
      config: {
        type: 'string',
        placeholder: 'FILE',
        help: "JSON overrides of the detector's defaults",
      },
    },
    notes: ['exit 0: no alert fired, 1: one fired, 2: bad input (naming the file and line)'],
  },
  async (options, [recording]) => run(recording!, readDetectorConfig(options.config)),
);

async function run(recording: string, overrides: DetectorOverrides): Promise<number> {
  const feed = createAlertFeed(overrides);
  let fired = false;
  let read: StreamedRecording;
  try {
    // the detector runs as the lines are read, so memory stays flat however long the file;
    // an alert line goes out when it happens, and a bad line later still ends with exit 2
    read = await streamRecording(recording, (payload) => {
      for (const event of feed(payload)) {
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
