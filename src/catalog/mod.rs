//! The catalog wing: the types every other stage speaks. Takes nothing from the other
//! wings; hands on [`Entry`](entry::Entry) and its validating scalars, the closed
//! vocabularies, regions, the manifest, the one field table ([`entry::FIELDS`]), the
//! rules for untrusted text, and [`Catalog`]: validated entries sorted by id, and how a
//! key people type finds one.

pub(crate) mod confusable;
pub mod entry;
pub(crate) mod manifest;
pub mod region;
pub mod untrusted;
pub(crate) mod vocab;

use std::sync::OnceLock;

use crate::catalog::entry::Entry;
use crate::catalog::manifest::Manifest;
use crate::catalog::vocab::squeeze;

/// A loaded, validated catalog, sorted by id, with its manifest if it has one.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: Vec<Entry>,
    manifest: OnceLock<Option<Manifest>>,
    /// The embedded manifest's text, parsed on first use: most commands never ask.
    manifest_text: Option<&'static str>,
}

/// What a key people typed finds.
#[derive(Debug, PartialEq)]
pub enum Lookup<'c> {
    /// Exactly one entry.
    Found(&'c Entry),
    /// Several entries answer to it; the key must be more specific.
    Ambiguous(Vec<&'c Entry>),
    /// Nothing, with the closest entry when one is close.
    Missing(Option<&'c Entry>),
}

impl Catalog {
    pub fn new(mut entries: Vec<Entry>) -> Self {
        // Files are read in name order and named after their ids, so the entries
        // nearly always arrive sorted; an entry is large, and sorting moves it.
        if !entries.is_sorted_by(|a, b| a.id <= b.id) {
            entries.sort_by(|a, b| a.id.cmp(&b.id));
        }
        Catalog {
            entries,
            ..Catalog::default()
        }
    }

    /// The catalog with a manifest read already.
    pub fn with_manifest(mut self, manifest: Option<Manifest>) -> Self {
        self.manifest = OnceLock::from(manifest);
        self
    }

    /// The catalog with a manifest to parse when first asked for (the embedded one,
    /// which a test checks parses).
    pub fn with_manifest_text(mut self, text: &'static str) -> Self {
        self.manifest_text = Some(text);
        self
    }

    pub fn manifest(&self) -> Option<&Manifest> {
        self.manifest
            .get_or_init(|| self.manifest_text.and_then(|t| Manifest::parse(t).ok()))
            .as_ref()
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Finds an entry by id or alias, then by name or full name. Case, spaces, hyphens
    /// and underscores do not count (`"k isms"`, `"bsi c5"`, `"sec 17a-4"`). A key
    /// that two entries answer to, or that starts the names of several, is ambiguous.
    pub fn lookup(&self, key: &str) -> Lookup<'_> {
        // The common case, an exact id, without folding every name in the catalog.
        if let Ok(i) = self.entries.binary_search_by(|e| e.id.as_str().cmp(key)) {
            return Lookup::Found(&self.entries[i]);
        }
        let wanted = squeeze(key);
        if wanted.is_empty() {
            return Lookup::Missing(None);
        }
        let keys = |e: &Entry| {
            std::iter::once(e.id.as_str())
                .chain(e.aliases.iter().map(String::as_str))
                .any(|k| squeeze(k) == wanted)
        };
        let names = |e: &Entry| {
            std::iter::once(e.name.as_str())
                .chain(e.full_name.as_deref())
                .any(|k| squeeze(k) == wanted)
        };
        for rule in [&keys as &dyn Fn(&Entry) -> bool, &names] {
            let found: Vec<&Entry> = self.entries.iter().filter(|e| rule(e)).collect();
            match found.len() {
                0 => {}
                1 => return Lookup::Found(found[0]),
                _ => return Lookup::Ambiguous(found),
            }
        }
        // `fsi` starts four ids: say so rather than pick one.
        let starts: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| e.names().any(|n| squeeze(n).starts_with(&wanted)))
            .collect();
        match starts.len() {
            0 => {}
            1 => return Lookup::Missing(Some(starts[0])),
            _ => return Lookup::Ambiguous(starts),
        }
        let all_names = self.entries.iter().flat_map(|e| e.names());
        let closest = crate::catalog::vocab::closest(key, all_names);
        Lookup::Missing(
            closest.and_then(|n| self.entries.iter().find(|e| e.names().any(|m| m == n))),
        )
    }

    /// The entry a key finds, if exactly one.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        match self.lookup(key) {
            Lookup::Found(e) => Some(e),
            _ => None,
        }
    }
}
