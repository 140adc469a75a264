import { h } from '../dom.js';
import { t } from '../i18n/i18n.js';

/**
 * Asks before a destructive or public change, in a modal <dialog>: focus moves into it, Escape
 * cancels, and the answer is true only for the Confirm button.
 */
export function confirmDialog(question: string, confirmLabel = t('common.confirm')): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-question' });
    const done = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    dialog.append(
      h('p', { id: 'confirm-question' }, question),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'primary', onClick: () => done(true) }, confirmLabel),
        h('button', { type: 'button', onClick: () => done(false), autofocus: true }, t('common.cancel')),
      ),
    );
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      done(false);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
