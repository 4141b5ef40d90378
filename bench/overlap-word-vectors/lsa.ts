// Latent semantic analysis: word vectors from a corpus of texts. The words x texts matrix holds
// (1 + ln tf) * ln(N / df) for the words of at least `minDocuments` texts (the most frequent
// `maxWords`); its truncated SVD by randomized subspace iteration (Halko, Martinsson and Tropp,
// 2011) gives each word the row U * S^0.5. The words are those of the quality bench's baselines
// (`contentWords`: lower-case, no English stop words, no stemming), as wordVectors.ts reads them.
import { contentWords } from '../overlap-quality/baselines';
import { seededRandom } from '../overlap-quality/splits';
import { VectorsFile } from './wordVectors';

export interface LsaOptions {
  dimensions: number;
  minDocuments: number;
  maxWords: number;
  /** Extra columns of the random projection, and its power iterations. */
  oversample?: number;
  powerIterations?: number;
  seed?: number;
}

/** A sparse matrix by rows: row i holds columns col[ptr[i]..ptr[i+1]) with values val. */
interface SparseRows {
  rows: number;
  columns: number;
  ptr: Int32Array;
  col: Int32Array;
  val: Float64Array;
}

function termMatrix(
  texts: string[],
  options: LsaOptions,
): { words: string[]; matrix: SparseRows } {
  const docs = texts.map(text =>
    contentWords({ id: '', title: '', description: text }),
  );
  const df = new Map<string, number>();
  const frequency = new Map<string, number>();
  for (const doc of docs) {
    for (const w of doc) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    for (const w of new Set(doc)) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const words = [...df]
    .filter(([, n]) => n >= options.minDocuments)
    .map(([w]) => w)
    .sort((a, b) => frequency.get(b)! - frequency.get(a)! || a.localeCompare(b))
    .slice(0, options.maxWords);
  const index = new Map(words.map((w, i) => [w, i]));
  const entries: Array<Array<[number, number]>> = words.map(() => []);
  docs.forEach((doc, j) => {
    const tf = new Map<number, number>();
    for (const w of doc) {
      const i = index.get(w);
      if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1);
    }
    for (const [i, n] of tf) {
      const idf = Math.log(docs.length / df.get(words[i])!);
      entries[i].push([j, (1 + Math.log(n)) * idf]);
    }
  });
  const ptr = new Int32Array(words.length + 1);
  entries.forEach((row, i) => {
    ptr[i + 1] = ptr[i] + row.length;
  });
  const col = new Int32Array(ptr[words.length]);
  const val = new Float64Array(ptr[words.length]);
  entries.forEach((row, i) =>
    row.forEach(([j, v], k) => {
      col[ptr[i] + k] = j;
      val[ptr[i] + k] = v;
    }),
  );
  return {
    words,
    matrix: { rows: words.length, columns: docs.length, ptr, col, val },
  };
}

/** A times X, X dense (columns x width, by rows). */
function times(a: SparseRows, x: Float64Array, width: number): Float64Array {
  const y = new Float64Array(a.rows * width);
  for (let i = 0; i < a.rows; i++) {
    for (let p = a.ptr[i]; p < a.ptr[i + 1]; p++) {
      const v = a.val[p];
      const from = a.col[p] * width;
      for (let k = 0; k < width; k++) y[i * width + k] += v * x[from + k];
    }
  }
  return y;
}

/** A transposed times Y, Y dense (rows x width, by rows). */
function timesTransposed(
  a: SparseRows,
  y: Float64Array,
  width: number,
): Float64Array {
  const x = new Float64Array(a.columns * width);
  for (let i = 0; i < a.rows; i++) {
    for (let p = a.ptr[i]; p < a.ptr[i + 1]; p++) {
      const v = a.val[p];
      const to = a.col[p] * width;
      for (let k = 0; k < width; k++) x[to + k] += v * y[i * width + k];
    }
  }
  return x;
}

