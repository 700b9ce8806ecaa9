//! Naast elkaar: passages grouped by the side they take, per theme or per key question, and
//! who speaks on each side.
//!
//! A *group* is a theme or a key question with the matched passages that belong to it. Its
//! *columns* stand side by side: for a theme, the optimistic and the critical passages (the
//! mixed or neutral ones, which take no side, below them); for a key question, one column per
//! answer, whatever the stance of the passages in it. The order within a column is the order
//! of the passages given (rank order for a search, corpus order without one).
//!
//! A *voice* is someone who speaks in a document (see [`crate::corpus::Voice`]): passages are
//! not voices, so every count of passages comes with the number of distinct voices behind it.
//! Voices are told apart by name: two comments under one pseudonym count as one voice.

use crate::corpus::{Corpus, KeyQuestion, Kind, PassageIdx, RoleKind, Stance};

/// What a group is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupKey {
    Theme(u8),
    KeyQuestion(usize),
}

/// What a column holds: the passages of one stance, or those giving one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnKey {
    Stance(Stance),
    /// An answer of the group's key question, by its place in `answers`.
    Answer(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub key: ColumnKey,
    pub passages: Vec<PassageIdx>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub key: GroupKey,
    /// Side by side: optimistic and critical for a theme; every answer for a key question.
    pub columns: Vec<Column>,
    /// The passages of a theme that take no side, shown below the columns.
    pub mixed: Vec<PassageIdx>,
}

impl Group {
    /// An empty group with its columns.
    pub fn new(corpus: &Corpus, key: GroupKey) -> Self {
        let keys: Vec<ColumnKey> = match key {
            GroupKey::Theme(_) => {
                vec![ColumnKey::Stance(Stance::Optimistisch), ColumnKey::Stance(Stance::Kritisch)]
            }
            GroupKey::KeyQuestion(k) => {
                (0..corpus.kernvragen[k].answers.len()).map(ColumnKey::Answer).collect()
            }
        };
        let columns = keys.into_iter().map(|key| Column { key, passages: Vec::new() }).collect();
        Group { key, columns, mixed: Vec::new() }
    }

    pub fn column(&self, key: ColumnKey) -> Option<&Column> {
        self.columns.iter().find(|c| c.key == key)
    }

    pub fn is_empty(&self) -> bool {
        self.mixed.is_empty() && self.columns.iter().all(|c| c.passages.is_empty())
    }

    fn add_by_stance(&mut self, corpus: &Corpus, passage: PassageIdx) {
        let stance = corpus.passages[passage as usize].stance;
        match self.columns.iter_mut().find(|c| c.key == ColumnKey::Stance(stance)) {
            Some(column) => column.passages.push(passage),
            None => self.mixed.push(passage),
        }
    }
}

/// One group per theme (vocabulary order) holding any of `passages`; a passage with two
/// themes stands in both.
pub fn by_theme(corpus: &Corpus, passages: &[PassageIdx]) -> Vec<Group> {
    let mut groups: Vec<Group> =
        (0..corpus.themes.len()).map(|t| Group::new(corpus, GroupKey::Theme(t as u8))).collect();
    for &p in passages {
        for &t in &corpus.passages[p as usize].themes {
            groups[t as usize].add_by_stance(corpus, p);
        }
    }
    groups.retain(|g| !g.is_empty());
    groups
}

/// One group per key question (corpus order) with its answers among `passages`, each in the
/// column of the answer it gives.
pub fn by_question(corpus: &Corpus, passages: &[PassageIdx]) -> Vec<Group> {
    corpus
        .kernvragen
        .iter()
        .enumerate()
        .map(|(k, question)| {
            let mut group = Group::new(corpus, GroupKey::KeyQuestion(k));
            for &p in passages {
                if let Some(answer) = question.answer_of(p) {
                    group.columns[answer].passages.push(p);
                }
            }
            group
        })
        .filter(|g| !g.is_empty())
        .collect()
}

/// The longest column of any group: the scale the balance bars of a view share, so that one
/// passage against none does not look like ten against none.
pub fn scale(groups: &[Group]) -> usize {
    groups.iter().flat_map(|g| &g.columns).map(|c| c.passages.len()).max().unwrap_or(0).max(1)
}

/// Passages and the distinct voices behind them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub passages: usize,
    pub voices: usize,
}

