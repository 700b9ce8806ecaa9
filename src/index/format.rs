//! The embedded form of the index's tables: compact on the wire, and cheap to decode.
//!
//! Every table is laid out for brotli, which compresses the embedded bytes on the way to the
//! browser: values of one kind stand together, and what decoding can work out is not stored.
//! - a *string table* is a sorted list of strings, front-coded: each string stores how many
//!   bytes it shares with the one before and the rest of it, the rests one text with a line
//!   break after each; decoding writes the strings out again;
//! - a *group table* gives each entry of a list a list of term ids (the terms holding a part);
//! - the *stem table* groups the terms by stem, storing each stem against its term (see
//!   [`StemTable`]);
//! - a *posting list* is a term's postings in passage order: the gap to the previous passage
//!   (a varint, usually one byte) and one byte of term frequencies (see [`pack`]). All gaps
//!   are one byte string and all frequency bytes another, with each term's count of
//!   postings; both are borrowed from the embedded bytes and read by [`Postings`] as the
//!   engine walks them.
//!
//! Decoding checks that the tables agree with each other, so the engine can index them
//! without checks of its own; a posting list that is cut short ends early instead of failing.

use std::borrow::Cow;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::FIELD_COUNT;

/// Term frequency in the text field saturates here: BM25 no longer tells 31 from 32.
pub const MAX_TEXT_TF: u8 = 31;

/// One passage in a term's posting list: how often the term occurs in each field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub passage: u32,
    /// Per field, in the order of [`super::Field`]. The text field counts up to
    /// [`MAX_TEXT_TF`]; heading, title and people are short, so they only say 0 or 1.
    pub tf: [u8; FIELD_COUNT],
}

/// The frequency byte: bits 0–4 the text count, bits 5, 6, 7 whether the term is in the
/// heading, the title, the people.
pub fn pack(tf: [u8; FIELD_COUNT]) -> u8 {
    tf[0].min(MAX_TEXT_TF)
        | u8::from(tf[1] > 0) << 5
        | u8::from(tf[2] > 0) << 6
        | u8::from(tf[3] > 0) << 7
}

pub fn unpack(byte: u8) -> [u8; FIELD_COUNT] {
    [byte & 0x1f, byte >> 5 & 1, byte >> 6 & 1, byte >> 7]
}

/// A sorted table of strings (terms, parts, phrases).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Strings {
    /// The strings one after the other.
    text: String,
    /// End offset of each string in `text`.
    ends: Vec<u32>,
}

/// How many bytes `a` and `b` start with alike, cut back to a character boundary.
fn common_start(a: &str, b: &str) -> usize {
    let mut same = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(same) || !b.is_char_boundary(same) {
        same -= 1;
    }
    same
}

