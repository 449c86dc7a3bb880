/**
 * What the load balancer says about the rewritten file, said about the user's file: HAProxy's
 * `parsing [<scratch>/haproxy.cfg:17]` and nginx's `in <scratch>/nginx.conf:17` name lines of a
 * file the user never saw, so each is turned back into the line it came from.
 */
import type { RewrittenConfig } from './balanced-backend';

/** `message` with every `<rewrittenPath>:<line>` turned into `<originalName>:<original line>`. */
export function userLines(
  message: string,
  rewrittenPath: string,
  config: RewrittenConfig,
  originalName: string,
): string {
  let out = '';
  let from = 0;
  for (;;) {
    const at = message.indexOf(`${rewrittenPath}:`, from);
    if (at < 0) return out + message.slice(from);
    let end = at + rewrittenPath.length + 1;
    let digits = '';
    while (
      end < message.length &&
      digits.length < 9 &&
      message[end]! >= '0' &&
      message[end]! <= '9'
    ) {
      digits += message[end++];
    }
    out += message.slice(from, at);
    if (digits === '') {
      out += message.slice(at, end);
    } else {
      const original = config.lineMap[Number(digits) - 1] ?? 0;
      out +=
        original > 0
          ? `${originalName}:${original}`
          : `${originalName} (a line test-lb added: ${digits})`;
    }
    from = end;
  }
}

// HAProxy's [ALERT] and nginx's [emerg] lines say what is wrong; the notices around them do not
const COMPLAINT = /\[(ALERT|emerg|alert|crit|error)\]/;

/** What a balancer that would not start said, down to its complaints, about the user's file. */
export function balancerComplaint(
  output: string,
  rewrittenPath: string,
  config: RewrittenConfig,
  originalName: string,
): string {
  const lines = output.trim().split('\n');
  const complaints = lines.filter((l) => COMPLAINT.test(l));
  const said = (complaints.length > 0 ? complaints : lines).join('\n');
  return userLines(said, rewrittenPath, config, originalName)
    .split(rewrittenPath)
    .join(originalName);
}