impl Tally {
    /// "10 tekstdelen van 4 stemmen", "1 tekstdeel van 1 stem".
    pub fn phrase(&self) -> String {
        format!(
            "{} van {}",
            counted(self.passages, "tekstdeel", "tekstdelen"),
            counted(self.voices, "stem", "stemmen")
        )
    }
}

/// A number with its noun, singular for one.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Who speaks in a set of passages: in all, per kind of text and per kind of role. Only kinds
/// and roles that occur are listed, in the order of `Kind::ALL` and `RoleKind::ALL`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Speakers {
    pub total: Tally,
    pub kinds: Vec<(Kind, Tally)>,
    pub roles: Vec<(RoleKind, Tally)>,
}

impl Speakers {
    /// The tally of one kind of text (zero when it does not occur).
    pub fn kind(&self, kind: Kind) -> Tally {
        self.kinds.iter().find(|(k, _)| *k == kind).map(|(_, t)| *t).unwrap_or_default()
    }

    /// The tally of one role (zero when it does not occur).
    pub fn role(&self, role: RoleKind) -> Tally {
        self.roles.iter().find(|(r, _)| *r == role).map(|(_, t)| *t).unwrap_or_default()
    }

    /// The roles that occur, in words, without repeats: "adviseur of adviesraad, anoniem".
    pub fn role_words(&self) -> String {
        let words: Vec<String> =
            self.roles.iter().map(|(r, _)| crate::text::lowercase(r.label())).collect();
        words.join(", ")
    }
}

/// Who speaks on each side of the whole corpus, in the order of `Stance::ALL`: the overview's
/// tables of stances against kinds of text and roles.
pub fn by_stance(corpus: &Corpus) -> Vec<(Stance, Speakers)> {
    Stance::ALL.into_iter().map(|stance| (stance, Makeup::of(corpus, stance).speakers)).collect()
}

/// Who speaks in `passages`. A passage counts once per role among its document's voices (an
/// opinion piece by two officials counts once under that role).
pub fn speakers(corpus: &Corpus, passages: &[PassageIdx]) -> Speakers {
    // (voice name, kind, role) of every voice that speaks in the passages, without repeats.
    let mut voices: Vec<(&str, Kind, RoleKind)> = Vec::new();
    let mut kinds = [Tally::default(); Kind::ALL.len()];
    let mut roles = [Tally::default(); RoleKind::ALL.len()];
    for &p in passages {
        let doc = &corpus.documents[corpus.passages[p as usize].document as usize];
        kinds[doc.kind as usize].passages += 1;
        let mut counted_roles = [false; RoleKind::ALL.len()];
        for voice in &doc.voices {
            if !std::mem::replace(&mut counted_roles[voice.role as usize], true) {
                roles[voice.role as usize].passages += 1;
            }
            let entry = (voice.name.as_str(), doc.kind, voice.role);
            if !voices.contains(&entry) {
                voices.push(entry);
            }
        }
    }
    let distinct = |same: &dyn Fn(&(&str, Kind, RoleKind)) -> bool| {
        let mut names: Vec<&str> = Vec::new();
        for &(name, ..) in voices.iter().filter(|v| same(v)) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names.len()
    };
    for kind in Kind::ALL {
        kinds[kind as usize].voices = distinct(&|v| v.1 == kind);
    }
    for role in RoleKind::ALL {
        roles[role as usize].voices = distinct(&|v| v.2 == role);
    }
    Speakers {
        total: Tally { passages: passages.len(), voices: distinct(&|_| true) },
        kinds: Kind::ALL
            .into_iter()
            .map(|k| (k, kinds[k as usize]))
            .filter(|(_, t)| t.passages > 0)
            .collect(),
        roles: RoleKind::ALL
            .into_iter()
            .map(|r| (r, roles[r as usize]))
            .filter(|(_, t)| t.passages > 0)
            .collect(),
    }
}

/// The texts agree on a key question: one answer holds at least three quarters of the
/// passages that answer it (all of them when it is the only answer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Agreement {
    pub answer: usize,
    pub passages: usize,
    pub total: usize,
}

impl Agreement {
    pub fn unanimous(&self) -> bool {
        self.passages == self.total
    }