impl Strings {
    /// A table of `strings`, which must be sorted and unique.
    pub fn from_sorted<S: AsRef<str>>(strings: &[S]) -> Strings {
        debug_assert!(
            strings.windows(2).all(|w| w[0].as_ref() < w[1].as_ref()),
            "string tables are sorted"
        );
        let mut text = String::new();
        let mut ends = Vec::with_capacity(strings.len());
        for s in strings {
            text.push_str(s.as_ref());
            ends.push(text.len() as u32);
        }
        Strings { text, ends }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn get(&self, i: u32) -> &str {
        let i = i as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// The length of string `i` in bytes.
    pub fn byte_len(&self, i: u32) -> usize {
        let i = i as usize;
        (self.ends[i] - if i == 0 { 0 } else { self.ends[i - 1] }) as usize
    }

    /// The bytes of string `i`: searches compare bytes (UTF-8 orders as the characters do),
    /// which spares them the character-boundary checks of slicing a `str`.
    fn bytes(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.as_bytes().get(start..self.ends[i] as usize).unwrap_or_default()
    }

    /// The position of `s`, if the table holds it.
    pub fn find(&self, s: &str) -> Option<u32> {
        let at = self.partition_point(|t| t < s.as_bytes());
        (at < self.len() && self.bytes(at) == s.as_bytes()).then_some(at as u32)
    }

    /// [`Strings::find`] of `parts` joined by single spaces.
    pub fn find_joined(&self, parts: &[String]) -> Option<u32> {
        if parts.is_empty() {
            return None;
        }
        self.find(&parts.join(" "))
    }

    /// The positions of the strings that start with `prefix`: a range, as the table is sorted.
    pub fn prefix_range(&self, prefix: &str) -> std::ops::Range<u32> {
        let prefix = prefix.as_bytes();
        let start = self.partition_point(|t| t < prefix);
        let end = start + self.partition_point_from(start, |t| t.starts_with(prefix));
        start as u32..end as u32
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len() as u32).map(|i| self.get(i))
    }

    /// The first place where `pred` fails (all before it pass).
    fn partition_point(&self, pred: impl Fn(&[u8]) -> bool) -> usize {
        self.partition_point_from(0, pred)
    }

    /// The first place from `from` on where `pred` fails (all before it pass), less `from`.
    fn partition_point_from(&self, from: usize, pred: impl Fn(&[u8]) -> bool) -> usize {
        let (mut lo, mut hi) = (from, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(self.bytes(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo - from
    }
}

impl Serialize for Strings {
    /// Front-coded: per string the bytes it shares with the one before, then the rests, each
    /// ended by a line break (no term, part or phrase holds one).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut shared = Vec::with_capacity(self.len());
        let mut rests = String::with_capacity(self.text.len());
        let mut previous = "";
        for s in self.iter() {
            if s.contains('\n') {
                return Err(serde::ser::Error::custom(
                    "a string of a string table holds a line break",
                ));
            }
            let same = common_start(previous, s);
            shared.push(same as u32);
            rests.push_str(&s[same..]);
            rests.push('\n');
            previous = s;
        }
        (shared, rests).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Strings {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (shared, rests): (Vec<u32>, &'de str) = Deserialize::deserialize(deserializer)?;
        let fail = |what| D::Error::custom(what);
        let mut text = String::with_capacity(rests.len() + 4 * shared.len());
        let mut ends = Vec::with_capacity(shared.len());
        let (mut current, mut rests) = (String::new(), rests);
        for same in shared {
            let (rest, more) =
                rests.split_once('\n').ok_or_else(|| fail("string table rests are cut short"))?;
            rests = more;
            let same = same as usize;
            if same > current.len() || !current.is_char_boundary(same) {
                return Err(fail("string table shares more than the string before holds"));
            }
            current.truncate(same);
            current.push_str(rest);
            if let Some(&end) = ends.last() {
                let start = ends.len().checked_sub(2).map_or(0, |i| ends[i] as usize);
                if *current <= text[start..end as usize] {
                    return Err(fail("string table is not sorted"));
                }
            }
            text.push_str(&current);
            ends.push(text.len() as u32);
        }
        if !rests.is_empty() {
            return Err(fail("string table has rests left over"));
        }
        Ok(Strings { text, ends })
    }
}

/// The terms grouped by stem, stored against the vocabulary instead of as strings of their
/// own: a Snowball stem mostly keeps the start of its term (`bezuinig` of `bezuinigingen`),
/// so each term stores how many bytes its stem drops, and the few stems that then add
/// something (`initiatief` of `initiatieven`) store that *tail*. The terms in stem order,
/// nearly the vocabulary's own order, are stored as differences, which compress to almost
/// nothing. Decoding finds where each stem's run of terms ends.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StemTable<'a> {
    /// Per term: bytes at its end that its stem does not keep.
    drop: Vec<u32>,
    /// (term, the stem's tail), by term, for stems that are not a start of their term.
    tails: Vec<(u32, Cow<'a, str>)>,
    /// Term ids by (stem, id).
    order: Vec<u32>,
    /// End of each stem's run in `order`; found on decoding.
    ends: Vec<u32>,
    /// Per term, its place in `tails` plus one, or 0; found on decoding.
    tail_of: Vec<u32>,
}

impl<'a> StemTable<'a> {
    /// The table of `terms` (sorted) with their `stems`, one per term. Built natively (by
    /// build.rs), so it may sort as it likes: the one-sort rule is for the wasm.
    #[allow(clippy::disallowed_methods)]
    pub fn new(terms: &Strings, stems: &[String]) -> StemTable<'static> {
        let mut table = StemTable::default();
        for (id, stem) in stems.iter().enumerate() {
            let term = terms.get(id as u32);
            let keep = common_start(term, stem);
            table.drop.push((term.len() - keep) as u32);
            if keep < stem.len() {
                table.tails.push((id as u32, Cow::Owned(stem[keep..].to_string())));
            }
        }
        table.order = (0..stems.len() as u32).collect();
        table.order.sort_by(|&a, &b| stems[a as usize].cmp(&stems[b as usize]).then(a.cmp(&b)));
        table.link(terms);
        table
    }

    /// A term's stem, as the start of the term it keeps and the tail it adds.
    fn stem<'t>(&'t self, terms: &'t Strings, term: u32) -> (&'t str, &'t str) {
        let text = terms.get(term);
        let keep = text.len().saturating_sub(self.drop[term as usize] as usize);
        let tail = match self.tail_of[term as usize] {
            0 => "",
            i => &self.tails[i as usize - 1].1,
        };
        (text.get(..keep).unwrap_or(text), tail)
    }

    /// Finds the end of each stem's run in `order`.
    fn link(&mut self, terms: &Strings) {
        self.tail_of = vec![0; self.drop.len()];
        for (i, (term, _)) in self.tails.iter().enumerate() {
            self.tail_of[*term as usize] = i as u32 + 1;
        }
        self.ends.clear();
        for i in 1..self.order.len() {
            let ((a, a_tail), (b, b_tail)) =
                (self.stem(terms, self.order[i - 1]), self.stem(terms, self.order[i]));
            if !a.bytes().chain(a_tail.bytes()).eq(b.bytes().chain(b_tail.bytes())) {
                self.ends.push(i as u32);
            }
        }
        if !self.order.is_empty() {
            self.ends.push(self.order.len() as u32);
        }
    }

    /// The first place of stem run `g` in `order`.
    fn run_start(&self, g: usize) -> usize {
        if g == 0 {
            0
        } else {
            self.ends[g - 1] as usize
        }
    }

    /// Checks the table against the vocabulary and links it; false if they disagree.
    pub fn check_and_link(&mut self, terms: &Strings) -> bool {
        let n = terms.len();
        let mut seen = vec![false; n];
        let permutation = self.order.len() == n
            && self
                .order
                .iter()
                .all(|&t| (t as usize) < n && !std::mem::replace(&mut seen[t as usize], true));
        let fits = self.drop.len() == n
            && self.drop.iter().enumerate().all(|(t, &d)| {
                let text = terms.get(t as u32);
                (d as usize) <= text.len() && text.is_char_boundary(text.len() - d as usize)
            })
            && self.tails.windows(2).all(|w| w[0].0 < w[1].0)
            && self.tails.iter().all(|t| (t.0 as usize) < n);
        if permutation && fits {
            self.link(terms);
        }
        permutation && fits
    }

    /// The stem of term `term`, as stored: a start of the term unless it has a tail.
    pub fn stem_of<'t>(&'t self, terms: &'t Strings, term: u32) -> Cow<'t, str> {
        match self.stem(terms, term) {
            (kept, "") => Cow::Borrowed(kept),
            (kept, tail) => Cow::Owned([kept, tail].concat()),
        }
    }

    /// The terms whose stem is `stem`, in id order. The runs are in the order of their stems
    /// (see [`StemTable::new`]), so a binary search finds it.
    pub fn find(&self, terms: &Strings, stem: &str) -> &[u32] {
        let stem_of_run = |g: usize| self.stem(terms, self.order[self.run_start(g)]);
        let (mut lo, mut hi) = (0, self.ends.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let (kept, tail) = stem_of_run(mid);
            match kept.bytes().chain(tail.bytes()).cmp(stem.bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    return &self.order[self.run_start(mid)..self.ends[mid] as usize]
                }
            }
        }
        &[]
    }
}

impl Serialize for StemTable<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut previous = 0i64;
        let steps: Vec<i32> = self
            .order
            .iter()
            .map(|&t| {
                let step = (t as i64 - previous) as i32;
                previous = t as i64;
                step
            })
            .collect();
        let tails: Vec<(u32, &str)> = self.tails.iter().map(|(t, s)| (*t, &**s)).collect();
        (&self.drop, tails, steps).serialize(serializer)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for StemTable<'a> {
    /// Unlinked: [`StemTable::check_and_link`] completes it against the vocabulary.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (drop, tails, steps): (Vec<u32>, Vec<(u32, &'de str)>, Vec<i32>) =
            Deserialize::deserialize(deserializer)?;
        let mut previous = 0i64;
        let mut order = Vec::with_capacity(steps.len());
        for step in steps {
            previous += i64::from(step);
            order.push(
                u32::try_from(previous).map_err(|_| D::Error::custom("stem order out of range"))?,
            );
        }
        Ok(StemTable {
            drop,
            tails: tails.into_iter().map(|(t, s)| (t, Cow::Borrowed(s))).collect(),
            order,
            ends: Vec::new(),
            tail_of: Vec::new(),
        })
    }
}

