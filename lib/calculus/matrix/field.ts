// The numbers evaluation runs over: doubles, or residues modulo a prime below 2^26 (products of two
// residues stay below 2^52, so they are exact in doubles). Both fields share the matrix kernels
// (hand-written loops over flat, row-major Float64Arrays); NaN marks "undefined here" in both.

export interface Field {
  readonly exact: boolean;
  readonly add: (a: number, b: number) => number;
  readonly sub: (a: number, b: number) => number;
  readonly mul: (a: number, b: number) => number;
  /** NaN when b is zero. */
  readonly div: (a: number, b: number) => number;
  readonly neg: (a: number) => number;
  /** The number p/q; null when it has no value in this field. */
  readonly ratio: (p: number, q: number) => number | null;
  /** Whole numbers (dimension values, exponents). */
  readonly int: (k: number) => number;
}

export const FLOAT: Field = {
  exact: false,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  neg: (a) => -a,
  ratio: (p, q) => p / q,
  int: (k) => k,
};

/** The largest prime below 2^26. */
export const PRIME = 67108859;

function modInverse(a: number): number {
  if (!(a > 0)) return NaN;
  let [r0, r1] = [PRIME, a];
  let [t0, t1] = [0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return r0 === 1 ? ((t0 % PRIME) + PRIME) % PRIME : NaN;
}

const mod = (a: number) => {
  const r = a % PRIME;
  return r < 0 ? r + PRIME : r;
};

/**
 * x mod PRIME for a whole |x| < 2^53 (a residue plus a product of two residues), by a floored
 * quotient: several times faster than `%` on doubles, and exact (q·PRIME < 2^53).
 */
export function modp(x: number): number {
  const r = x - Math.floor(x / PRIME) * PRIME;
  return r < 0 ? r + PRIME : r >= PRIME ? r - PRIME : r;
}

export const MODP: Field = {
  exact: true,
  add: (a, b) => (a + b >= PRIME ? a + b - PRIME : a + b),
  sub: (a, b) => (a - b < 0 ? a - b + PRIME : a - b),
  mul: (a, b) => modp(a * b),
  div: (a, b) => modp(a * modInverse(b)),
  neg: (a) => (a === 0 ? 0 : PRIME - a),
  ratio: (p, q) =>
    Number.isSafeInteger(p) && Number.isSafeInteger(q) ? (mod(p % PRIME) * modInverse(mod(q))) % PRIME : null,
  int: (k) => mod(k),
};

/** C = A B for A r×k and B k×c. */
export function matmul(
  F: Field,
  a: Float64Array,
  b: Float64Array,
  r: number,
  k: number,
  c: number,
): Float64Array {
  const out = new Float64Array(r * c);
  if (F === FLOAT) {
    for (let i = 0; i < r; i++) {
      for (let l = 0; l < k; l++) {
        const x = a[i * k + l]!;
        if (x === 0) continue;
        const row = l * c;
        const o = i * c;
        for (let j = 0; j < c; j++) out[o + j]! += x * b[row + j]!;
      }
    }
    return out;
  }
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s = modp(s + a[i * k + l]! * b[l * c + j]!);
      out[i * c + j] = s;
    }
  }
  return out;
}

export function transposeArray(a: Float64Array, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j]!;
  return out;
}

export function identity(F: Field, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = F.int(1);
  return out;
}

/**
 * Gauss-Jordan elimination with partial pivoting (doubles) or any non-zero pivot (residues): the
 * inverse and the determinant; a singular matrix gives NaN entries and determinant 0.
 */
export function invertAndDet(F: Field, a: Float64Array, n: number): { inv: Float64Array; det: number } {
  const m = Float64Array.from(a);
  const inv = identity(F, n);
  let det = F.int(1);
  for (let col = 0; col < n; col++) {
    let p = -1;
    let best = 0;
    for (let r = col; r < n; r++) {
      const v = m[r * n + col]!;
      if (F.exact ? v !== 0 && p < 0 : Math.abs(v) > best) {
        p = r;
        best = Math.abs(v);
      }
    }
    if (p < 0 || !Number.isFinite(m[p * n + col]!))
      return { inv: new Float64Array(n * n).fill(NaN), det: F.exact ? 0 : 0 };
    if (p !== col) {
      for (let j = 0; j < n; j++) {
        [m[p * n + j], m[col * n + j]] = [m[col * n + j]!, m[p * n + j]!];
        [inv[p * n + j], inv[col * n + j]] = [inv[col * n + j]!, inv[p * n + j]!];
      }
      det = F.neg(det);
    }
    const pivot = m[col * n + col]!;
    det = F.mul(det, pivot);
    for (let j = 0; j < n; j++) {
      m[col * n + j] = F.div(m[col * n + j]!, pivot);
      inv[col * n + j] = F.div(inv[col * n + j]!, pivot);
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r * n + col]!;
      if (f === 0) continue;
      for (let j = 0; j < n; j++) {
        m[r * n + j] = F.sub(m[r * n + j]!, F.mul(f, m[col * n + j]!));
        inv[r * n + j] = F.sub(inv[r * n + j]!, F.mul(f, inv[col * n + j]!));
      }
    }
  }
  if (!F.exact) {
    // A matrix this close to singular has no inverse worth comparing: treat it as undefined.
    let norm = 0;
    let normInv = 0;
    for (let i = 0; i < n * n; i++) {
      norm = Math.max(norm, Math.abs(a[i]!));
      normInv = Math.max(normInv, Math.abs(inv[i]!));
    }
    if (!(norm * normInv < 1e8)) return { inv: new Float64Array(n * n).fill(NaN), det };
  }
  return { inv, det };
}
