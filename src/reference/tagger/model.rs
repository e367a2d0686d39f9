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
//! weights (pairs, then pairs per boundary class), and the feature hashes
//! in ascending order, each with the labels it has a weight for. Weights are stored as `i16` at a fixed
//! scale, which loses nothing a decision depends on.

use super::features::{EDGE_CLASSES, Features};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The magic bytes that begin a model file, with the format version.
const MAGIC: &[u8; 8] = b"CMTAG02\n";
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
    /// Feature hash to its weights: `start << 8 | count` into `ys` and `ws`.
    index: Index,
    /// The label of each stored weight. Only non-zero weights are stored,
    /// four or five a feature, which keeps the tables small enough for the
    /// cache.
    ys: Vec<u8>,
    /// The stored weights.
    ws: Vec<f32>,
}

/// Feature hash to its row (`start << 8 | count`): an open table laid out
/// by bucket, so that it is built in two linear passes (count, then place)
/// rather than by a hash map's inserts, and a look-up reads the bucket's
/// bounds and one or two pairs.
#[derive(Debug, Clone, Default)]
struct Index {
    /// `(hash, row)` grouped by bucket, side by side so that a look-up
    /// reads one cache line.
    pairs: Vec<(u64, u64)>,
    /// `starts[b]..starts[b + 1]`: the pairs in bucket `b`.
    starts: Vec<u32>,
    bits: u32,
}

impl Index {
    fn new(pairs: Vec<(u64, u64)>) -> Index {
        let n = pairs.len();
        // About one pair a bucket.
        let bits = (usize::BITS - n.leading_zeros()).clamp(1, 24);
        let mut starts = vec![0u32; (1usize << bits) + 1];
        for p in &pairs {
            starts[Self::bucket(p.0, bits) + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        let mut next = starts.clone();
        let mut placed = vec![(0u64, 0u64); n];
        for p in pairs {
            let b = Self::bucket(p.0, bits);
            placed[next[b] as usize] = p;
            next[b] += 1;
        }
        Index {
            pairs: placed,
            starts,
            bits,
        }
    }

    /// The feature hashes are not uniform in their top bits: mix them
    /// first (a Fibonacci multiply), so that buckets hold one or two.
    fn bucket(h: u64, bits: u32) -> usize {
        ((h ^ (h >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
    }

    fn get(&self, h: &u64) -> Option<&u64> {
        let b = Self::bucket(*h, self.bits);
        let (lo, hi) = (
            *self.starts.get(b)? as usize,
            *self.starts.get(b + 1)? as usize,
        );
        self.pairs
            .get(lo..hi)?
            .iter()
            .find(|p| p.0 == *h)
            .map(|p| &p.1)
    }
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
    fn n(&self) -> usize {
        self.labels.len()
    }

    /// The score of each label for each token, before transitions.
    fn emissions(&self, f: &Features) -> Vec<f32> {
        let l = self.n();
        let mut e = vec![0.0; f.len() * l];
        for i in 0..f.len() {
            let row = &mut e[i * l..(i + 1) * l];
            for h in f.of(i) {
                if let Some(&at) = self.index.get(h) {
                    let (start, k) = ((at >> 8) as usize, (at & 0xff) as usize);
                    for (&y, &w) in self.ys[start..start + k]
                        .iter()
                        .zip(&self.ws[start..start + k])
                    {
                        row[y as usize] += w;
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
        let mut rows = self.index.pairs.clone();
        rows.sort_unstable();
        let kept: Vec<(u64, Vec<(u8, i16)>)> = rows
            .into_iter()
            .map(|(h, at)| {
                let (start, k) = ((at >> 8) as usize, (at & 0xff) as usize);
                let nz = (start..start + k)
                    .filter_map(|j| {
                        let q = (self.ws[j] * SCALE).round().clamp(-32767.0, 32767.0) as i16;
                        (q != 0).then_some((self.ys[j], q))
                    })
                    .collect::<Vec<_>>();
                (h, nz)
            })
            .filter(|(_, nz)| !nz.is_empty())
            .collect();
        out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
        let mut last = 0u64;
        for (h, nz) in kept {
            // Hashes ascend, so their differences are small: a varint each.
            varint(&mut out, h - last);
            last = h;
            out.push(nz.len() as u8);
            for (y, q) in nz {
                out.push(y);
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> Result<Model, BadModel> {
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
            if n.saturating_mul(4) > b.len() {
                return Err(BadModel("truncated"));
            }
            let mut v = Vec::with_capacity(n);
            for _ in 0..n {
                let w = r.take(4)?;
                v.push(f32::from_le_bytes([w[0], w[1], w[2], w[3]]));
            }
            Ok(v)
        };
        let trans = floats((l + 1) * l)?;
        let edge = floats(EDGE_CLASSES * l * l)?;
        let n = r.u32()? as usize;
        if n > b.len() {
            return Err(BadModel("feature count beyond the file"));
        }
        let mut pairs = Vec::with_capacity(n);
        // Each stored weight takes three bytes of the file.
        let (mut ys, mut ws) = (
            Vec::with_capacity(b.len() / 3),
            Vec::with_capacity(b.len() / 3),
        );
        let mut h = 0u64;
        for _ in 0..n {
            h = h.wrapping_add(r.varint()?);
            let k = r.byte()? as usize;
            pairs.push((h, ((ys.len() as u64) << 8) | k as u64));
            for _ in 0..k {
                let y = r.byte()?;
                let q = r.take(2)?;
                if y as usize >= l {
                    return Err(BadModel("label out of range"));
                }
                ys.push(y);
                ws.push(f32::from(i16::from_le_bytes([q[0], q[1]])) / SCALE);
            }
        }
        if r.at != b.len() {
            return Err(BadModel("trailing bytes"));
        }
        Ok(Model {
            labels,
            trans,
            edge,
            index: Index::new(pairs),
            ys,
            ws,
        })
    }
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
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
    fn u32(&mut self) -> Result<u32, BadModel> {
        let w = self.take(4)?;
        Ok(u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
    }
    fn varint(&mut self) -> Result<u64, BadModel> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(BadModel("varint too long"))
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
    let mut sparse = Vec::with_capacity(index.len());
    let (mut ys, mut ws) = (Vec::new(), Vec::new());
    for (h, row) in index {
        let start = ys.len() as u64;
        for (y, &v) in w[row as usize * l..(row as usize + 1) * l]
            .iter()
            .enumerate()
        {
            if v != 0.0 {
                ys.push(y as u8);
                ws.push(v);
            }
        }
        sparse.push((h, (start << 8) | (ys.len() as u64 - start)));
    }
    Model {
        labels: labels.iter().map(|s| s.to_string()).collect(),
        trans: tr,
        edge: ed,
        index: Index::new(sparse),
        ys,
        ws,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_finds_every_hash_it_holds_and_no_other() {
        for n in [0usize, 1, 2, 3, 1000] {
            // Hashes alike in their top bits, as feature hashes are.
            let pairs: Vec<(u64, u64)> = (0..n as u64).map(|i| (i * 7 + 1, i)).collect();
            let ix = Index::new(pairs.clone());
            for (h, r) in &pairs {
                assert_eq!(ix.get(h), Some(r));
            }
            assert_eq!(ix.get(&0), None);
            assert_eq!(ix.get(&u64::MAX), None);
            assert_eq!(ix.pairs.len(), n);
        }
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
