// What a clerk typed into an intake or task form and has not submitted yet, kept in localStorage
// under the user and the form (`intake:<process>`, `task:<task id>`): a session that expires while
// they type (the 401 sends them to the login page) or a reload loses nothing — after logging in
// again the form comes back filled in. A successful submit removes the draft; logging out
// deliberately removes the user's drafts (a shared computer at the centre keeps no citizen's data).
import { useCallback, useMemo, useRef } from 'react';

const PREFIX = 'yizhan.form-draft.';
/** Drafts older than this are dropped when read. */
const MAX_AGE_MS = 7 * 24 * 3600_000;

export interface FormDraft<T> {
  data: T;
  savedAt: string;
}

const keyOf = (username: string, form: string) => `${PREFIX}${username}\u0000${form}`;

export function readDraft<T>(username: string, form: string): FormDraft<T> | undefined {
  try {
    const raw = window.localStorage.getItem(keyOf(username, form));
    if (!raw) return undefined;
    const draft = JSON.parse(raw) as FormDraft<T>;
    if (!draft || typeof draft.savedAt !== 'string' || Date.now() - Date.parse(draft.savedAt) > MAX_AGE_MS) {
      window.localStorage.removeItem(keyOf(username, form));
      return undefined;
    }
    return draft;
  } catch {
    return undefined;
  }
}

export function writeDraft<T>(username: string, form: string, data: T): void {
  try {
    window.localStorage.setItem(keyOf(username, form), JSON.stringify({ data, savedAt: new Date().toISOString() } satisfies FormDraft<T>));
  } catch {
    // storage full or disabled: the form still works, only without a draft
  }
}

export function removeDraft(username: string, form: string): void {
  window.localStorage.removeItem(keyOf(username, form));
}

/** Every draft of one user (on logout). */
export function removeUserDrafts(username: string): void {
  const mine = `${PREFIX}${username}\u0000`;
  for (let i = window.localStorage.length - 1; i >= 0; i--) {
    const k = window.localStorage.key(i);
    if (k?.startsWith(mine)) window.localStorage.removeItem(k);
  }
}

/**
 * A form's local draft: `restored` is what was kept when the page opened (undefined: none),
 * `save` keeps the current data, `clear` drops it (after a successful submit, or 清除草稿).
 */
export function useFormDraft<T>(username: string | undefined, form: string | undefined) {
  const restoredRef = useRef<{ key: string; draft: FormDraft<T> | undefined }>(undefined);
  const key = username && form ? `${username}\u0000${form}` : undefined;
  if (key && restoredRef.current?.key !== key) restoredRef.current = { key, draft: readDraft<T>(username!, form!) };
  const restored = key ? restoredRef.current?.draft : undefined;
  const save = useCallback((data: T) => {
    if (username && form) writeDraft(username, form, data);
  }, [username, form]);
  const clear = useCallback(() => {
    if (username && form) removeDraft(username, form);
  }, [username, form]);
  return useMemo(() => ({ restored, save, clear }), [restored, save, clear]);
}
