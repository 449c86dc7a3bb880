import type { AnnotationKind } from '../core/protocol/protocol';

/** Colour and a one-character icon per annotation kind (icons carry it without colour). */
export const ANNOTATION_STYLE: Record<
  AnnotationKind,
  { colour: string; icon: string; label: string }
> = {
  detected: { colour: '#ff5c5c', icon: '!', label: 'detected' },
  investigating: { colour: '#f2c94c', icon: '?', label: 'investigating' },
  escalated: { colour: '#ff9f43', icon: '↑', label: 'escalated' },
  identified: { colour: '#56ccf2', icon: '◎', label: 'identified' },
  resolved: { colour: '#6fcf97', icon: '✓', label: 'resolved' },
  change: { colour: '#bb86fc', icon: '⚙', label: 'change' },
  alert: { colour: '#ff5c5c', icon: '⚠', label: 'alert' },
  note: { colour: '#cfd8dc', icon: '✎', label: 'note' },
};
