//! A first-order linear-chain model over token labels, trained as an
//! averaged structured perceptron (Collins 2002) and decoded with Viterbi.
//!
//! A perceptron rather than `crfs`' CRF trainer: the CRF trainer did not
//! finish 150 L-BFGS iterations on the AnyStyle strings in 30 CPU-minutes,
//! while the perceptron reaches a CRF's accuracy on sequence labelling in
//! a few passes and trains here in well under a minute. Decoding is the
//! same Viterbi a CRF uses, linear in the tokens.
//!
//! Transitions have two parts: a weight per label pair, and a weight per
//! label pair at each class of boundary between two tokens (the
//! punctuation between them; see `features::EDGE_CLASSES`). Fields change
//! at punctuation, and which field follows which depends on it; with the
//! boundary weights, AnyStyle 5-fold field F1 rose from 0.813 to 0.828.
//!
//! The model file is small and plain: a header, the labels, the transition
//! weights (pairs, then pairs per boundary class), and a table from
//! feature hash to the labels it has a weight for (see `Table`), laid out
//! to be read where it lies. Weights are stored as `i16` at a fixed scale,
//! which loses nothing a decision depends on.

use super::features::{EDGE_CLASSES, Features};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The magic bytes that begin a model file, with the format version.
const MAGIC: &[u8; 8] = b"CMTAG03\n";
/// Weights are stored as `round(w * SCALE)`.
const SCALE: f32 = 64.0;

/// Feature hashes are already well mixed: use them as they are.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Model {
    /// Label names, by label number.
    pub labels: Vec<String>,
    /// `trans[(p + 1) * L + y]`: the weight of label `y` after `p`; row 0
    /// is the start of the string.
    trans: Vec<f32>,
    /// `edge[(c * L + p) * L + y]`: the weight of label `y` after `p` across
    /// a boundary of class `c`, added to `trans`.
    edge: Vec<f32>,
    /// Feature hash to its weights, read in place from the file's bytes.
    table: Table,
}

/// Feature hash to its weights, laid out as the file stores it so that a
/// model inside the binary is used where it lies: loading it costs no
/// decoding and no allocation, where decoding 740 thousand weights into
/// vectors cost about 10 ms, most of a short document's run.
///
/// Layout (little-endian): `bits: u8`, `n: u32` entries, `m: u32` weights;
/// `2^bits + 1` bucket starts (`u32`, into the entries); `n + 1` entries of
/// (`fingerprint: u32`, `first weight: u32`), the last a sentinel whose
/// first weight is `m`; then `m` weights of (`label: u8`, `round(w *
/// SCALE): i16`). An entry's weights run to the next entry's first.
///
/// A hash is found by its bucket (top bits of the mixed hash) and its
/// fingerprint (the low 32 bits of the hash). Two features that share
/// both are a collision of the hashing trick the features already use,
/// about one in 2^32 per look-up.
#[derive(Debug, Clone)]
struct Table {
    bytes: Cow<'static, [u8]>,
    bits: u32,
    n: usize,
}

const TABLE_HEAD: usize = 9;