/// Term ids in ascending order, stored as the steps between them (mostly small).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TermIds(Vec<u32>);

impl TermIds {
    pub fn new(ids: Vec<u32>) -> TermIds {
        debug_assert!(ids.windows(2).all(|w| w[0] < w[1]), "term ids ascend");
        TermIds(ids)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn last(&self) -> Option<u32> {
        self.0.last().copied()
    }

    /// The place of `id` among them.
    pub fn position(&self, id: u32) -> Option<u32> {
        self.0.binary_search(&id).ok().map(|i| i as u32)
    }
}

impl Serialize for TermIds {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut previous = 0;
        let steps: Vec<u32> =
            self.0.iter().map(|&id| id - std::mem::replace(&mut previous, id)).collect();
        steps.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for TermIds {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let steps: Vec<u32> = Deserialize::deserialize(deserializer)?;
        let mut ids = Vec::with_capacity(steps.len());
        for step in steps {
            let id = match ids.last() {
                None => Some(step),
                Some(&previous) => u32::checked_add(previous, step).filter(|_| step > 0),
            };
            ids.push(id.ok_or_else(|| D::Error::custom("term ids do not ascend"))?);
        }
        Ok(TermIds(ids))
    }
}

/// For each entry of a string table, a list of term ids.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Groups {
    /// `ids[ends[i - 1]..ends[i]]` is entry `i`'s list.
    ends: Vec<u32>,
    ids: Vec<u32>,
}

