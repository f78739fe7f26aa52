// The in-thread port that replaced pdf.js's structuredClone loopback (a performance change, hence here): messages
// must arrive as copies, later and in order, exactly as a real port would deliver them.
import { describe, expect, it } from 'vitest';
import { InThreadPort } from '../../src/ingest/pdfjs-port.js';

const received = (port: InThreadPort) => {
  const got: unknown[] = [];
  port.addEventListener('message', (event) => got.push(event.data));
  return got;
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('InThreadPort', () => {
  it('delivers a copy, after the sender returns, so reusing the sent objects changes nothing received', async () => {
    const port = new InThreadPort();
    const got = received(port);
    const chunk: { items: { str: string; transform: number[] }[]; styles: Record<string, unknown> } = {
      items: [{ str: 'Waiting times', transform: [1, 0, 0, 1, 72, 700] }],
      styles: Object.assign(Object.create(null), { f1: { ascent: 0.9 } }),
    };
    port.postMessage({ stream: 4, chunk });
    expect(got).toEqual([]);
    const sent = chunk.items;
    // What pdf.js does after sending a text chunk: start the next one in the same object.
    chunk.items = [];
    await settle();
    expect(got).toEqual([{ stream: 4, chunk: { items: [{ str: 'Waiting times', transform: [1, 0, 0, 1, 72, 700] }], styles: { f1: { ascent: 0.9 } } } }]);
    const copy = got[0] as { chunk: { items: object[] } };
    expect(copy.chunk.items).not.toBe(sent);
    expect(Object.getPrototypeOf((got[0] as { chunk: { styles: object } }).chunk.styles)).toBe(Object.prototype);
  });

  it('keeps messages in order and clones what is not plain data as structuredClone does', async () => {
    const port = new InThreadPort();
    const got = received(port);
    const buffer = new Uint8Array([37, 80, 68, 70]).buffer;
    port.postMessage({ n: 1, when: new Date(0), set: new Set(['a']) });
    port.postMessage({ n: 2, data: buffer }, [buffer]);
    await settle();
    expect(got).toEqual([{ n: 1, when: new Date(0), set: new Set(['a']) }, { n: 2, data: expect.any(ArrayBuffer) }]);
    expect(new Uint8Array((got[1] as { data: ArrayBuffer }).data)).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(buffer.byteLength).toBe(0); // transferred, as with a real port
  });

  it('stops delivering to a listener whose signal aborts, and to all once terminated', async () => {
    const port = new InThreadPort();
    const controller = new AbortController();
    const got: unknown[] = [];
    port.addEventListener('message', (event) => got.push(event.data), { signal: controller.signal });
    const others = received(port);
    controller.abort();
    port.postMessage('one');
    await settle();
    expect(got).toEqual([]);
    expect(others).toEqual(['one']);
    port.terminate();
    port.postMessage('two');
    await settle();
    expect(others).toEqual(['one']);
  });
});