impl Table {
    /// The table of `rows` (hash, its non-zero weights), in file layout.
    fn build(mut rows: Vec<(u64, Vec<(u8, i16)>)>) -> Vec<u8> {
        let n = rows.len();
        // About three entries a bucket: the bucket bounds cost a byte an
        // entry, and a look-up still reads one cache line of entries.
        let bits = (usize::BITS - n.leading_zeros())
            .saturating_sub(2)
            .clamp(1, 24);
        rows.sort_unstable_by_key(|(h, _)| (Self::bucket(*h, bits), *h as u32, *h));
        let m: usize = rows.iter().map(|(_, w)| w.len()).sum();
        let mut out = Vec::with_capacity(TABLE_HEAD + 4 * ((1 << bits) + 1) + 8 * (n + 1) + 3 * m);
        out.push(bits as u8);
        out.extend_from_slice(&(n as u32).to_le_bytes());
        out.extend_from_slice(&(m as u32).to_le_bytes());
        let mut starts = vec![0u32; (1usize << bits) + 1];
        for (h, _) in &rows {
            starts[Self::bucket(*h, bits) + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        for s in starts {
            out.extend_from_slice(&s.to_le_bytes());
        }
        let mut first = 0u32;
        for (h, w) in &rows {
            out.extend_from_slice(&(*h as u32).to_le_bytes());
            out.extend_from_slice(&first.to_le_bytes());
            first += w.len() as u32;
        }
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(&first.to_le_bytes());
        for (_, w) in rows {
            for (y, q) in w {
                out.push(y);
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    /// A table with no weights, as [`Table::build`] writes it for no rows.
    fn none() -> Table {
        Table {
            bytes: Cow::Owned(Table::build(Vec::new())),
            bits: 1,
            n: 0,
        }
    }

    /// Checks the layout of `bytes` (sizes, and bucket starts and first
    /// weights that never go back), so that a look-up stays inside its
    /// bucket and its weights. Labels are checked where they are used.
    fn read(bytes: Cow<'static, [u8]>, labels: usize) -> Result<Table, BadModel> {
        let b = &bytes[..];
        let head = b.get(..TABLE_HEAD).ok_or(BadModel("truncated"))?;
        let bits = u32::from(head[0]);
        if !(1..=24).contains(&bits) {
            return Err(BadModel("bad bucket count"));
        }
        let n = u32::from_le_bytes([head[1], head[2], head[3], head[4]]) as usize;
        let m = u32::from_le_bytes([head[5], head[6], head[7], head[8]]) as usize;
        let len = TABLE_HEAD + 4 * ((1usize << bits) + 1) + 8 * (n + 1) + 3 * m;
        if b.len() < len {
            return Err(BadModel("truncated"));
        }
        if b.len() > len {
            return Err(BadModel("trailing bytes"));
        }
        let t = Table {
            bits,
            n,
            bytes: Cow::Borrowed(&[]),
        };
        let mut last = 0;
        for k in 0..=(1usize << bits) {
            let s = t.at(b, t.start(k)).unwrap_or(u32::MAX) as usize;
            if s < last || s > n {
                return Err(BadModel("bucket starts out of order"));
            }
            last = s;
        }
        if last != n {
            return Err(BadModel("bucket starts out of order"));
        }
        let mut last = 0;
        for e in 0..=n {
            let f = t.at(b, t.entry(e) + 4).unwrap_or(u32::MAX) as usize;
            if f < last || f > m {
                return Err(BadModel("weights out of order"));
            }
            last = f;
        }
        if last != m {
            return Err(BadModel("weights out of order"));
        }
        // Every label is checked once here, so that a look-up need not.
        let w = t.weights_at();
        if b[w..].chunks_exact(3).any(|c| c[0] as usize >= labels) {
            return Err(BadModel("label out of range"));
        }
        Ok(Table { bytes, ..t })
    }

    fn start(&self, k: usize) -> usize {
        TABLE_HEAD + 4 * k
    }

    fn entry(&self, e: usize) -> usize {
        TABLE_HEAD + 4 * ((1usize << self.bits) + 1) + 8 * e
    }

    fn weights_at(&self) -> usize {
        self.entry(self.n + 1)
    }

    fn at(&self, b: &[u8], i: usize) -> Option<u32> {
        let w = b.get(i..i + 4)?;
        Some(u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
    }

    /// The feature hashes are not uniform in their top bits: mix them
    /// first (a Fibonacci multiply), so that buckets hold a few each.
    fn bucket(h: u64, bits: u32) -> usize {
        ((h ^ (h >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
    }

    /// The stored weights of hash `h`, three bytes each, if it has any.
    fn get(&self, h: u64) -> Option<&[u8]> {
        let b = &self.bytes[..];
        let k = Self::bucket(h, self.bits);
        let (lo, hi) = (
            self.at(b, self.start(k))? as usize,
            self.at(b, self.start(k + 1))? as usize,
        );
        let fp = h as u32;
        let e = (lo..hi).find(|&e| self.at(b, self.entry(e)) == Some(fp))?;
        let (first, end) = (
            self.at(b, self.entry(e) + 4)? as usize,
            self.at(b, self.entry(e + 1) + 4)? as usize,
        );
        let w = self.weights_at();
        b.get(w + 3 * first..w + 3 * end)
    }

    /// The number of features with weights.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.n
    }
}

/// One stored weight: its label and its value.
fn weight(c: &[u8]) -> (usize, f32) {
    (
        c[0] as usize,
        f32::from(i16::from_le_bytes([c[1], c[2]])) / SCALE,
    )
}

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadModel(pub &'static str);

impl std::fmt::Display for BadModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad tagger model: {}", self.0)
    }
}

impl std::error::Error for BadModel {}

impl Model {
    /// The model with `bytes` (as [`Table::build`] writes them) as its
    /// table.
    fn with_table(self, bytes: Vec<u8>) -> Model {
        let l = self.n();
        match Table::read(Cow::Owned(bytes), l) {
            Ok(table) => Model { table, ..self },
            // `build` writes what `read` reads; an empty table is the
            // answer that tags with transitions alone.
            Err(_) => self,
        }
    }

    fn n(&self) -> usize {
        self.labels.len()
    }

    /// The score of each label for each token, before transitions.
    fn emissions(&self, f: &Features) -> Vec<f32> {
        let l = self.n();
        let mut e = vec![0.0; f.len() * l];
        for i in 0..f.len() {
            let row = &mut e[i * l..(i + 1) * l];
            for &h in f.of(i) {
                for c in self.table.get(h).unwrap_or_default().chunks_exact(3) {
                    let (y, w) = weight(c);
                    // Labels were checked when the table was read.
                    if let Some(r) = row.get_mut(y) {
                        *r += w;
                    }
                }
            }
        }
        e
    }

    /// The best label sequence for the tokens.
    pub fn tag(&self, f: &Features) -> Vec<u8> {
        let t = Transitions {
            trans: &self.trans,
            edge: &self.edge,
            edges: &f.edges,
        };
        viterbi(&self.emissions(f), &t, f.len(), self.n())
    }

    /// Writes the model in its file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let l = self.n();
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(l as u8);
        for name in &self.labels {
            out.push(name.len() as u8);
            out.extend_from_slice(name.as_bytes());
        }
        for w in self.trans.iter().chain(&self.edge) {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend_from_slice(&self.table.bytes);
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> Result<Model, BadModel> {
        Self::read(b, |table| Cow::Owned(table.to_vec()))
    }

    /// Reads a model that lives as long as the program (one inside the
    /// binary) without copying its weights.
    pub fn from_static(b: &'static [u8]) -> Result<Model, BadModel> {
        Self::read(b, Cow::Borrowed)
    }

    fn read<'a>(
        b: &'a [u8],
        keep: impl FnOnce(&'a [u8]) -> Cow<'static, [u8]>,
    ) -> Result<Model, BadModel> {
        let mut r = Reader { b, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(BadModel("not a citemap tagger model"));
        }
        let l = r.byte()? as usize;
        if l == 0 {
            return Err(BadModel("no labels"));
        }
        let mut labels = Vec::with_capacity(l);
        for _ in 0..l {
            let n = r.byte()? as usize;
            let s = std::str::from_utf8(r.take(n)?).map_err(|_| BadModel("label not UTF-8"))?;
            labels.push(s.to_string());
        }
        let mut floats = |n: usize| -> Result<Vec<f32>, BadModel> {
            let w = r.take(n * 4)?;
            Ok(w.chunks_exact(4)
                .map(|w| f32::from_le_bytes([w[0], w[1], w[2], w[3]]))
                .collect())
        };
        let trans = floats((l + 1) * l)?;
        let edge = floats(EDGE_CLASSES * l * l)?;
        let table = Table::read(keep(&b[r.at..]), l)?;
        Ok(Model {
            labels,
            trans,
            edge,
            table,
        })
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], BadModel> {
        let s = self
            .b
            .get(self.at..self.at.saturating_add(n))
            .ok_or(BadModel("truncated"))?;
        self.at += n;
        Ok(s)
    }
    fn byte(&mut self) -> Result<u8, BadModel> {
        Ok(self.take(1)?[0])
    }
}

/// The transition weights of one string: per label pair, and per label
/// pair at each token's boundary class.
struct Transitions<'a> {
    trans: &'a [f32],
    edge: &'a [f32],
    edges: &'a [u8],
}

impl Transitions<'_> {
    /// The weights of every label after label `p` at token `i` (`i > 0`).
    fn after(&self, i: usize, p: usize, l: usize) -> (&[f32], &[f32]) {
        let c = self
            .edges
            .get(i)
            .map_or(0, |&c| (c as usize).min(EDGE_CLASSES - 1));
        let at = (c * l + p) * l;
        (
            &self.trans[(p + 1) * l..(p + 2) * l],
            &self.edge[at..at + l],
        )
    }
}

/// Viterbi over `t` tokens and `l` labels.
fn viterbi(e: &[f32], tr: &Transitions, t: usize, l: usize) -> Vec<u8> {
    if t == 0 {
        return Vec::new();
    }
    let mut score = vec![0.0f32; l];
    score.copy_from_slice(&tr.trans[..l]);
    for (s, x) in score.iter_mut().zip(&e[..l]) {
        *s += x;
    }
    let mut back = vec![0u8; t * l];
    let mut next = vec![0.0f32; l];
    for i in 1..t {
        next.fill(f32::NEG_INFINITY);
        // Previous label outermost: each one's two weight rows are read
        // once, in order.
        for (p, s) in score.iter().enumerate() {
            let (pair, edge) = tr.after(i, p, l);
            for y in 0..l {
                let v = s + pair[y] + edge[y];
                if v > next[y] {
                    next[y] = v;
                    back[i * l + y] = p as u8;
                }
            }
        }
        for (n, x) in next.iter_mut().zip(&e[i * l..(i + 1) * l]) {
            *n += x;
        }
        std::mem::swap(&mut score, &mut next);
    }
    let mut y = (0..l)
        .max_by(|a, b| score[*a].total_cmp(&score[*b]).then(b.cmp(a)))
        .unwrap_or(0);
    let mut out = vec![0u8; t];
    for i in (0..t).rev() {
        out[i] = y as u8;
        if i > 0 {
            y = back[i * l + y] as usize;
        }
    }
    out
}

/// One training sequence: its features and its gold labels.
pub struct Example {
    /// The features of its tokens.
    pub features: Features,
    /// The gold label of each token.
    pub labels: Vec<u8>,
}

/// How to train.
#[derive(Debug, Clone, Copy)]
pub struct Training {
    /// Passes over the data.
    pub epochs: usize,
    /// Features seen fewer times than this are dropped.
    pub min_count: u32,
    /// Seed of the order in which examples are visited.
    pub seed: u64,
}

/// Trains an averaged perceptron on `data` with the label names `labels`.
/// Deterministic: the same data, labels and settings give the same model.
pub fn train(data: &[Example], labels: &[&str], cfg: Training) -> Model {
    let l = labels.len();
    // Feature rows, numbered in order of first appearance, which is
    // deterministic, unlike a hash map's iteration order.
    let mut counts: HashMap<u64, u32, BuildHasherDefault<IdHasher>> = HashMap::default();
    for ex in data {
        for h in &ex.features.ids {
            *counts.entry(*h).or_default() += 1;
        }
    }
    let mut index: HashMap<u64, u32, BuildHasherDefault<IdHasher>> = HashMap::default();
    for ex in data {
        for h in &ex.features.ids {
            if counts[h] >= cfg.min_count {
                let next = index.len() as u32;
                index.entry(*h).or_insert(next);
            }
        }
    }
    drop(counts);
    let rows: Vec<Vec<u32>> = data
        .iter()
        .flat_map(|ex| {
            (0..ex.features.len()).map(|i| {
                ex.features
                    .of(i)
                    .iter()
                    .filter_map(|h| index.get(h).copied())
                    .collect()
            })
        })
        .collect();
    let mut offsets = Vec::with_capacity(data.len() + 1);
    let mut acc = 0;
    for ex in data {
        offsets.push(acc);
        acc += ex.features.len();
    }
    offsets.push(acc);
    let nf = index.len();
    let mut w = vec![0.0f32; nf * l];
    let mut wsum = vec![0.0f32; nf * l];
    let mut tr = vec![0.0f32; (l + 1) * l];
    let mut trsum = vec![0.0f32; (l + 1) * l];
    let mut ed = vec![0.0f32; EDGE_CLASSES * l * l];
    let mut edsum = vec![0.0f32; EDGE_CLASSES * l * l];
    let mut c = 1.0f32;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = cfg.seed | 1;
    for _ in 0..cfg.epochs {
        // Fisher–Yates with xorshift: a fixed order for a fixed seed.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &k in &order {
            let ex = &data[k];
            let t = ex.labels.len();
            let toks = &rows[offsets[k]..offsets[k + 1]];
            let mut e = vec![0.0f32; t * l];
            for (i, feats) in toks.iter().enumerate() {
                for &r in feats {
                    let wr = &w[r as usize * l..(r as usize + 1) * l];
                    for (a, b) in e[i * l..(i + 1) * l].iter_mut().zip(wr) {
                        *a += b;
                    }
                }
            }
            let edges = &ex.features.edges;
            let guess = viterbi(
                &e,
                &Transitions {
                    trans: &tr,
                    edge: &ed,
                    edges,
                },
                t,
                l,
            );
            if guess != ex.labels {
                for i in 0..t {
                    let (g, y) = (guess[i] as usize, ex.labels[i] as usize);
                    let pg = if i == 0 { 0 } else { guess[i - 1] as usize + 1 };
                    let py = if i == 0 {
                        0
                    } else {
                        ex.labels[i - 1] as usize + 1
                    };
                    if g != y {
                        for &r in &toks[i] {
                            let r = r as usize;
                            w[r * l + y] += 1.0;
                            wsum[r * l + y] += c;
                            w[r * l + g] -= 1.0;
                            wsum[r * l + g] -= c;
                        }
                    }
                    if g != y || pg != py {
                        tr[py * l + y] += 1.0;
                        trsum[py * l + y] += c;
                        tr[pg * l + g] -= 1.0;
                        trsum[pg * l + g] -= c;
                        if i > 0 {
                            let cl = edges.get(i).map_or(0, |&x| x as usize);
                            let (ay, ag) = ((cl * l + py - 1) * l + y, (cl * l + pg - 1) * l + g);
                            ed[ay] += 1.0;
                            edsum[ay] += c;
                            ed[ag] -= 1.0;
                            edsum[ag] -= c;
                        }
                    }
                }
            }
            c += 1.0;
        }
    }
    // Averaging: w - wsum / c is the mean of the weights over all steps.
    for (a, s) in w.iter_mut().zip(&wsum) {
        *a -= s / c;
    }
    for (a, s) in tr.iter_mut().zip(&trsum).chain(ed.iter_mut().zip(&edsum)) {
        *a -= s / c;
    }
    // The weights as the file stores them, so that a model trained here
    // tags exactly as the same model read back.
    let rows = index
        .into_iter()
        .map(|(h, row)| {
            let nz = w[row as usize * l..(row as usize + 1) * l]
                .iter()
                .enumerate()
                .filter_map(|(y, &v)| {
                    let q = (v * SCALE).round().clamp(-32767.0, 32767.0) as i16;
                    (q != 0).then_some((y as u8, q))
                })
                .collect::<Vec<_>>();
            (h, nz)
        })
        .filter(|(_, nz)| !nz.is_empty())
        .collect();
    Model {
        labels: labels.iter().map(|s| s.to_string()).collect(),
        trans: tr,
        edge: ed,
        table: Table::none(),
    }
    .with_table(Table::build(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_finds_every_hash_it_holds_and_no_other() {
        for n in [0usize, 1, 2, 3, 1000] {
            // Hashes alike in their top bits, as feature hashes are.
            let rows: Vec<(u64, Vec<(u8, i16)>)> = (0..n as u64)
                .map(|i| (i * 7 + 1, vec![(1, i as i16 + 1), (0, -3)]))
                .collect();
            let t = Table::read(Cow::Owned(Table::build(rows.clone())), 2).expect("reads");
            assert_eq!(t.len(), n);
            for (h, w) in &rows {
                let got: Vec<(usize, f32)> =
                    t.get(*h).unwrap().chunks_exact(3).map(weight).collect();
                let want: Vec<(usize, f32)> = w
                    .iter()
                    .map(|&(y, q)| (y as usize, f32::from(q) / SCALE))
                    .collect();
                assert_eq!(got, want);
            }
            assert_eq!(t.get(0), None);
            assert_eq!(t.get(u64::MAX), None);
        }
    }

    #[test]
    fn a_table_with_a_label_beyond_the_model_is_refused() {
        let b = Table::build(vec![(5, vec![(3, 1)])]);
        assert!(Table::read(Cow::Owned(b.clone()), 4).is_ok());
        assert_eq!(
            Table::read(Cow::Owned(b), 3).unwrap_err(),
            BadModel("label out of range")
        );
    }

    fn feats(ids: &[&[u64]]) -> Features {
        let mut f = Features::default();
        for t in ids {
            f.starts.push(f.ids.len());
            f.ids.extend_from_slice(t);
        }
        f.starts.push(f.ids.len());
        f
    }

    fn toy() -> (Vec<Example>, Model) {
        // Label 1 for feature 7, label 0 otherwise.
        let data: Vec<Example> = (0..20)
            .map(|k| Example {
                features: feats(&[&[1, 7], &[1, 9], &[1, if k % 2 == 0 { 7 } else { 9 }]]),
                labels: vec![1, 0, if k % 2 == 0 { 1 } else { 0 }],
            })
            .collect();
        let cfg = Training {
            epochs: 5,
            min_count: 1,
            seed: 3,
        };
        let m = train(&data, &["a", "b"], cfg);
        (data, m)
    }

    #[test]
    fn learns_a_separable_toy() {
        let (data, m) = toy();
        for ex in &data {
            assert_eq!(m.tag(&ex.features), ex.labels);
        }
    }

    #[test]
    fn learns_a_label_change_that_only_the_boundary_tells() {
        // Every token looks alike; the label changes where the boundary
        // is of class 5, and only there.
        let data: Vec<Example> = (0..20)
            .map(|k| {
                let mut f = feats(&[&[1], &[1], &[1], &[1]]);
                let at = 1 + k % 3;
                f.edges = (0..4).map(|i| if i == at { 5 } else { 1 }).collect();
                let labels = (0..4).map(|i| u8::from(i >= at)).collect();
                Example {
                    features: f,
                    labels,
                }
            })
            .collect();
        let cfg = Training {
            epochs: 10,
            min_count: 1,
            seed: 3,
        };
        let m = train(&data, &["a", "b"], cfg);
        for ex in &data {
            assert_eq!(m.tag(&ex.features), ex.labels);
        }
        let back = Model::from_bytes(&m.to_bytes()).expect("round trip");
        assert_eq!(back.tag(&data[1].features), data[1].labels);
    }

    #[test]
    fn round_trips_through_bytes() {
        let (data, m) = toy();
        let b = m.to_bytes();
        let back = Model::from_bytes(&b).expect("model reads back");
        assert_eq!(back.labels, m.labels);
        for ex in &data {
            assert_eq!(back.tag(&ex.features), m.tag(&ex.features));
        }
        assert_eq!(back.to_bytes(), b);
    }

    #[test]
    fn damaged_files_are_refused() {
        let (_, m) = toy();
        let b = m.to_bytes();
        for cut in 0..b.len() {
            assert!(Model::from_bytes(&b[..cut]).is_err());
        }
        assert!(Model::from_bytes(b"CMTAG01\n\x00").is_err());
    }

    #[test]
    fn empty_input_tags_nothing() {
        let (_, m) = toy();
        assert!(m.tag(&Features::default()).is_empty());
    }
}
