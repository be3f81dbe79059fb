import { useCallback, useEffect, useMemo } from 'react';
import {
  Notification,
  NotificationContext,
  useLocaleState,
  useNotificationContext,
  type NotificationPayload,
  type NotificationProps,
} from 'react-admin';

const INVALID_FORM = 'ra.message.invalid_form';

/** A field label as shown, without the required mark ('标题 *' → '标题'). */
const labelText = (label: Element | null | undefined) => (label?.textContent ?? '').replace(/[\s*]+$/, '').trim();

/**
 * The first field of the page (in reading order) that shows an error: its message, named by its label
 * once ('标题：必填'; '数量应在 1–5 之间' already names it), and its input. Null when none shows one.
 */
export function firstFieldError(root: ParentNode, lang: 'zh' | 'en'): { message: string; input: HTMLElement | null } | null {
  for (const helper of Array.from(root.querySelectorAll('.MuiFormHelperText-root.Mui-error'))) {
    const text = (helper.textContent ?? '').trim();
    if (!text) continue;
    const control = helper.closest('.MuiFormControl-root, .ra-input, fieldset');
    const label = labelText(control?.querySelector('label, legend'));
    const named = !label || text.toLowerCase().includes(label.toLowerCase());
    const message = named ? text : `${label}${lang === 'en' ? ': ' : '：'}${text}`;
    const input = control?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, [role=combobox], [tabindex]') ?? null;
    return { message, input };
  }
  return null;
}

/**
 * react-admin's notification with two changes for forms: the generic 表单输入无效 toast says the first
 * invalid field's own message and the page scrolls to that field; and no form uses the browser's own
 * validation (its English tooltips on number and e-mail inputs) — the console's validators and the
 * server's 400 say it in the reader's language under the input instead.
 */
export const FormNotification = (props: NotificationProps) => {
  const context = useNotificationContext();
  const [locale] = useLocaleState();

  const takeNotification = useCallback((): NotificationPayload | void => {
    const notification = context.takeNotification();
    if (!notification || notification.message !== INVALID_FORM) return notification;
    const first = firstFieldError(document, locale === 'en' ? 'en' : 'zh');
    if (!first) return notification;
    first.input?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    first.input?.focus?.({ preventScroll: true });
    return {
      ...notification,
      message: first.message,
      notificationOptions: { ...notification.notificationOptions, messageArgs: { _: first.message } },
    };
  }, [context, locale]);

  useEffect(() => {
    const skipNativeValidation = (root: ParentNode) =>
      root.querySelectorAll?.('form:not([novalidate])').forEach((form) => form.setAttribute('novalidate', ''));
    skipNativeValidation(document);
    const observer = new MutationObserver(() => skipNativeValidation(document));
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);

  const value = useMemo(() => ({ ...context, takeNotification }), [context, takeNotification]);
  return (
    <NotificationContext.Provider value={value}>
      <Notification {...props} />
    </NotificationContext.Provider>
  );
};