impl Groups {
    pub fn from_lists(lists: impl IntoIterator<Item = Vec<u32>>) -> Groups {
        let mut groups = Groups::default();
        for list in lists {
            groups.ids.extend(list);
            groups.ends.push(groups.ids.len() as u32);
        }
        groups
    }

    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn get(&self, i: u32) -> &[u32] {
        let i = i as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.ids[start..self.ends[i] as usize]
    }

    /// The largest id held, if any.
    pub fn max_id(&self) -> Option<u32> {
        self.ids.iter().copied().max()
    }
}

impl Serialize for Groups {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (lengths(&self.ends), &self.ids).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Groups {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (lens, ids): (Vec<u32>, Vec<u32>) = Deserialize::deserialize(deserializer)?;
        let ends = ends(&lens, ids.len())
            .ok_or_else(|| D::Error::custom("group table lengths do not add up"))?;
        Ok(Groups { ends, ids })
    }
}

/// Every term's posting list, in term order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PostingLists<'a> {
    /// Every list's passage gaps (varints), one list after the other.
    gaps: Cow<'a, [u8]>,
    /// Every list's frequency bytes, one per posting, in the same order.
    tfs: Cow<'a, [u8]>,
    /// Number of postings of each term (its document frequency).
    counts: Vec<u32>,
    /// End of each term's gaps in `gaps`; found on decoding.
    gap_ends: Vec<u32>,
    /// End of each term's frequency bytes in `tfs`: the running sum of `counts`.
    tf_ends: Vec<u32>,
}

