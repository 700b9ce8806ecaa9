//! One sort routine for the whole crate.
//!
//! Every `sort`, `sort_by_key` or `sort_unstable` on another element type or with another
//! comparator puts another copy of the standard library's sort into the wasm, some kilobytes
//! each: there were a dozen, about 50 KB of the app's code. Every sort of the core therefore
//! packs its order into a [`Keyed`] pair instead, a `u64` key and a `u32` payload (usually the
//! item's place or id), and sorts those with the one routine below.

/// What every sort sorts: (key, payload), by key, then payload.
pub type Keyed = (u64, u32);

/// Sorts ascending by key, then by payload.
#[inline(never)]
pub fn sort(items: &mut [Keyed]) {
    items.sort_unstable();
}

/// Reorders `items` so that the one at `n` is where a sort would put it, with none greater
/// before it and none smaller after it.
#[inline(never)]
pub fn select(items: &mut [Keyed], n: usize) {
    if n < items.len() {
        items.select_nth_unstable(n);
    }
}

/// Reorders `items` by `key`, ascending; items with equal keys keep their order (a stable sort).
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<Keyed> =
        items.iter().enumerate().map(|(i, item)| (key(item), i as u32)).collect();
    sort(&mut order);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&(_, i)| slots[i as usize].take()));
}

/// Sorts `values` ascending and removes repeats. Short lists, the usual ones (a word's synonym
/// groups, its most frequent compounds), are sorted in place by insertion, without a buffer
/// of [`Keyed`] pairs to allocate.
pub fn sort_dedup(values: &mut Vec<u32>) {
    const SHORT: usize = 32;
    if values.len() <= SHORT {
        for i in 1..values.len() {
            let value = values[i];
            let mut at = i;
            while at > 0 && values[at - 1] > value {
                values[at] = values[at - 1];
                at -= 1;
            }
            values[at] = value;
        }
        values.dedup();
        return;
    }
    let mut keyed: Vec<Keyed> = values.iter().map(|&v| (v as u64, 0)).collect();
    sort(&mut keyed);
    values.clear();
    values.extend(keyed.iter().map(|&(v, _)| v as u32));
    values.dedup();
}

/// A key part that puts higher scores first: 32 bits, for scores that are never negative
/// (a negative score or NaN counts as 0). Non-negative floats order as their bits do.
pub fn higher_first(score: f32) -> u64 {
    let score = if score > 0.0 { score } else { 0.0 };
    (u32::MAX - score.to_bits()) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_key_then_payload() {
        let mut items = vec![(3, 1), (1, 9), (3, 0), (2, 5)];
        sort(&mut items);
        assert_eq!(items, vec![(1, 9), (2, 5), (3, 0), (3, 1)]);
    }

    #[test]
    fn sort_by_key_is_stable() {
        let mut words = vec!["bb", "a", "cc", "d", "ee"];
        sort_by_key(&mut words, |w| w.len() as u64);
        assert_eq!(words, vec!["a", "d", "bb", "cc", "ee"]);
    }

    #[test]
    fn select_places_the_nth() {
        let mut items: Vec<Keyed> = [5, 1, 4, 2, 3].iter().map(|&k| (k, 0)).collect();
        select(&mut items, 1);
        assert_eq!(items[1], (2, 0));
        assert!(items[..1].iter().all(|e| e.0 <= 2) && items[2..].iter().all(|e| e.0 >= 2));
        select(&mut items, 9);
    }

    #[test]
    fn sort_dedup_leaves_each_value_once() {
        let mut values = vec![7, 3, 7, 1, 3];
        sort_dedup(&mut values);
        assert_eq!(values, vec![1, 3, 7]);
    }

    /// Short lists (sorted in place) and long ones (sorted as keyed pairs) come out as a sort
    /// and a removal of repeats would leave them: of every length up to past the boundary,
    /// with few distinct values (many repeats) and many, ascending, descending and shuffled.
    #[test]
    fn sort_dedup_agrees_with_sorting_at_every_length() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for len in 0..80u32 {
            for range in [3, 1000, u32::MAX as u64 + 1] {
                let shuffled: Vec<u32> = (0..len).map(|_| (next() % range) as u32).collect();
                let ascending: Vec<u32> = (0..len).map(|i| i / 2).collect();
                let descending: Vec<u32> = (0..len).rev().map(|i| i * 3).collect();
                for values in [shuffled, ascending, descending] {
                    let mut expected = values.clone();
                    expected.sort_unstable();
                    expected.dedup();
                    let mut got = values.clone();
                    sort_dedup(&mut got);
                    assert_eq!(got, expected, "{values:?}");
                }
            }
        }
    }

    #[test]
    fn higher_scores_come_first() {
        let mut keys = [
            higher_first(0.5),
            higher_first(2.0),
            higher_first(0.0),
            higher_first(-1.0),
            higher_first(f32::NAN),
        ];
        keys.sort_unstable();
        assert_eq!(keys[0], higher_first(2.0));
        assert_eq!(keys[1], higher_first(0.5));
        assert_eq!(keys[4], higher_first(0.0));
    }
}