/** Orthonormal columns, in place (modified Gram-Schmidt, two passes). */
function orthonormalize(m: Float64Array, height: number, width: number) {
  for (let k = 0; k < width; k++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let q = 0; q < k; q++) {
        let d = 0;
        for (let r = 0; r < height; r++)
          d += m[r * width + k] * m[r * width + q];
        for (let r = 0; r < height; r++)
          m[r * width + k] -= d * m[r * width + q];
      }
    }
    let norm = 0;
    for (let r = 0; r < height; r++) norm += m[r * width + k] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let r = 0; r < height; r++) m[r * width + k] /= norm;
  }
  return m;
}

/** Eigenvalues and eigenvectors (columns) of a symmetric n x n matrix, by cyclic Jacobi. */
function symmetricEigen(
  g: Float64Array,
  n: number,
): { values: number[]; vectors: Float64Array } {
  const a = Float64Array.from(g);
  const e = new Float64Array(n * n);
  for (let i = 0; i < n; i++) e[i * n + i] = 1;
  const rotate = (
    m: Float64Array,
    i: number,
    j: number,
    c: number,
    s: number,
  ) => {
    const x = m[i];
    const y = m[j];
    m[i] = c * x - s * y;
    m[j] = s * x + c * y;
  };
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        off += apq * apq;
        if (Math.abs(apq) < 1e-12) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t =
          (theta >= 0 ? 1 : -1) /
          (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) rotate(a, k * n + p, k * n + q, c, s);
        for (let k = 0; k < n; k++) rotate(a, p * n + k, q * n + k, c, s);
        for (let k = 0; k < n; k++) rotate(e, k * n + p, k * n + q, c, s);
      }
    }
    if (off < 1e-18) break;
  }
  return {
    values: Array.from({ length: n }, (_, i) => a[i * n + i]),
    vectors: e,
  };
}

/** Word vectors of the texts, in the format `loadWordVectors` reads. */
export function trainLsa(texts: string[], options: LsaOptions): VectorsFile {
  const { words, matrix } = termMatrix(texts, options);
  const width = options.dimensions + (options.oversample ?? 20);
  const random = seededRandom(options.seed ?? 7);
  const gaussian = () =>
    Math.sqrt(-2 * Math.log(random() + 1e-12)) *
    Math.cos(2 * Math.PI * random());
  const omega = new Float64Array(matrix.columns * width).map(gaussian);
  let q = orthonormalize(times(matrix, omega, width), matrix.rows, width);
  for (let i = 0; i < (options.powerIterations ?? 3); i++) {
    const z = orthonormalize(
      timesTransposed(matrix, q, width),
      matrix.columns,
      width,
    );
    q = orthonormalize(times(matrix, z, width), matrix.rows, width);
  }
  // B = Q^T A = Z^T with Z = A^T Q; the eigenvectors of B B^T = Z^T Z rotate Q onto U.
  const z = timesTransposed(matrix, q, width);
  const gram = new Float64Array(width * width);
  for (let j = 0; j < matrix.columns; j++) {
    for (let a = 0; a < width; a++) {
      const za = z[j * width + a];
      if (za === 0) continue;
      for (let b = 0; b < width; b++)
        gram[a * width + b] += za * z[j * width + b];
    }
  }
  const eigen = symmetricEigen(gram, width);
  const order = eigen.values
    .map((value, i) => ({ value, i }))
    .sort((x, y) => y.value - x.value)
    .slice(0, options.dimensions);
  const scale = order.map(o => Math.max(0, o.value) ** 0.25); // S^0.5 = (eigenvalue)^0.25
  const vectors: Record<string, number[]> = {};
  words.forEach((word, r) => {
    vectors[word] = order.map((o, k) => {
      let u = 0;
      for (let a = 0; a < width; a++)
        u += q[r * width + a] * eigen.vectors[a * width + o.i];
      return Math.round(u * scale[k] * 1e5) / 1e5;
    });
  });
  return { words, vectors, dimensions: options.dimensions };
}
