/**
 * What happens when the server says the session has ended (401) while a page
 * is open: instead of leaving the page (and losing what was typed or tagged),
 * the request waits here until the person has signed in again in place, and
 * is then sent again. A dialog (components/account/session-dialog.tsx)
 * subscribes to open and close; without one mounted (pages outside the app
 * shell) a 401 is simply an error.
 *
 * Every request refused while the dialog is open waits on the same sign-in,
 * so a rationale save and a claim tagged after the expiry both go through
 * once the person is back, in the order they were made.
 */
type Listener = (open: boolean) => void;

const listeners = new Set<Listener>();
/** Set when the person closed the dialog: background reads then fail quietly instead of reopening it; their next save asks again. */
let declined = false;
let pending: { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } | null = null;

/** Subscribes the sign-in dialog; returns the unsubscribe function. */
export function subscribeSessionGate(listener: Listener): () => void {
  listeners.add(listener);
  if (pending) listener(true);
  return () => listeners.delete(listener);
}

/** True when a dialog can take a sign-in (the app shell is mounted). */
export const canWaitForSignIn = () => listeners.size > 0;

/** Resolves once the person has signed in again; rejects when they give up. */
export function waitForSignIn(): Promise<void> {
  if (!pending) {
    let resolve!: () => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    pending = { promise, resolve, reject };
    for (const l of listeners) l(true);
  }
  return pending.promise;
}

function settle(how: (p: NonNullable<typeof pending>) => void) {
  const p = pending;
  pending = null;
  for (const l of listeners) l(false);
  if (p) how(p);
}

/** True after the person closed the dialog without signing in (until they sign in). */
export const signInDeclined = () => declined;

/** Background reads refused after "not now": they wait, without a dialog, for the next sign-in (so what is on screen stays). */
let quiet: { promise: Promise<void>; resolve: () => void } | null = null;
export function waitQuietlyForSignIn(): Promise<void> {
  if (!quiet) {
    let resolve!: () => void;
    const promise = new Promise<void>((res) => (resolve = res));
    quiet = { promise, resolve };
  }
  return quiet.promise;
}

/** The person signed in again: every waiting request is sent again. */
export const sessionRestored = () => {
  declined = false;
  const q = quiet;
  quiet = null;
  q?.resolve();
  settle((p) => p.resolve());
};

/** The person closed the dialog: every waiting request fails with `error` (what they typed stays on screen). */
export const sessionAbandoned = (error: Error) => {
  declined = true;
  settle((p) => p.reject(error));
};
