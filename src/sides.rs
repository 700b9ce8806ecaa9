//! Naast elkaar: grouping passages by the side they take, per theme or per key question.
//!
//! A *group* is a theme or a key question with the matched passages that belong to it,
//! split into the optimistic side, the critical side and the mixed or neutral ones that take
//! no side. The order within a side is the order of the passages given (rank order for a
//! search, corpus order without one).

use crate::corpus::{Corpus, PassageIdx, Stance};

/// What a group is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupKey {
    Theme(u8),
    KeyQuestion(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub key: GroupKey,
    pub optimistic: Vec<PassageIdx>,
    pub critical: Vec<PassageIdx>,
    pub mixed: Vec<PassageIdx>,
}

impl Group {
    pub fn new(key: GroupKey) -> Self {
        Group { key, optimistic: Vec::new(), critical: Vec::new(), mixed: Vec::new() }
    }

    fn add(&mut self, corpus: &Corpus, passage: PassageIdx) {
        match corpus.passages[passage as usize].stance {
            Stance::Optimistisch => self.optimistic.push(passage),
            Stance::Kritisch => self.critical.push(passage),
            Stance::Gemengd => self.mixed.push(passage),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.optimistic.is_empty() && self.critical.is_empty() && self.mixed.is_empty()
    }
}

/// One group per theme (vocabulary order) holding any of `passages`; a passage with two
/// themes stands in both.
pub fn by_theme(corpus: &Corpus, passages: &[PassageIdx]) -> Vec<Group> {
    let mut groups: Vec<Group> =
        (0..corpus.themes.len()).map(|t| Group::new(GroupKey::Theme(t as u8))).collect();
    for &p in passages {
        for &t in &corpus.passages[p as usize].themes {
            groups[t as usize].add(corpus, p);
        }
    }
    groups.retain(|g| !g.is_empty());
    groups
}

/// One group per key question (corpus order) with its answers among `passages`.
pub fn by_question(corpus: &Corpus, passages: &[PassageIdx]) -> Vec<Group> {
    corpus
        .kernvragen
        .iter()
        .enumerate()
        .map(|(k, question)| {
            let mut group = Group::new(GroupKey::KeyQuestion(k));
            for &p in passages.iter().filter(|p| question.passages.contains(p)) {
                group.add(corpus, p);
            }
            group
        })
        .filter(|g| !g.is_empty())
        .collect()
}

/// The groups of the chosen themes only (a theme filter): the passages are those of the
/// chosen themes already, so their other themes' groups would show the same passages again
/// before the theme the reader asked for. No themes chosen: all groups.
pub fn only_themes(groups: Vec<Group>, themes: &[u8]) -> Vec<Group> {
    if themes.is_empty() {
        return groups;
    }
    groups
        .into_iter()
        .filter(|g| matches!(g.key, GroupKey::Theme(t) if themes.contains(&t)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_passage_lands_on_its_own_side() {
        let corpus = crate::corpus();
        let all: Vec<PassageIdx> = (0..corpus.passages.len() as PassageIdx).collect();
        for group in by_theme(corpus, &all).iter().chain(&by_question(corpus, &all)) {
            for (side, stance) in [
                (&group.optimistic, Stance::Optimistisch),
                (&group.critical, Stance::Kritisch),
                (&group.mixed, Stance::Gemengd),
            ] {
                assert!(
                    side.iter().all(|&p| corpus.passages[p as usize].stance == stance),
                    "{:?}",
                    group.key
                );
            }
        }
        let themed: usize = corpus.passages.iter().map(|p| p.themes.len()).sum();
        let grouped: usize = by_theme(corpus, &all)
            .iter()
            .map(|g| g.optimistic.len() + g.critical.len() + g.mixed.len())
            .sum();
        assert_eq!(grouped, themed, "each passage once per theme");
    }

    #[test]
    fn groups_follow_the_given_order_and_drop_what_is_not_given() {
        let corpus = crate::corpus();
        let Some(theme) = corpus.passages.first().and_then(|p| p.themes.first()) else { return };
        let some: Vec<PassageIdx> = (0..corpus.passages.len() as PassageIdx)
            .rev()
            .filter(|&p| corpus.passages[p as usize].themes.contains(theme))
            .collect();
        let groups = by_theme(corpus, &some);
        let group = groups
            .iter()
            .find(|g| g.key == GroupKey::Theme(*theme))
            .expect("the theme has passages");
        for side in [&group.optimistic, &group.critical, &group.mixed] {
            assert!(side.windows(2).all(|w| w[0] > w[1]), "kept the given (reversed) order");
        }
        assert!(by_theme(corpus, &[]).is_empty());
    }

    #[test]
    fn a_theme_filter_keeps_only_its_groups() {
        let corpus = crate::corpus();
        let all: Vec<PassageIdx> = (0..corpus.passages.len() as PassageIdx).collect();
        let groups = by_theme(corpus, &all);
        assert_eq!(only_themes(groups.clone(), &[]), groups, "no filter, every group");
        let Some(last) = groups.last().map(|g| g.key) else { return };
        let GroupKey::Theme(t) = last else { unreachable!("grouped by theme") };
        let kept = only_themes(groups.clone(), &[t]);
        assert_eq!(
            kept.iter().map(|g| g.key).collect::<Vec<_>>(),
            [last],
            "the last theme alone, first"
        );
        assert!(only_themes(groups, &[u8::MAX]).is_empty());
    }
}