impl PostingLists<'_> {
    /// Appends the next term's list, sorted by passage.
    pub fn push(&mut self, postings: &[Posting]) {
        let (gaps, tfs) = (self.gaps.to_mut(), self.tfs.to_mut());
        let mut next = 0; // the smallest passage the next posting can have
        for p in postings {
            debug_assert!(p.passage >= next, "postings are sorted and unique");
            write_varint(gaps, p.passage - next);
            tfs.push(pack(p.tf));
            next = p.passage + 1;
        }
        self.gap_ends.push(gaps.len() as u32);
        self.tf_ends.push(tfs.len() as u32);
        self.counts.push(postings.len() as u32);
    }

    pub(crate) fn len(&self) -> usize {
        self.counts.len()
    }

    pub fn get(&self, term: u32) -> Postings<'_> {
        let t = term as usize;
        let start = |ends: &[u32]| if t == 0 { 0 } else { ends[t - 1] as usize };
        Postings {
            gaps: &self.gaps[start(&self.gap_ends)..self.gap_ends[t] as usize],
            tfs: &self.tfs[start(&self.tf_ends)..self.tf_ends[t] as usize],
            next: 0,
        }
    }

    pub fn count(&self, term: u32) -> u32 {
        self.counts[term as usize]
    }

    /// Size of the encoded lists in bytes.
    pub fn byte_len(&self) -> usize {
        self.gaps.len() + self.tfs.len()
    }
}

impl Serialize for PostingLists<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (&*self.gaps, &*self.tfs, &self.counts).serialize(serializer)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for PostingLists<'a> {
    /// Finds where each list starts: in `tfs` by adding up the counts, in `gaps` by counting
    /// the varints (each ends at a byte below 0x80).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (gaps, tfs, counts): (&'de [u8], &'de [u8], Vec<u32>) =
            Deserialize::deserialize(deserializer)?;
        let tf_ends = ends(&counts, tfs.len())
            .ok_or_else(|| D::Error::custom("posting counts do not add up"))?;
        let mut gap_ends = Vec::with_capacity(counts.len());
        let (mut at, mut varints_left) = (0usize, 0u32);
        for &count in &counts {
            varints_left += count;
            while varints_left > 0 {
                let &byte =
                    gaps.get(at).ok_or_else(|| D::Error::custom("posting gaps are cut short"))?;
                varints_left -= u32::from(byte < 0x80);
                at += 1;
            }
            gap_ends.push(at as u32);
        }
        if at != gaps.len() {
            return Err(D::Error::custom("posting gaps left over"));
        }
        Ok(PostingLists {
            gaps: Cow::Borrowed(gaps),
            tfs: Cow::Borrowed(tfs),
            counts,
            gap_ends,
            tf_ends,
        })
    }
}

/// Reads one posting list.
#[derive(Debug, Clone)]
pub struct Postings<'b> {
    gaps: &'b [u8],
    tfs: &'b [u8],
    next: u32,
}

impl Iterator for Postings<'_> {
    type Item = Posting;

    fn next(&mut self) -> Option<Posting> {
        let (&tf, tfs) = self.tfs.split_first()?;
        let (gap, used) = read_varint(self.gaps)?;
        self.gaps = &self.gaps[used..];
        self.tfs = tfs;
        let passage = self.next.checked_add(gap)?;
        self.next = passage.checked_add(1)?;
        Some(Posting { passage, tf: unpack(tf) })
    }
}

fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// The value and the number of bytes it took; `None` if cut short or too long.
fn read_varint(bytes: &[u8]) -> Option<(u32, usize)> {
    let mut value = 0u32;
    for (i, &b) in bytes.iter().enumerate().take(5) {
        value |= u32::from(b & 0x7f) << (7 * i);
        if b < 0x80 {
            return Some((value, i + 1));
        }
    }
    None
}

fn lengths(ends: &[u32]) -> Vec<u32> {
    let mut previous = 0;
    ends.iter()
        .map(|&e| {
            let len = e - previous;
            previous = e;
            len
        })
        .collect()
}

