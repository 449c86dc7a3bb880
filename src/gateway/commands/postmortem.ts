/**
 * `skewboard postmortem <recording|-> [--tz ZONE] [--title T]` (CONTRACT section 3): prints the
 * markdown postmortem draft of a recording. The recording is streamed through the detector as
 * `analyze` reads it, so memory stays flat however long it is. Exit 0; 2 on a bad recording,
 * naming its line.
 */
import { basename } from 'node:path';
import { writePostmortemDraft } from '../../core/postmortem/draft';
import { factsReader } from '../../core/postmortem/draft-from-recording';
import { defineCommand } from '../command-line/command';
import { checkedZone } from '../command-line/zone-flag';
import { RecordingFileError, STDIN, streamRecording } from '../read-recording';

export const postmortemCommand = defineCommand(
  {
    name: 'postmortem',
    summary: 'prints a markdown postmortem draft of a recording: summary, impact, timeline',
    operands: [
      { name: '<recording|->', about: 'recording: a file (.ndjson or .ndjson.gz), or - for stdin' },
    ],
    options: {
      tz: {
        type: 'string',
        placeholder: 'ZONE',
        help: "the zone times are written in (default: the recording's hello.tz)",
      },
      title: {
        type: 'string',
        placeholder: 'T',
        help: 'the title (default: what fired, and where)',
      },
    },
    notes: [
      'exit 0: the draft printed (one that says nothing fired included), 2: bad input (naming the file and line)',
    ],
  },
  async (options, [recording]) => {
    const tz = checkedZone(options.tz);
    const { read, facts } = factsReader();
    try {
      const streamed = await streamRecording(recording!, read);
      if (streamed.warning)
        console.error(`skewboard: ${streamed.name}: warning: ${streamed.warning}`);
    } catch (err) {
      if (!(err instanceof RecordingFileError)) throw err;
      console.error(`skewboard: ${err.message}`);
      return 2;
    }
    const draft = writePostmortemDraft(facts.facts(), {
      ...(tz !== undefined && { tz }),
      ...(options.title !== undefined && { title: options.title }),
      source: recording === STDIN ? 'standard input' : basename(recording!),
    });
    process.stdout.write(draft);
    return 0;
  },
);