    /// The plain words the app shows for it.
    pub fn sentence(&self, question: &KeyQuestion) -> String {
        let label = &question.answers[self.answer].label;
        if self.unanimous() {
            format!(
                "Hierover zijn de teksten het eens: alle {} tekstdelen die deze vraag beantwoorden, zeggen \u{2018}{label}\u{2019}. Dat wil niet zeggen dat niemand het anders ziet, alleen dat deze teksten het niet anders zeggen.",
                self.total
            )
        } else {
            format!(
                "Hierover zijn de teksten het grotendeels eens: {} van de {} tekstdelen zeggen \u{2018}{label}\u{2019}.",
                self.passages, self.total
            )
        }
    }
}

/// Whether the texts agree on `question`, over all the passages that answer it (not only
/// those a search or filter leaves), so that narrowing the view never invents agreement.
pub fn agreement(question: &KeyQuestion) -> Option<Agreement> {
    let total: usize = question.answers.iter().map(|a| a.passages.len()).sum();
    let (answer, most) = question
        .answers
        .iter()
        .enumerate()
        .map(|(i, a)| (i, a.passages.len()))
        .max_by_key(|&(i, n)| (n, usize::MAX - i))?;
    (total > 0 && most * 4 >= total * 3).then_some(Agreement { answer, passages: most, total })
}

/// Who speaks on one side of the whole corpus, for the method text: how many of its passages
/// come from reader comments, and which kind of role speaks in most of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Makeup {
    pub stance: Stance,
    pub speakers: Speakers,
}

impl Makeup {
    pub fn of(corpus: &Corpus, stance: Stance) -> Makeup {
        let passages: Vec<PassageIdx> = (0..corpus.passages.len() as PassageIdx)
            .filter(|&p| corpus.passages[p as usize].stance == stance)
            .collect();
        Makeup { stance, speakers: speakers(corpus, &passages) }
    }

    /// Passages from reader comments.
    pub fn from_comments(&self) -> usize {
        self.speakers.kinds.iter().find(|(k, _)| *k == Kind::Reactie).map_or(0, |(_, t)| t.passages)
    }

    /// The role behind most passages (the first in `RoleKind::ALL` order on a tie).
    pub fn main_role(&self) -> Option<(RoleKind, Tally)> {
        self.speakers.roles.iter().copied().rev().max_by_key(|(_, t)| t.passages)
    }

