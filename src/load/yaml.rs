//! Parsing one entry's YAML into an [`Entry`] under a strict budget (no anchors or
//! aliases, bounded depth and node count, one document), with the parser's errors
//! worded for a catalog author.

use serde_saphyr::MessageFormatter;
use serde_saphyr::budget::BudgetBreach;

use crate::catalog::entry::Entry;
use crate::load::read::MAX_FILE_BYTES;

/// Deepest nesting the format needs is 4 (`evidence` > item > `access` > value).
const MAX_DEPTH: usize = 16;
/// Generous for one entry (the largest shipped entry has under 200 nodes).
const MAX_NODES: usize = 50_000;

/// Parses one entry's text. On failure returns the position (1-based, or (0, 0) when
/// unknown) and a message.
pub fn parse_entry(text: &str) -> Result<Entry, ((u64, u64), String)> {
    // A BOM is harmless and editors on some systems add one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(found) = crate::check::tree::tag_directive(text) {
        return Err(found);
    }
    let options = serde_saphyr::options! {
        // `no` is Norway's country code, not false.
        strict_booleans: true,
        // What YAML should not carry here: merge keys would bypass the one-field-once
        // rule (and could even supply the id), and application tags are refused.
        merge_keys: serde_saphyr::MergeKeyPolicy::Error,
        reject_unsupported_tags: true,
        // A field given twice is still an error: serde's derived structs refuse a
        // repeated field, and every mapping in an entry is a struct. The parser's own
        // check hashed every key of every mapping a second time (7% of a load).
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::PassThrough,
        budget: serde_saphyr::budget! {
            max_anchors: 0,
            max_aliases: 0,
            max_depth: MAX_DEPTH,
            max_nodes: MAX_NODES,
            max_documents: 2,
            max_total_scalar_bytes: MAX_FILE_BYTES as usize,
        },
    };
    serde_saphyr::from_str_with_options::<Entry>(text, options).map_err(|e| {
        // Only comments and blank lines: nothing for the parser to say beyond "end of
        // input". Asked only of a file that failed, so a good file is not read twice.
        let has_content = text.lines().any(|l| {
            let l = l.trim();
            !l.is_empty() && !l.starts_with('#')
        });
        if !has_content {
            return (
                (0, 0),
                "file is empty, expected a YAML mapping with the fields of one entry".to_owned(),
            );
        }
        let pos = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        (pos, describe_yaml_error(&e))
    })
}

/// Our wording for the few errors whose library message is not meant for a catalog
/// author; everything else keeps the parser's message, minus its location suffix
/// (we print the location in front, compiler-style).
fn describe_yaml_error(e: &serde_saphyr::Error) -> String {
    let inner = e.without_snippet();
    if let serde_saphyr::Error::Budget { breach, .. } = inner {
        return match breach {
            BudgetBreach::Anchors { .. } | BudgetBreach::Aliases { .. } => {
                "YAML anchors and aliases (`&name`, `*name`) are not allowed in catalog files; write the value out".to_owned()
            }
            BudgetBreach::Depth { .. } => {
                format!("document is nested deeper than {MAX_DEPTH} levels; an entry needs at most 4")
            }
            BudgetBreach::Documents { .. } => {
                "file holds more than one YAML document (`---`); put each entry in a file of its own".to_owned()
            }
            other => format!("document is too large for one entry ({other:?})"),
        };
    }
    use serde_saphyr::Error as E;
    match inner {
        E::MultipleDocuments { .. } => {
            return "file holds more than one YAML document (`---`); put each entry in a file of its own".to_owned();
        }
        E::DuplicateMappingKey { key: Some(k), .. } => {
            return format!("field `{k}` appears more than once; each field may appear once");
        }
        E::SerdeMissingField { field, .. } => return format!("missing required field `{field}`"),
        E::InvalidScalar { ty, .. } if ty.starts_with('u') || ty.starts_with('i') => {
            return "expected a whole number here".to_owned();
        }
        E::Unexpected { expected, .. } => {
            let what = match *expected {
                "string scalar" => "expected text here, found a list or a mapping",
                "mapping start" => "expected a mapping of `key: value` fields here",
                "sequence start" => "expected a list here: `[a, b]`, or one `- item` per line",
                _ => "",
            };
            if !what.is_empty() {
                return what.to_owned();
            }
        }
        _ => {}
    }
    if inner.to_string().starts_with("recursion limit exceeded") {
        return format!(
            "document is nested deeper than {MAX_DEPTH} levels; an entry needs at most 4"
        );
    }
    let msg = serde_saphyr::DefaultMessageFormatter.format_message(inner);
    // The library leaves control characters to its renderer; we print the raw message.
    msg.chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}
