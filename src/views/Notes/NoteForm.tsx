import { useState, type FormEvent } from 'react';
import {
  ANNOTATION_KINDS,
  ANNOTATION_LIMITS,
  type AnnotationKind,
} from '../../core/protocol/protocol';
import { formatClock, formatDateTime, parseClockAfter } from '../../core/format/time-format';
import { ANNOTATION_STYLE } from '../annotation-style';
import { useDashboard, useDashboardStore } from '../store-context';

/** Adding or editing a note at a time, optionally over a region, for every viewer to see. */
export function NoteForm({ tz }: { tz: string }) {
  const draft = useDashboard((s) => s.noteDraft);
  if (!draft) return null;
  // a new draft gets fresh fields
  return <NoteFormFields key={`${draft.editing?.id ?? 'new'}:${draft.t}`} tz={tz} />;
}

function NoteFormFields({ tz }: { tz: string }) {
  const store = useDashboardStore();
  const draft = useDashboard((s) => s.noteDraft)!;
  const writer = useDashboard((s) => s.noteWriter);
  const editing = draft.editing;
  const [title, setTitle] = useState(editing?.title ?? '');
  const [text, setText] = useState(editing?.text ?? '');
  const [kind, setKind] = useState<AnnotationKind>(editing?.kind ?? 'note');
  const initialEnd = editing?.endT ?? draft.endT;
  const [until, setUntil] = useState(
    initialEnd === undefined ? '' : formatClock(initialEnd, tz, true),
  );
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const close = () => store.getState().openNoteDraft(undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!writer) return setError('not connected to a gateway');
    const endT = until.trim() === '' ? undefined : parseClockAfter(until, draft.t, tz);
    if (endT !== undefined && Number.isNaN(endT))
      return setError(`"until" must be a time like 10:45`);
    const fields = {
      v: 1 as const,
      t: draft.t,
      ...(endT !== undefined && { endT }),
      title: title.trim(),
      ...(text.trim() !== '' && { text: text.trim() }),
      kind,
      source: editing?.source ?? 'note',
    };
    setBusy(true);
    const ack = editing
      ? await writer.update({ ...editing, ...fields, id: editing.id })
      : await writer.add(fields);
    setBusy(false);
    if (ack.ok) close();
    else setError(ack.error);
  };

  return (
    <div className="note-backdrop" onClick={close}>
      <form
        className="note-form panel"
        role="dialog"
        aria-label={editing ? 'Edit note' : 'Add a note'}
        data-testid="note-form"
        onSubmit={(e) => void submit(e)}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && close()}
      >
        <h2>{editing ? 'Edit note' : 'Add a note'}</h2>
        <p className="muted">at {formatDateTime(draft.t, tz)}</p>
        <label>
          Title
          <input
            name="title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            autoFocus
            required
            maxLength={ANNOTATION_LIMITS.title}
          />
        </label>
        <label>
          Details
          <textarea
            name="text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={3}
            maxLength={ANNOTATION_LIMITS.text}
          />
        </label>
        <div className="note-row">
          <label>
            Kind
            <select
              name="kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as AnnotationKind)}
            >
              {ANNOTATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ANNOTATION_STYLE[k].icon} {ANNOTATION_STYLE[k].label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Until (optional, a region)
            <input
              name="until"
              value={until}
              onChange={(e) => setUntil(e.target.value)}
              placeholder="hh:mm"
            />
          </label>
        </div>
        {error && (
          <p className="note-error" role="alert">
            {error}
          </p>
        )}
        <div className="note-buttons">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" disabled={busy || title.trim() === ''}>
            {editing ? 'Save' : 'Add note'}
          </button>
        </div>
      </form>
    </div>
  );
}
