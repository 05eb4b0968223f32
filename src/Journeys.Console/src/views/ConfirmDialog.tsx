import { useEffect, useRef, type ReactNode } from 'react';

export interface ConfirmRequest {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
}

/** A modal confirmation (native <dialog>: focus is trapped and Escape cancels) before publish, close and stop. */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (request && !element.open) element.showModal();
    if (!request && element.open) element.close();
  }, [request]);

  return (
    <dialog ref={dialog} className="confirm" aria-labelledby="confirm-title" onClose={onClose} onCancel={onClose}>
      {request && (
        <form method="dialog" onSubmit={(e) => { e.preventDefault(); const r = request; onClose(); r.onConfirm(); }}>
          <h2 id="confirm-title">{request.title}</h2>
          <div className="confirm-body">{request.body}</div>
          <div className="confirm-actions">
            <button type="button" className="button" onClick={onClose} autoFocus>Cancel</button>
            <button type="submit" className={`button ${request.danger ? 'danger' : 'primary'}`}>{request.confirmLabel}</button>
          </div>
        </form>
      )}
    </dialog>
  );
}
