//! A catalog's manifest, `catalog.toml` beside its entries: what the catalog is,
//! who publishes it, and the source documents its entries are drawn from. Optional
//! for a `--data` catalog; the shipped one has it.
//!
//! ```toml
//! title = "…"
//! publisher = "…"
//!
//! [[sources]]
//! id = "region-and-industry-recognition"
//! title = "Region and Industry Recognition"
//! publisher = "Tencent Cloud"
//! # url = "https://…"            where it is published, if known
//! # timezone = "UTC+08:00"       the zone of its stamps, if the document says
//! ```

use serde::{Deserialize, Serialize};

/// The manifest's file name inside a catalog directory.
pub const FILE: &str = "catalog.toml";
/// Largest manifest read: a title, a publisher and a few documents fit in far less.
pub const MAX_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// What the catalog is, in a few words.
    pub title: String,
    /// Whose certifications it lists: the provider.
    pub publisher: String,
    /// The documents entries cite in `source.document`.
    #[serde(default)]
    pub sources: Vec<Document>,
}

/// A source document, described only by what it states about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The id entries cite.
    pub id: String,
    /// Its title, as the document gives it.
    pub title: String,
    /// Its publisher, as the document gives it.
    pub publisher: String,
    /// Where the document is published, when known; never invented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The time zone of its "Last updated" stamps as an offset (`UTC`, `UTC+08:00`),
    /// when the document states it; never assumed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
}

impl Manifest {
    /// Parses manifest text; errors carry the 1-based line and column.
    pub fn parse(text: &str) -> Result<Manifest, ((u64, u64), String)> {
        // Its text is checked by `check::validate::check_manifest`, as entries are.
        toml::from_str(text).map_err(|e| {
            let pos = e.span().map_or((0, 0), |s| line_col(text, s.start));
            (pos, e.message().replace('\n', " "))
        })
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.sources.iter().find(|d| d.id == id)
    }
}

/// The 1-based line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line as u64, col as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_and_refuses_unknown_keys() {
        let m = Manifest::parse(
            "title = \"T\"\npublisher = \"P\"\n[[sources]]\nid = \"d\"\ntitle = \"D\"\npublisher = \"P\"\n",
        )
        .unwrap();
        assert_eq!(m.document("d").map(|d| d.title.as_str()), Some("D"));
        let (pos, msg) =
            Manifest::parse("title = \"T\"\npublisher = \"P\"\nurl = \"x\"\n").unwrap_err();
        assert_eq!(pos, (3, 1));
        assert!(msg.contains("unknown field `url`"), "{msg}");
    }
}
