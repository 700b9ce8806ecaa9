//! Top-k selection while scoring: the `k` best passages so far, kept in a small array, so a
//! ranked query neither collects its candidates nor sorts them.
//!
//! Terms:
//! - a *rank key* orders passages, higher first: coverage, then closeness, then score (see
//!   [`super::engine`]); equal keys go to the earlier passage;
//! - the *weakest member* is the entry any newcomer must beat to get in; once the array is
//!   full, the weakest member's key only rises, which is what lets scoring skip postings
//!   that cannot beat it.

/// The score part of a rank key (its low 32 bits are the bits of a non-negative `f32`).
pub(super) fn key_score(key: u64) -> f32 {
    f32::from_bits(key as u32)
}

/// The `k` best (key, passage) pairs offered so far.
#[derive(Debug, Default)]
pub(super) struct TopK {
    k: usize,
    /// (key, passage), in no order.
    entries: Vec<(u64, u32)>,
    /// The place of the weakest member in `entries`, once full.
    weakest: usize,
    /// What a key must reach to be offered (see [`TopK::threshold`]).
    threshold: u64,
    /// The lowest score among the members, once full.
    min_score: f32,
}

/// True if `a` ranks above `b`: a higher key, or the same key and an earlier passage.
fn beats(a: (u64, u32), b: (u64, u32)) -> bool {
    a.0 > b.0 || (a.0 == b.0 && a.1 < b.1)
}

impl TopK {
    /// Empties it for a new query keeping `k` passages; the array keeps its allocation.
    pub fn reset(&mut self, k: usize) {
        self.k = k;
        self.entries.clear();
        self.weakest = 0;
        self.min_score = 0.0;
        self.threshold = if k == 0 { u64::MAX } else { 0 };
    }

    pub fn is_full(&self) -> bool {
        self.entries.len() >= self.k
    }

    /// The weakest member's key, once full.
    pub fn weakest_key(&self) -> Option<u64> {
        (self.is_full() && self.k > 0).then(|| self.entries[self.weakest].0)
    }

    /// A key below this cannot get in (one equal to it may, for an earlier passage): the
    /// weakest member's key once full, 0 before, and more than any key when keeping none.
    /// A field, not worked out from the weakest member: every posting of a query asks.
    #[inline]
    pub fn threshold(&self) -> u64 {
        self.threshold
    }

    /// The lowest score among the members; a passage scoring less can neither get in nor
    /// change a member's score, once full.
    pub fn min_score(&self) -> f32 {
        self.min_score
    }

    /// Offers `passage` with its current key. `member` says whether it is in the array
    /// already (the caller keeps that bit per passage); returns whether it is in afterwards,
    /// and the passage it pushed out, if any.
    pub fn offer(&mut self, passage: u32, key: u64, member: bool) -> (bool, Option<u32>) {
        if self.k == 0 {
            return (false, None);
        }
        if member {
            // Keys only rise during a query; a member stays one.
            let slot =
                self.entries.iter().position(|e| e.1 == passage).expect("a member is in the array");
            self.entries[slot].0 = key;
            if self.is_full() {
                self.find_weakest();
            }
            return (true, None);
        }
        if !self.is_full() {
            self.entries.push((key, passage));
            if self.is_full() {
                self.find_weakest();
            }
            return (true, None);
        }
        if !beats((key, passage), self.entries[self.weakest]) {
            return (false, None);
        }
        let out = std::mem::replace(&mut self.entries[self.weakest], (key, passage)).1;
        self.find_weakest();
        (true, Some(out))
    }

    fn find_weakest(&mut self) {
        let mut weakest = 0;
        let mut min_score = f32::INFINITY;
        for (i, &e) in self.entries.iter().enumerate() {
            if beats(self.entries[weakest], e) {
                weakest = i;
            }
            // Not `f32::min`, a library call in wasm; scores are never NaN.
            if key_score(e.0) < min_score {
                min_score = key_score(e.0);
            }
        }
        self.weakest = weakest;
        self.min_score = min_score;
        self.threshold = self.entries[weakest].0;
    }

    /// The members, best first.
    pub fn sorted(&mut self) -> &[(u64, u32)] {
        // Highest key first, then the earlier passage: sorted by the key's complement.
        self.entries.iter_mut().for_each(|e| e.0 = !e.0);
        crate::sort::sort(&mut self.entries);
        self.entries.iter_mut().for_each(|e| e.0 = !e.0);
        // The weakest member is now the last.
        self.weakest = self.entries.len().saturating_sub(1);
        &self.entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_best_and_prefers_earlier_passages_on_ties() {
        let mut top = TopK::default();
        top.reset(2);
        let mut members = [false; 6];
        for (p, key) in [(0, 5u64), (1, 9), (2, 5), (3, 7), (4, 7)] {
            let (member, out) = top.offer(p, key, members[p as usize]);
            members[p as usize] = member;
            if let Some(out) = out {
                members[out as usize] = false;
            }
        }
        assert_eq!(top.sorted(), &[(9, 1), (7, 3)]);
        // A member's key rises in place.
        let (member, out) = top.offer(3, 10, true);
        assert!(member && out.is_none());
        assert_eq!(top.sorted(), &[(10, 3), (9, 1)]);
    }

    #[test]
    fn agrees_with_sorting_everything_under_rising_keys() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for k in [1, 3, 10] {
            let mut top = TopK::default();
            top.reset(k);
            let (mut keys, mut members) = ([0u64; 40], [false; 40]);
            for _ in 0..2000 {
                // Keys only rise during a query; small steps make ties and equal scores.
                let p = next(40) as usize;
                keys[p] += next(3) << (32 * next(2)) as u32;
                let (member, out) = top.offer(p as u32, keys[p], members[p]);
                members[p] = member;
                if let Some(out) = out {
                    members[out as usize] = false;
                }
                let mut all: Vec<(u64, u32)> = (0..40)
                    .filter(|&q| keys[q] > 0 || members[q])
                    .map(|q| (keys[q], q as u32))
                    .collect();
                all.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                let offered: Vec<(u64, u32)> = all.into_iter().take(k).collect();
                if offered.len() == k {
                    let lowest =
                        offered.iter().map(|e| key_score(e.0)).fold(f32::INFINITY, f32::min);
                    assert_eq!(top.min_score(), lowest, "k {k}");
                    assert_eq!(top.weakest_key(), offered.last().map(|e| e.0), "k {k}");
                    assert_eq!(Some(top.threshold()), top.weakest_key(), "k {k}");
                } else {
                    assert_eq!(top.threshold(), 0, "k {k}: not full, every key may get in");
                }
            }
            let mut expected: Vec<(u64, u32)> =
                (0..40).filter(|&q| members[q]).map(|q| (keys[q], q as u32)).collect();
            expected.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            assert_eq!(top.sorted(), expected.as_slice(), "k {k}");
        }
    }

    #[test]
    fn keeping_none_keeps_none() {
        let mut top = TopK::default();
        top.reset(0);
        assert_eq!(top.threshold(), u64::MAX, "no key gets in");
        assert_eq!(top.offer(1, 1, false), (false, None));
        assert!(top.sorted().is_empty());
    }
}