/// Running sums of `lens`, if they add up to `total`.
fn ends(lens: &[u32], total: usize) -> Option<Vec<u32>> {
    let mut sum = 0u32;
    let ends: Vec<u32> = lens
        .iter()
        .map(|&l| {
            sum = sum.saturating_add(l);
            sum
        })
        .collect();
    (sum as usize == total).then_some(ends)
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_pack(tf: [u8; FIELD_COUNT], back: [u8; FIELD_COUNT]) {
        assert_eq!(unpack(pack(tf)), back, "packing {tf:?}");
    }

    #[test]
    fn the_frequency_byte_keeps_what_ranking_needs() {
        check_pack([0, 0, 0, 0], [0, 0, 0, 0]);
        check_pack([3, 0, 1, 0], [3, 0, 1, 0]);
        check_pack([31, 1, 1, 1], [31, 1, 1, 1]);
        check_pack([200, 2, 3, 4], [31, 1, 1, 1]);
    }

    #[test]
    fn posting_lists_round_trip() {
        let lists: Vec<Vec<Posting>> = vec![
            vec![
                Posting { passage: 0, tf: [1, 0, 0, 0] },
                Posting { passage: 1, tf: [2, 1, 0, 0] },
            ],
            vec![],
            vec![
                Posting { passage: 7, tf: [0, 0, 1, 1] },
                Posting { passage: 300_000, tf: [5, 0, 0, 0] },
            ],
        ];
        let mut encoded = PostingLists::default();
        lists.iter().for_each(|l| encoded.push(l));
        let bytes = postcard::to_allocvec(&encoded).expect("serialises");
        let decoded: PostingLists = postcard::from_bytes(&bytes).expect("decodes");
        assert!(
            matches!((&decoded.gaps, &decoded.tfs), (Cow::Borrowed(_), Cow::Borrowed(_))),
            "the lists are borrowed, not copied"
        );
        for (t, list) in lists.iter().enumerate() {
            assert_eq!(&decoded.get(t as u32).collect::<Vec<_>>(), list);
            assert_eq!(decoded.count(t as u32) as usize, list.len());
        }
    }

    #[test]
    fn cut_lists_end_early() {
        let postings = Postings { gaps: &[0x80, 0x80], tfs: &[1, 1], next: 0 };
        assert_eq!(postings.count(), 0);
        let postings = Postings { gaps: &[3, 4], tfs: &[1], next: 0 };
        assert_eq!(postings.count(), 1);
    }

    #[test]
    fn stem_tables_find_terms_by_stem_after_a_round_trip() {
        let terms =
            Strings::from_sorted(&["initiatief", "initiatieven", "regel", "regels", "zorg"]);
        let stems: Vec<String> =
            ["initiatief", "initiatief", "regel", "regel", "zorg"].map(String::from).to_vec();
        let table = StemTable::new(&terms, &stems);
        let bytes = postcard::to_allocvec(&table).expect("serialises");
        let mut decoded: StemTable = postcard::from_bytes(&bytes).expect("decodes");
        assert!(decoded.check_and_link(&terms));
        assert_eq!(decoded, table);
        assert_eq!(decoded.find(&terms, "initiatief"), &[0, 1]);
        assert_eq!(decoded.find(&terms, "regel"), &[2, 3]);
        assert_eq!(decoded.find(&terms, "zorg"), &[4]);
        assert_eq!(decoded.find(&terms, "initiatie"), &[] as &[u32]);
        assert_eq!(decoded.find(&terms, "zorgen"), &[] as &[u32]);
        assert_eq!(decoded.tails.len(), 1, "only `initiatieven` needs a tail");
        let other = Strings::from_sorted(&["a", "b"]);
        assert!(!decoded.check_and_link(&other), "a table of another vocabulary is refused");
    }

    #[test]
    fn string_tables_find_and_range() {
        let table = Strings::from_sorted(&["regel", "regelgeving", "regels", "zorg"]);
        let bytes = postcard::to_allocvec(&table).expect("serialises");
        let table: Strings = postcard::from_bytes(&bytes).expect("decodes");
        assert_eq!(table.find("regels"), Some(2));
        assert_eq!(table.find("regelx"), None);
        assert_eq!(table.prefix_range("regel"), 0..3);
        assert_eq!(table.prefix_range("z"), 3..4);
        assert_eq!(table.prefix_range("a"), 0..0);
        assert_eq!(table.prefix_range("zz"), 4..4);
    }

    #[test]
    fn joined_parts_are_found_as_the_joined_string() {
        let phrases = [
            "dichter bij de burger",
            "eigen kracht",
            "eigen krachten",
            "wet maatschappelijke ondersteuning",
            "zorg",
        ];
        let table = Strings::from_sorted(&phrases);
        let parts = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        for (i, phrase) in phrases.iter().enumerate() {
            assert_eq!(table.find_joined(&parts(phrase)), Some(i as u32), "{phrase}");
        }
        for other in [
            "eigen",
            "eigen kracht x",
            "eigenkracht",
            "dichter bij de",
            "bij de burger",
            "eigen  kracht",
            "wet maatschappelijke",
        ] {
            assert_eq!(table.find_joined(&parts(other)), table.find(other), "{other}");
        }
        assert_eq!(
            table.find_joined(&["eigen kracht".to_string()]),
            Some(1),
            "a part with a space is matched as written"
        );
        assert_eq!(table.find_joined(&[]), None);
    }

    #[test]
    fn prefix_ranges_are_the_strings_that_start_with_the_prefix() {
        // Every string of up to four characters over a small alphabet with a two-byte letter,
        // and some longer ones; every prefix of up to five characters, and the empty one.
        let alphabet = ["a", "b", "é", "z", "1"];
        let mut words: Vec<String> = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
        }
        words.retain(|w| !w.is_empty());
        words.extend(["aaaaa", "aaaab", "abéza", "zzzzzz", "éééééé"].map(String::from));
        words.sort();
        words.dedup();
        let table = Strings::from_sorted(&words);
        let prefixes = words
            .iter()
            .flat_map(|w| [w.clone(), format!("{w}a"), format!("{w}\0")])
            .chain([String::new(), "\0".into(), "c".into(), "é\0".into()]);
        for prefix in prefixes {
            let range = table.prefix_range(&prefix);
            let expected: Vec<u32> = (0..words.len() as u32)
                .filter(|&i| words[i as usize].starts_with(&prefix))
                .collect();
            assert_eq!(range.clone().collect::<Vec<u32>>(), expected, "prefix {prefix:?}");
            assert!(expected.is_empty() || range.start == expected[0], "prefix {prefix:?}");
        }
    }

    #[test]
    fn string_tables_are_front_coded_and_refused_when_damaged() {
        let table = Strings::from_sorted(&["regel", "regelgeving", "regels", "zorg", "zorgé"]);
        let bytes = postcard::to_allocvec(&table).expect("serialises");
        let (shared, rests): (Vec<u32>, &str) = postcard::from_bytes(&bytes).expect("two parts");
        assert_eq!(shared, [0, 5, 5, 0, 4]);
        assert_eq!(rests, "regel\ngeving\ns\nzorg\né\n");
        assert_eq!(postcard::from_bytes::<Strings>(&bytes).expect("decodes"), table);
        let decode = |shared: &[u32], rests: &str| {
            postcard::from_bytes::<Strings>(&postcard::to_allocvec(&(shared, rests)).unwrap())
        };
        assert!(decode(&[0, 0], "b\na\n").is_err(), "not sorted");
        assert!(decode(&[0, 1], "a\n\n").is_err(), "a repeat");
        assert!(decode(&[0, 1], "b\na\n").is_ok(), "b, ba");
        assert!(decode(&[0, 2], "a\nb\n").is_err(), "shares more than the string before has");
        assert!(decode(&[0, 1], "é\nx\n").is_err(), "shares half a character");
        assert!(decode(&[0, 0], "a\n").is_err(), "a rest missing");
        assert!(decode(&[0], "a\nb\n").is_err(), "a rest left over");
        assert!(decode(&[u32::MAX], "a\n").is_err(), "shares more than there is");
        assert!(
            postcard::to_allocvec(&Strings::from_sorted(&["a\nb"])).is_err(),
            "a line break cannot be stored"
        );
    }

    #[test]
    fn term_ids_are_stored_as_steps_and_must_ascend() {
        let ids = TermIds::new(vec![3, 4, 10]);
        let bytes = postcard::to_allocvec(&ids).expect("serialises");
        assert_eq!(postcard::from_bytes::<Vec<u32>>(&bytes).expect("steps"), [3, 1, 6]);
        let decoded: TermIds = postcard::from_bytes(&bytes).expect("decodes");
        assert_eq!(
            (decoded.position(4), decoded.position(5), decoded.last()),
            (Some(1), None, Some(10))
        );
        for steps in [vec![3u32, 0], vec![1, u32::MAX]] {
            assert!(
                postcard::from_bytes::<TermIds>(&postcard::to_allocvec(&steps).unwrap()).is_err(),
                "{steps:?} decoded"
            );
        }
    }
}
