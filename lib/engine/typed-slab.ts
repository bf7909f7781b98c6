/**
 * Typed arrays for a check's results (offset maps, "which patterns may match", n-gram numbers),
 * carved out of shared buffers. A typed array of more than 64 bytes gets a buffer of its own,
 * allocated and tracked outside the JavaScript heap: ten to twenty times the cost of a view on
 * an existing buffer, and a check makes several. A slab is never reused: it lives, zeroed where
 * not yet handed out, for as long as any view into it does, so views never share memory.
 */

/** Small enough that the few views a cached chunk keeps cannot pin much memory. */
const SLAB_BYTES = 16384;
/** Larger requests get a buffer of their own: they are rare and would waste most of a slab. */
const MAX_CARVED = SLAB_BYTES / 4;

let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

/** `bytes` zeroed bytes at a multiple of `align`, in the current slab (or a new one). */
function carve(bytes: number, align: number): { buffer: ArrayBuffer; offset: number } {
  let offset = Math.ceil(used / align) * align;
  if (offset + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    offset = 0;
  }
  used = offset + bytes;
  return { buffer: slab, offset };
}

/** A zeroed Uint8Array of `length` elements. */
export function slabBytes(length: number): Uint8Array {
  if (length > MAX_CARVED) return new Uint8Array(length);
  const { buffer, offset } = carve(length, 1);
  return new Uint8Array(buffer, offset, length);
}

/** A copy of `source` (its elements only, not its buffer). */
export function slabCopy(source: Int32Array): Int32Array {
  const length = source.length;
  if (length * 4 > MAX_CARVED) return source.slice();
  const { buffer, offset } = carve(length * 4, 4);
  const copy = new Int32Array(buffer, offset, length);
  copy.set(source);
  return copy;
}
