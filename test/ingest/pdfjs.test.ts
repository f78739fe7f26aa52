// pdf.js as src/ingest/pdfjs.ts assembles it: the legacy display layer with the modern worker half. The modern worker
// calls a few built-ins newer than Node 20 without a fallback of its own; the legacy layer must have installed them.
import { describe, expect, it } from 'vitest';
import { pdfjs } from '../../src/ingest/pdfjs.js';

const isNative = (fn: unknown) => typeof fn === 'function' && /\{\s*\[native code\]\s*\}/.test(Function.prototype.toString.call(fn));

describe('pdfjs()', () => {
  it('leaves every built-in the modern worker half calls without a fallback in place', async () => {
    await pdfjs();
    // Node 20 has neither natively; URL.parse, also called, is native from Node 20.18.
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function');
    expect(typeof (ArrayBuffer.prototype as unknown as { transferToFixedLength?: unknown }).transferToFixedLength).toBe('function');
    const copy = (new Uint8Array([1, 2, 3]).buffer as unknown as { transferToFixedLength(n: number): ArrayBuffer }).transferToFixedLength(2);
    expect([...new Uint8Array(copy)]).toEqual([1, 2]);
  });

  it('puts back the native Array.prototype.push and JSON.parse that core-js replaces', async () => {
    await pdfjs();
    expect(isNative(Array.prototype.push)).toBe(true);
    expect(isNative(JSON.parse)).toBe(true);
  });
});
