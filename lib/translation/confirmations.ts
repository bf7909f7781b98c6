/**
 * One-time confirmations for cloud translation.
 *
 * Sending a draft to a cloud service needs the user's confirmation of that service's host. The
 * background never takes a field a sender can set (such as a destination name) as that
 * confirmation: Envoy's own UI asks the background for a token after the user pressed "Send to
 * <host>" (a trusted event, components/trusted.ts), and the translation request carries it.
 * A token is
 * - bound to one destination host and to the context that asked for it (tab and origin),
 * - single use (consumed by the first translation request that presents it, valid or not),
 * - short-lived (`CONFIRMATION_TTL_MS`),
 * - unguessable (128 random bits) and kept only in the background's memory.
 */
export const CONFIRMATION_TTL_MS = 60_000;
/** At most this many unused confirmations are kept; the oldest go first. */
const MAX_PENDING = 32;

export interface ConfirmationStore {
  /** Mints a token for `destination`, usable once by the same `requester` within the TTL. */
  mint(destination: string, requester: string): string;
  /**
   * Consumes `token` (whatever the outcome) and returns the destination it confirms, or
   * undefined when it is unknown, expired, already used or from another requester.
   */
  take(token: string | undefined, requester: string): string | undefined;
}

export interface ConfirmationDeps {
  now?: () => number;
  randomBytes?: (n: number) => Uint8Array;
}

export function createConfirmationStore(deps: ConfirmationDeps = {}): ConfirmationStore {
  const now = deps.now ?? (() => Date.now());
  const randomBytes = deps.randomBytes ?? ((n: number) => crypto.getRandomValues(new Uint8Array(n)));
  const pending = new Map<string, { destination: string; requester: string; expires: number }>();

  const sweep = () => {
    const t = now();
    for (const [token, entry] of pending) if (entry.expires <= t) pending.delete(token);
    while (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value!);
  };

  return {
    mint(destination, requester) {
      sweep();
      const token = [...randomBytes(16)].map((b) => b.toString(16).padStart(2, '0')).join('');
      pending.set(token, { destination, requester, expires: now() + CONFIRMATION_TTL_MS });
      return token;
    },
    take(token, requester) {
      if (token === undefined) return undefined;
      const entry = pending.get(token);
      pending.delete(token);
      if (!entry || entry.expires <= now() || entry.requester !== requester) return undefined;
      return entry.destination;
    },
  };
}
