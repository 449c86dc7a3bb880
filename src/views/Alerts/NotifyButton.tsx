import { useState } from 'react';

/** Asks once for permission to notify; hidden when the browser cannot or the answer is in. */
export function NotifyButton() {
  const [permission, setPermission] = useState(() =>
    typeof Notification === 'undefined' ? 'denied' : Notification.permission,
  );
  if (permission !== 'default') return null;
  return (
    <button
      type="button"
      className="notify-button"
      onClick={() => void Notification.requestPermission().then(setPermission)}
    >
      Notify me of alerts
    </button>
  );
}
