import { describe, expect, it } from 'vitest';
import { slabBytes, slabCopy } from '@/lib/engine/typed-slab';

describe('typed slab', () => {
  it('hands out zeroed, separate views, across slab boundaries', () => {
    const views = Array.from({ length: 400 }, (_, i) => slabBytes(1 + (i % 300)));
    views.forEach((v, i) => {
      expect(v.length).toBe(1 + (i % 300));
      expect(v.every((b) => b === 0)).toBe(true);
      v.fill(i % 251);
    });
    // Writing to one view changed no other.
    views.forEach((v, i) => expect(v.every((b) => b === i % 251)).toBe(true));
  });

  it('copies Int32 data at aligned offsets, and large arrays into buffers of their own', () => {
    slabBytes(3); // leaves the slab unaligned for what follows
    const source = Int32Array.from({ length: 50 }, (_, i) => i * 1000 - 7);
    const copy = slabCopy(source.subarray(10, 40));
    expect(Array.from(copy)).toEqual(Array.from(source.subarray(10, 40)));
    expect(copy.byteOffset % 4).toBe(0);
    source[10] = 1;
    expect(copy[0]).toBe(9993);
    const big = slabCopy(new Int32Array(100_000).fill(5));
    expect(big.length).toBe(100_000);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(400_000);
    expect(slabBytes(50_000).buffer.byteLength).toBe(50_000);
  });
});
