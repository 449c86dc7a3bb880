/**
 * A socket.io-client parser for load clients: a `frame` event is stamped on arrival and only
 * its seq and t are read from the text, so a thousand clients in one process do not queue
 * behind each other's JSON.parse of 22 KB (each real viewer parses on its own machine).
 * Every other packet goes through the stock parser.
 */
import { Decoder, Encoder, PacketType } from 'socket.io-parser';

// the hub sends { v, seq, ...frame }: v, seq and t lead every frame event
const FRAME = /^2\["frame",\{"v":1,"seq":(\d+),"t":(\d+)/;

class StampingDecoder extends Decoder {
  override add(obj: unknown): void {
    const m = typeof obj === 'string' ? FRAME.exec(obj) : null;
    if (!m) return super.add(obj);
    this.emitReserved('decoded', {
      type: PacketType.EVENT,
      nsp: '/',
      data: ['frame', { seq: Number(m[1]), t: Number(m[2]) }],
    });
  }
}

export const stampingParser = { Encoder, Decoder: StampingDecoder };
