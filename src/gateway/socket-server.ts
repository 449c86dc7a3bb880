/**
 * The gateway's Socket.IO server, with the door policy for both transports: a browser page
 * from a foreign origin is refused at the handshake, and no client message may be large.
 */
import { Server } from 'socket.io';
import { originAllowed, type OriginPolicy } from './security/origin';

/**
 * The largest message a client may send before its connection is closed. A note at its
 * limits is ~12 KB of JSON; a larger one (a 900 KB `source`) still gets an answer naming the
 * field that is too long, and only a message past this one is cut off.
 */
export const MAX_CLIENT_MESSAGE_BYTES = 1_000_000;

export function socketServer(origins: OriginPolicy): Server {
  return new Server({
    serveClient: false,
    maxHttpBufferSize: MAX_CLIENT_MESSAGE_BYTES,
    // socket.io's cors option only sets the polling transport's headers, and a WebSocket
    // handshake ignores CORS: every handshake is judged here, on both transports
    allowRequest: (req, callback) => {
      const ok = originAllowed(req.headers.origin, req.headers.host, origins);
      callback(ok ? null : 'forbidden origin', ok);
    },
    cors: { origin: [...origins.allowed] },
  });
}
