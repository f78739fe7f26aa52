// The message port between pdf.js's two halves when both run in this thread. pdf.js's own in-thread port copies
// every message with structuredClone, which in Node 20 costs ~2.5 µs per text item and was a seventh of all parse
// time. Messages must still be copied (pdf.js reuses objects after sending them), but they are plain data, which a
// plain copy handles several times faster; anything else, and any message that transfers buffers, still goes
// through structuredClone.
type Listener = (this: InThreadPort, event: { data: unknown }) => void;

export class InThreadPort {
  // As pdf.js's LoopbackPort: every listener hears every message (each MessageHandler filters by its name), and
  // a listener added with an AbortSignal is removed when it aborts.
  readonly #listeners = new Map<Listener, (() => void) | null>();

  postMessage(data: unknown, transfer?: Transferable[]): void {
    const event = { data: transfer?.length ? structuredClone(data, { transfer }) : copyMessage(data) };
    // Delivered later, as a real port would, never inside the sender's call.
    queueMicrotask(() => {
      for (const listener of this.#listeners.keys()) listener.call(this, event);
    });
  }

  addEventListener(_type: string, listener: Listener, options?: { signal?: AbortSignal }): void {
    const signal = options?.signal;
    if (signal?.aborted) return;
    let stopListening: (() => void) | null = null;
    if (signal) {
      const onAbort = () => this.removeEventListener(_type, listener);
      signal.addEventListener('abort', onAbort);
      stopListening = () => signal.removeEventListener('abort', onAbort);
    }
    this.#listeners.set(listener, stopListening);
  }

  removeEventListener(_type: string, listener: Listener): void {
    this.#listeners.get(listener)?.();
    this.#listeners.delete(listener);
  }

  terminate(): void {
    for (const stopListening of this.#listeners.values()) stopListening?.();
    this.#listeners.clear();
  }
}

/** A deep copy of a message, as structuredClone would make it. */
function copyMessage(data: unknown): unknown {
  try {
    return copy(data);
  } catch (error) {
    // A structure too deep to walk (or cyclic) is left to structuredClone, which handles anything cloneable.
    if (error instanceof RangeError) return structuredClone(data);
    throw error;
  }
}

function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copy);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
  return out;
}
