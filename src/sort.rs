//! One sort routine for the whole crate.
//!
//! Every `sort`, `sort_by_key` or `sort_unstable` on another element type or with another
//! comparator puts another copy of the standard library's sort into the wasm (README,
//! Performance, has what they cost). Every sort of the code that runs in the browser therefore
//! packs its order into a [`Keyed`] pair instead, a `u64` key and a `u32` payload (usually the
//! item's place or id), and sorts those with the one routine below; `clippy.toml` forbids the
//! standard sorts elsewhere, and native-only code (the corpus loader, the index builder, the
//! tools, tests) allows itself them.

/// What every sort sorts: (key, payload), by key, then payload.
pub type Keyed = (u64, u32);

/// Sorts ascending by key, then by payload.
#[inline(never)]
#[allow(clippy::disallowed_methods)]
pub fn sort(items: &mut [Keyed]) {
    items.sort_unstable();
}

/// Reorders `items` so that the one at `n` is where a sort would put it, with none greater
/// before it and none smaller after it.
#[inline(never)]
#[allow(clippy::disallowed_methods)]
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
}
