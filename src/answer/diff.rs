//! Comparing two catalogs: entries added, removed, and changed field by field, each
//! change marked material (what it certifies, where, when, with what evidence) or
//! editorial (names, wording, links, the page's timestamp), as [`FIELDS`] says.

use std::cmp::Ordering;

use serde::Serialize;
use serde_json::Value;

use crate::catalog::Catalog;
use crate::catalog::entry::{Entry, FIELDS};

#[derive(Debug, Default, Serialize)]
pub struct CatalogDiff {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<EntryDiff>,
}

#[derive(Debug, Serialize)]
pub struct EntryDiff {
    pub id: String,
    pub fields: Vec<FieldChange>,
}

#[derive(Debug, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub material: bool,
    pub old: Value,
    pub new: Value,
}

impl CatalogDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }

    /// True when something other than wording changed: an entry came or went, or a
    /// material field changed.
    pub fn has_material(&self) -> bool {
        !self.added.is_empty()
            || !self.removed.is_empty()
            || self
                .changed
                .iter()
                .any(|c| c.fields.iter().any(|f| f.material))
    }
}

/// Compares by id. Field values are compared in their JSON form, which is exactly
/// what `--format json` shows, so a reported change is always a visible one.
///
/// Both catalogs hold their entries in id order, so they are walked side by side,
/// and only an entry that differs is turned into JSON: two catalogs of 100,000
/// entries took a gigabyte when every entry of both was.
pub fn diff(old: &Catalog, new: &Catalog) -> CatalogDiff {
    let (mut old, mut new) = (
        old.entries().iter().peekable(),
        new.entries().iter().peekable(),
    );
    let mut out = CatalogDiff::default();
    loop {
        match (old.peek(), new.peek()) {
            (None, None) => break,
            (Some(b), None) => {
                out.removed.push(b.id.to_string());
                old.next();
            }
            (None, Some(a)) => {
                out.added.push(a.id.to_string());
                new.next();
            }
            (Some(b), Some(a)) => match b.id.as_str().cmp(a.id.as_str()) {
                Ordering::Less => {
                    out.removed.push(b.id.to_string());
                    old.next();
                }
                Ordering::Greater => {
                    out.added.push(a.id.to_string());
                    new.next();
                }
                Ordering::Equal => {
                    if b != a {
                        let fields = field_changes(&to_value(b), &to_value(a));
                        // Equal in JSON (a float's spelling, say): no visible change.
                        if !fields.is_empty() {
                            out.changed.push(EntryDiff {
                                id: b.id.to_string(),
                                fields,
                            });
                        }
                    }
                    old.next();
                    new.next();
                }
            },
        }
    }
    out
}

fn to_value(e: &Entry) -> Value {
    // Entry's fields are all serializable plain data; this cannot fail.
    serde_json::to_value(e).unwrap_or(Value::Null)
}

/// The fields that differ, in data-file order, one per row of [`FIELDS`] (so a
/// change in scope says which part of the scope).
fn field_changes(before: &Value, after: &Value) -> Vec<FieldChange> {
    FIELDS
        .iter()
        .filter_map(|f| {
            let pointer = f.pointer();
            let old = before.pointer(&pointer).cloned().unwrap_or(Value::Null);
            let new = after.pointer(&pointer).cloned().unwrap_or(Value::Null);
            (old != new).then(|| FieldChange {
                field: f.name.to_owned(),
                material: f.material,
                old,
                new,
            })
        })
        .collect()
}
