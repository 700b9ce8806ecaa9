//! The embedded words table: what build.rs computes for the Woorden view and writes to
//! `OUT_DIR/words.bin` beside the corpus and the index, so the browser shows it at once.

use serde::{Deserialize, Serialize};

use super::keyness::Keywords;
use crate::corpus::framing::FramingWord;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// The words typical of each side.
    pub keywords: Keywords,
    /// The curated framing words with their quotes, validated.
    pub framing: Vec<FramingWord>,
}

impl Table {
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a words table holds only strings, numbers and lists")
    }

    pub fn decode(bytes: &[u8]) -> Result<Table, postcard::Error> {
        postcard::from_bytes(bytes)
    }
}