    /// One or two sentences in plain Dutch with the figures.
    pub fn sentence(&self) -> String {
        let side = match self.stance {
            Stance::Optimistisch => "optimistische",
            Stance::Kritisch => "kritische",
            Stance::Gemengd => "gemengde of neutrale",
        };
        let mut sentence = format!(
            "Van de {} {side} tekstdelen komen er {} uit reacties van lezers.",
            self.speakers.total.passages,
            self.from_comments()
        );
        if let Some((role, tally)) = self.main_role() {
            sentence.push_str(&format!(
                " De grootste groep schrijvers: {} ({}).",
                crate::text::lowercase(role.label()),
                tally.phrase()
            ));
        }
        sentence
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(corpus: &Corpus) -> Vec<PassageIdx> {
        (0..corpus.passages.len() as PassageIdx).collect()
    }

    #[test]
    fn every_passage_lands_in_its_own_column() {
        let corpus = crate::corpus();
        for group in by_theme(corpus, &all(corpus)) {
            for column in &group.columns {
                let ColumnKey::Stance(stance) = column.key else { panic!("a theme has stances") };
                assert!(column
                    .passages
                    .iter()
                    .all(|&p| corpus.passages[p as usize].stance == stance));
            }
            assert!(group
                .mixed
                .iter()
                .all(|&p| corpus.passages[p as usize].stance == Stance::Gemengd));
        }
        for group in by_question(corpus, &all(corpus)) {
            let GroupKey::KeyQuestion(k) = group.key else { panic!("a question group") };
            let question = &corpus.kernvragen[k];
            assert!(group.mixed.is_empty());
            for (i, column) in group.columns.iter().enumerate() {
                assert_eq!(column.key, ColumnKey::Answer(i));
                let listed = &question.answers[i].passages;
                assert_eq!(column.passages.len(), listed.len(), "{}", question.id);
                assert!(column.passages.iter().all(|p| listed.contains(p)), "{}", question.id);
                assert!(column.passages.windows(2).all(|w| w[0] < w[1]), "in corpus order");
            }
        }
        let themed: usize = corpus.passages.iter().map(|p| p.themes.len()).sum();
        let grouped: usize = by_theme(corpus, &all(corpus))
            .iter()
            .map(|g| g.mixed.len() + g.columns.iter().map(|c| c.passages.len()).sum::<usize>())
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
        for side in group.columns.iter().map(|c| &c.passages).chain([&group.mixed]) {
            assert!(side.windows(2).all(|w| w[0] > w[1]), "kept the given (reversed) order");
        }
        assert!(by_theme(corpus, &[]).is_empty());
        assert!(by_question(corpus, &[]).is_empty());
    }

    #[test]
    fn counted_nouns_and_tallies_read_as_dutch() {
        assert_eq!(Tally { passages: 10, voices: 4 }.phrase(), "10 tekstdelen van 4 stemmen");
        assert_eq!(Tally { passages: 1, voices: 1 }.phrase(), "1 tekstdeel van 1 stem");
        assert_eq!(counted(0, "stem", "stemmen"), "0 stemmen");
    }

    #[test]
    fn voices_are_counted_by_name_not_by_passage() {
        let corpus = crate::corpus();
        for doc in &corpus.documents {
            let passages: Vec<PassageIdx> = doc.passage_range().map(|p| p as PassageIdx).collect();
            let s = speakers(corpus, &passages);
            let mut names: Vec<&str> = doc.voices.iter().map(|v| v.name.as_str()).collect();
            names.dedup();
            assert_eq!(
                s.total,
                Tally { passages: passages.len(), voices: names.len() },
                "{}",
                doc.id
            );
            assert_eq!(s.kinds, vec![(doc.kind, s.total)], "{}", doc.id);
        }
        // Every passage of the corpus: each voice once, whatever number of passages it has.
        let s = speakers(corpus, &all(corpus));
        let mut names: Vec<&str> = Vec::new();
        for voice in corpus.documents.iter().flat_map(|d| &d.voices) {
            if !names.contains(&voice.name.as_str()) {
                names.push(&voice.name);
            }
        }
        assert_eq!(s.total.voices, names.len());
        assert_eq!(s.kinds.iter().map(|(_, t)| t.passages).sum::<usize>(), corpus.passages.len());
    }

    #[test]
    fn agreement_needs_three_quarters_of_the_answers() {
        let question = |counts: &[usize]| KeyQuestion {
            id: "q".into(),
            question: "Vraag?".into(),
            intro: String::new(),
            answers: counts
                .iter()
                .enumerate()
                .map(|(i, &n)| crate::corpus::Answer {
                    id: format!("a{i}"),
                    label: format!("A{i}"),
                    passages: (0..n as PassageIdx).collect(),
                })
                .collect(),
        };
        let check = |counts: &[usize], expected: Option<(usize, bool)>| {
            let got = agreement(&question(counts)).map(|a| (a.answer, a.unanimous()));
            assert_eq!(got, expected, "{counts:?}");
        };
        check(&[4], Some((0, true)));
        check(&[6, 2], Some((0, false)));
        check(&[1, 3], Some((1, false)));
        check(&[5, 2], None);
        check(&[2, 2], None);
        check(&[3, 1, 1], None);
        check(&[], None);
        let q = question(&[3, 1]);
        assert_eq!(
            agreement(&q).expect("3 of 4").sentence(&q),
            "Hierover zijn de teksten het grotendeels eens: 3 van de 4 tekstdelen zeggen \u{2018}A0\u{2019}."
        );
    }

    #[test]
    fn the_sides_together_are_the_whole_corpus() {
        let corpus = crate::corpus();
        let sides = by_stance(corpus);
        let passages: usize = sides.iter().map(|(_, s)| s.total.passages).sum();
        assert_eq!(passages, corpus.passages.len());
        for kind in Kind::ALL {
            let n: usize = sides.iter().map(|(_, s)| s.kind(kind).passages).sum();
            let expected = corpus
                .passages
                .iter()
                .filter(|p| corpus.documents[p.document as usize].kind == kind)
                .count();
            assert_eq!(n, expected, "{kind:?}");
        }
        let (_, critical) = &sides[Stance::Kritisch as usize];
        assert_eq!(critical.role(RoleKind::Anoniem).voices, 1, "one pseudonym, two comments");
    }

    #[test]
    fn the_bars_share_one_scale() {
        let corpus = crate::corpus();
        let groups = by_theme(corpus, &all(corpus));
        let longest = groups.iter().flat_map(|g| &g.columns).map(|c| c.passages.len()).max();
        assert_eq!(Some(scale(&groups)), longest);
        assert_eq!(scale(&[]), 1, "never divides by zero");
    }
}
