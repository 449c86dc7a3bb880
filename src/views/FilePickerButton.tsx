import { useRef } from 'react';

export interface FilePickerButtonProps {
  /** the button's words */
  label: string;
  /** the file types offered, as the input's `accept` */
  accept: string;
  /** the hidden input's data-testid, where tests set the file */
  testId: string;
  onFile: (file: File) => void;
}

/**
 * A button that opens the browser's file picker. The input stays hidden (it cannot be styled);
 * its value is cleared after each pick, so picking the same file again is a new pick.
 */
export function FilePickerButton({ label, accept, testId, onFile }: FilePickerButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        data-testid={testId}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
    </>
  );
}
