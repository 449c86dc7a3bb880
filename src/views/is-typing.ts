/** Whether a key press goes into a field (so a page shortcut must not take it); a slider is no field. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return target.type !== 'range';
  return target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}
