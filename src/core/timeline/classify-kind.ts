/**
 * The kind of a timeline entry, from its words. One entry often names two stages ("noticed a
 * spike while investigating"): the rules are in order of how far the incident has got, and the
 * first that matches wins, so that entry is `investigating`, not `detected`.
 */
import type { AnnotationKind } from '../protocol/protocol';

export interface KindRule {
  kind: AnnotationKind;
  /** phrases, matched as whole words, case-insensitively */
  words: readonly RegExp[];
}

/** The rules, most advanced stage first. */
export const KIND_RULES: readonly KindRule[] = [
  {
    kind: 'resolved',
    words: [
      /resolved/,
      /fixed/,
      /fix (?:was |has been |is )?(?:deployed|applied|implemented|rolled out|released)/,
      /(?:deployed|applied|shipped|pushed|released) (?:a |the )?(?:fix|patch|hotfix)/,
      /restored/,
      /recovered/,
      /mitigated/,
      /mitigation (?:was |has been )?(?:applied|deployed|completed?|in place)/,
      /rolled back/,
      /rollback (?:was |has been )?(?:completed?|finished|done)/,
      /reverted/,
      /corrected/,
      /(?:back|returns?|returned) to normal/,
      /all[- ]clear/,
      /(?:incident|outage) (?:closed|ended|ends|over)/,
    ],
  },
  {
    kind: 'identified',
    words: [
      /identified/,
      /root[- ]caused/,
      /(?:root )?cause (?:was |has been )?(?:found|determined|confirmed|located|identified)/,
      /found the (?:root )?cause/,
      /determined/,
      /pinpointed/,
      /narrowed (?:it |this |the problem )?down/,
    ],
  },
  {
    kind: 'escalated',
    words: [
      /escalat\w*/,
      /paged (?:the |in )?(?:[\w-]+ ){1,2}team/,
      /paged in/,
      /engaged/,
      /(?:brought|pulled|called) in/,
      /declared (?:an? |the )?(?:major |sev ?\d+ |p\d )?incident/,
      /incident (?:was )?declared/,
      /incident commander/,
    ],
  },
  {
    kind: 'investigating',
    words: [
      /investigat\w*/,
      /look(?:ing|ed) into/,
      /analy[sz]\w*/,
      /diagnos\w*/,
      /debugg\w*/,
      /triag\w*/,
      /troubleshoot\w*/,
      /examin\w*/,
      /acknowledged/,
    ],
  },
  {
    kind: 'detected',
    words: [
      /detected/,
      /alerted/,
      /alerts? (?:fired|triggered|went off)/,
      /firing/,
      /triggered/,
      /paged/,
      /pager/,
      /noticed/,
      /reported/,
      /spotted/,
      /observed/,
      /became aware/,
    ],
  },
  {
    kind: 'change',
    words: [
      /deploy(?:ed|ment|ing)?/,
      /rolled out/,
      /roll-?out/,
      /config(?:uration)? change/,
      /upgraded/,
      /migrat\w+/,
    ],
  },
];

const compiled = KIND_RULES.map(({ kind, words }) => ({
  kind,
  re: new RegExp(`\\b(?:${words.map((w) => w.source).join('|')})\\b`, 'gi'),
}));

// "not resolved", "hasn't been restored", "failed to identify": a word that says it did not happen
const NEGATED = /(?:\bnot|n't|\bnever|\bno|\bfailed to|\bunable to|\bwithout)\s+(?:\w+\s+){0,2}$/i;

/** The kind an entry's words name, or `note`. */
export function classifyKind(text: string): AnnotationKind {
  for (const { kind, re } of compiled) {
    for (const m of text.matchAll(re)) {
      if (!NEGATED.test(text.slice(Math.max(0, m.index - 40), m.index))) return kind;
    }
  }
  return 'note';
}
