//! Every problem in one file, in one run: when the typed parse of an entry fails (it
//! stops at the first problem), the file is walked again as a YAML tree with
//! positions, and each field is checked against the entry format: unknown fields
//! (with the closest known one), missing and repeated fields, wrong shapes, values
//! outside a vocabulary (with the closest value), tags, merge keys, anchors, numbers
//! written as text. Each problem points at its own node.
//!
//! The typed parse stays the fast path; this walk runs only for a file that failed
//! it, so a clean catalog pays nothing for it.

use std::borrow::Cow;

use granit_parser::{Event, Parser, ScalarStyle};

use crate::catalog::entry::{
    Access, EvidenceType, Id, Industry, Jurisdiction, Kind, Link, PartialDate, Status, Timestamp,
};
use crate::catalog::region::Country;
use crate::catalog::vocab::closest;

/// A YAML node with where it starts (1-based line and column).
struct Node<'a> {
    kind: NodeKind<'a>,
    at: (u64, u64),
    tag: Option<String>,
    /// Whether it defines an anchor (`&name`).
    anchored: bool,
}

enum NodeKind<'a> {
    /// The text, and whether it was written plain (unquoted).
    Scalar(Cow<'a, str>, bool),
    Seq(Vec<Node<'a>>),
    Map(Vec<(Node<'a>, Node<'a>)>),
    Alias,
}

/// Deepest nesting walked, as the typed parse allows.
const MAX_DEPTH: usize = 16;

/// A problem at a position.
pub type Found = ((u64, u64), String);

pub use crate::check::validate::Keys;

/// Checks an entry's text field by field: every problem with its position, each
/// message once (an alias bomb is one problem, not thousands). Empty when the text is
/// not well-formed YAML, or is too deep to walk: the parser's own message says it best.
pub fn check(text: &str) -> Vec<Found> {
    let Ok(Some(root)) = tree(text) else {
        return Vec::new();
    };
    let mut found: Vec<Found> = tag_directive(text).into_iter().collect();
    walk(&root, &ENTRY, "", &mut found);
    let stopped = found.len() >= MAX_WALKED;
    let mut seen = std::collections::HashSet::new();
    found.retain(|(_, msg)| seen.insert(msg.clone()));
    found.sort_by_key(|f| f.0);
    if stopped || found.len() > MAX_PER_FILE {
        found.truncate(MAX_PER_FILE);
        let last = found.last().map_or((1, 1), |f| f.0);
        found.push((
            last,
            format!("more problems in this file are not listed (the first {MAX_PER_FILE} are); fix these and validate again"),
        ));
    }
    found
}

/// Most problems reported for one file: a megabyte of unknown keys is one mistake,
/// and collecting every instance cost gigabytes over a few such files.
pub const MAX_PER_FILE: usize = 100;
/// Problems the walk collects before it stops, repeats included.
const MAX_WALKED: usize = 10 * MAX_PER_FILE;

/// A `%TAG` directive: it declares tag shorthands, and tags are refused, so what
/// declares them is refused too, rather than accept a file whose meaning depends on
/// it. A directive stands at the start of a line before the document; content at the
/// start of a line cannot begin with `%`.
pub fn tag_directive(text: &str) -> Option<Found> {
    // Every file pays for this: a search for one byte (memchr), not for a word or a
    // pass over every line. A directive starts a line.
    let at = text.match_indices('%').map(|(at, _)| at).find(|&at| {
        text[at..].starts_with("%TAG") && (at == 0 || text.as_bytes()[at - 1] == b'\n')
    })?;
    let line = text[..at].bytes().filter(|&b| b == b'\n').count();
    Some((
        (line as u64 + 1, 1),
        "YAML `%TAG` directives are not allowed in catalog files; write plain values without tags"
            .to_owned(),
    ))
}

/// The names `certs show` finds an entry by, read from a file the typed parse
/// refused, so that a clash with another file is reported in the same run as the
/// file's own problems. `None` when the file has no readable `id`.
pub fn keys(text: &str) -> Option<Keys<'static>> {
    let Ok(Some(root)) = tree(text) else {
        return None;
    };
    let NodeKind::Map(pairs) = &root.kind else {
        return None;
    };
    let scalar = |node: &Node<'_>| match &node.kind {
        NodeKind::Scalar(text, _) => Some(Cow::Owned(text.to_string())),
        _ => None,
    };
    let field = |name: &str| {
        pairs.iter().find_map(|(k, v)| match &k.kind {
            NodeKind::Scalar(key, _) if key == name => Some(v),
            _ => None,
        })
    };
    let aliases: Vec<String> = match field("aliases").map(|n| &n.kind) {
        Some(NodeKind::Seq(items)) => items
            .iter()
            .filter_map(scalar)
            .map(Cow::into_owned)
            .collect(),
        _ => Vec::new(),
    };
    Some(Keys {
        id: field("id").and_then(scalar)?,
        name: field("name").and_then(scalar),
        full_name: field("full_name").and_then(scalar),
        aliases: Cow::Owned(aliases),
    })
}

/// The first document's root node, built from the parser's events.
fn tree(text: &str) -> Result<Option<Node<'_>>, Found> {
    let mut stack: Vec<Node<'_>> = Vec::new();
    let mut keys: Vec<Option<Node<'_>>> = Vec::new();
    let mut root = None;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| {
            let m = e.marker();
            (
                (m.line() as u64, m.col() as u64 + 1),
                format!("not valid YAML: {}", e.info()),
            )
        })?;
        let at = (span.start.line() as u64, span.start.col() as u64 + 1);
        // The walk below recurses once per level; an entry needs four.
        if stack.len() > MAX_DEPTH {
            return Err((
                at,
                format!(
                    "document is nested deeper than {MAX_DEPTH} levels; an entry needs at most 4"
                ),
            ));
        }
        let node = match event {
            Event::Scalar(value, style, anchor, tag) => Node {
                kind: NodeKind::Scalar(value, style == ScalarStyle::Plain),
                at,
                tag: tag.map(|t| t.to_string()),
                anchored: anchor != 0,
            },
            Event::Alias(_) => Node {
                kind: NodeKind::Alias,
                at,
                tag: None,
                anchored: false,
            },
            Event::SequenceStart(_, anchor, tag) => {
                stack.push(Node {
                    kind: NodeKind::Seq(Vec::new()),
                    at,
                    tag: tag.map(|t| t.to_string()),
                    anchored: anchor != 0,
                });
                keys.push(None);
                continue;
            }
            Event::MappingStart(_, anchor, tag) => {
                stack.push(Node {
                    kind: NodeKind::Map(Vec::new()),
                    at,
                    tag: tag.map(|t| t.to_string()),
                    anchored: anchor != 0,
                });
                keys.push(None);
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                keys.pop();
                match stack.pop() {
                    Some(n) => n,
                    None => continue,
                }
            }
            Event::DocumentEnd if root.is_some() => break,
            _ => continue,
        };
        // Attach the finished node to its parent, or make it the root.
        match (stack.last_mut(), keys.last_mut()) {
            (
                Some(Node {
                    kind: NodeKind::Seq(items),
                    ..
                }),
                _,
            ) => items.push(node),
            (
                Some(Node {
                    kind: NodeKind::Map(pairs),
                    ..
                }),
                Some(pending),
            ) => match pending.take() {
                Some(key) => pairs.push((key, node)),
                None => *pending = Some(node),
            },
            _ => root = Some(node),
        }
    }
    Ok(root)
}

/// What a node should be.
#[derive(Clone, Copy)]
enum Shape {
    /// Free text.
    Text,
    /// A whole number written as a number.
    Count,
    /// A scalar read by a `FromStr` of the model; the message says what is wrong.
    Value(fn(&str) -> Result<(), String>),
    List(&'static Shape),
    Map(&'static [FieldSpec]),
}

/// One field of a mapping: its name, shape, and whether it must be there.
struct FieldSpec(&'static str, Shape, bool);

fn parses<T: std::str::FromStr<Err = String>>(s: &str) -> Result<(), String> {
    s.parse::<T>().map(|_| ())
}

const TEXTS: Shape = Shape::List(&Shape::Text);

static ENTRY: Shape = Shape::Map(&[
    FieldSpec("id", Shape::Value(parses::<Id>), true),
    FieldSpec("name", Shape::Text, true),
    FieldSpec("full_name", Shape::Text, false),
    FieldSpec("aliases", TEXTS, false),
    FieldSpec("kind", Shape::Value(parses::<Kind>), true),
    FieldSpec("status", Shape::Value(parses::<Status>), false),
    FieldSpec("issuer", Shape::Text, false),
    FieldSpec("auditor", Shape::Text, false),
    FieldSpec(
        "jurisdictions",
        Shape::List(&Shape::Value(parses::<Jurisdiction>)),
        true,
    ),
    FieldSpec(
        "industries",
        Shape::List(&Shape::Value(parses::<Industry>)),
        false,
    ),
    FieldSpec(
        "scope",
        Shape::Map(&[
            FieldSpec("level", Shape::Text, false),
            FieldSpec("data_centres", Shape::Count, false),
            FieldSpec(
                "regions",
                Shape::List(&Shape::Map(&[
                    FieldSpec("name", Shape::Text, true),
                    FieldSpec("country", Shape::Value(parses::<Country>), true),
                ])),
                false,
            ),
            FieldSpec("services", TEXTS, false),
        ]),
        false,
    ),
    FieldSpec("standards", TEXTS, false),
    FieldSpec("achieved", Shape::Value(parses::<PartialDate>), false),
    FieldSpec("valid_until", Shape::Value(parses::<PartialDate>), false),
    FieldSpec(
        "period",
        Shape::Map(&[
            FieldSpec("start", Shape::Value(parses::<PartialDate>), true),
            FieldSpec("end", Shape::Value(parses::<PartialDate>), true),
        ]),
        false,
    ),
    FieldSpec("source_updated", Shape::Value(parses::<Timestamp>), false),
    FieldSpec(
        "evidence",
        Shape::List(&Shape::Map(&[
            FieldSpec("type", Shape::Value(parses::<EvidenceType>), true),
            FieldSpec("title", Shape::Text, false),
            FieldSpec("reference", Shape::Text, false),
            FieldSpec(
                "access",
                Shape::List(&Shape::Value(parses::<Access>)),
                false,
            ),
            FieldSpec("contact", Shape::Text, false),
            FieldSpec("url", Shape::Value(parses::<Link>), false),
        ])),
        false,
    ),
    FieldSpec("summary", Shape::Text, true),
    FieldSpec("links", Shape::List(&Shape::Value(parses::<Link>)), false),
    FieldSpec("related_certifications", TEXTS, false),
    FieldSpec(
        "source",
        Shape::Map(&[
            FieldSpec("document", Shape::Text, true),
            FieldSpec("section", Shape::Text, true),
            FieldSpec(
                "normalised",
                Shape::List(&Shape::Map(&[
                    FieldSpec("field", Shape::Text, true),
                    FieldSpec("value", Shape::Text, true),
                    FieldSpec("reason", Shape::Text, true),
                ])),
                false,
            ),
            FieldSpec(
                "basis",
                Shape::List(&Shape::Map(&[
                    FieldSpec("field", Shape::Text, true),
                    FieldSpec("value", Shape::Text, true),
                    FieldSpec("quote", Shape::Text, false),
                    FieldSpec("judged", Shape::Text, false),
                ])),
                false,
            ),
        ]),
        false,
    ),
]);

fn walk(node: &Node<'_>, shape: &Shape, path: &str, found: &mut Vec<Found>) {
    if found.len() >= MAX_WALKED {
        return;
    }
    let field = if path.is_empty() { "the entry" } else { path };
    if let Some(tag) = &node.tag {
        found.push((
            node.at,
            format!("YAML tag `{tag}` on `{field}` is not allowed in catalog files; write the plain value"),
        ));
    }
    if node.anchored {
        found.push((
            node.at,
            "YAML anchors (`&name`) are not allowed in catalog files; write the value out"
                .to_owned(),
        ));
    }
    let null = matches!(&node.kind, NodeKind::Scalar(t, true) if matches!(t.as_ref(), "" | "~" | "null" | "Null" | "NULL"));
    if null && !matches!(shape, Shape::List(_) | Shape::Map(_)) {
        found.push((
            node.at,
            format!("`{field}` is empty; write a value or remove the field"),
        ));
        return;
    }
    match (&node.kind, shape) {
        (NodeKind::Alias, _) => found.push((
            node.at,
            "YAML aliases (`*name`) are not allowed in catalog files; write the value out"
                .to_owned(),
        )),
        (NodeKind::Scalar(text, _), Shape::Text) => {
            // As the typed checks would say, had the parse got that far.
            if crate::catalog::untrusted::is_blank(text) {
                found.push((node.at, format!("`{field}` is blank; write a value")));
            }
        }
        (NodeKind::Scalar(text, _), Shape::Count) => {
            // The typed parse's own rule, so both walks refuse the same counts.
            if let Err(msg) = crate::catalog::entry::parse_count(text) {
                found.push((node.at, msg));
            }
        }
        (NodeKind::Scalar(text, _), Shape::Value(check)) => {
            if let Err(msg) = check(text) {
                found.push((node.at, msg));
            }
        }
        (NodeKind::Seq(items), Shape::List(item)) => {
            for (i, n) in items.iter().enumerate() {
                walk(n, item, &format!("{path}[{i}]"), found);
            }
        }
        (NodeKind::Map(pairs), Shape::Map(fields)) => check_map(node, pairs, fields, path, found),
        (_, expected) => {
            let what = match (expected, &node.kind) {
                // A single value where a list belongs: show the list it should be.
                (Shape::List(_), NodeKind::Scalar(text, _)) if !text.is_empty() => {
                    format!(
                        "a list, even of one item: `[{}]`",
                        crate::catalog::untrusted::shorten(text)
                    )
                }
                (Shape::List(_), _) => "a list: `[a, b]`, or one `- item` per line".to_owned(),
                (Shape::Map(_), _) => "a mapping of `key: value` fields".to_owned(),
                _ => "a single value, not a list or a mapping".to_owned(),
            };
            let msg = if path.is_empty() {
                "the file should hold a mapping of `key: value` fields, one entry per file"
                    .to_owned()
            } else {
                format!("`{field}` should be {what}")
            };
            found.push((node.at, msg));
        }
    }
}

fn check_map(
    node: &Node<'_>,
    pairs: &[(Node<'_>, Node<'_>)],
    fields: &[FieldSpec],
    path: &str,
    found: &mut Vec<Found>,
) {
    let names: Vec<&str> = fields.iter().map(|f| f.0).collect();
    let mut seen: Vec<&str> = Vec::new();
    for (key, value) in pairs {
        if found.len() >= MAX_WALKED {
            return;
        }
        let NodeKind::Scalar(name, _) = &key.kind else {
            found.push((key.at, "field names must be plain text".to_owned()));
            continue;
        };
        if name == "<<" {
            found.push((
                key.at,
                "YAML merge keys (`<<`) are not allowed in catalog files; write each field out"
                    .to_owned(),
            ));
            continue;
        }
        let full = if path.is_empty() {
            name.to_string()
        } else {
            format!("{path}.{name}")
        };
        let Some(spec) = fields.iter().find(|f| f.0 == name.as_ref()) else {
            let hint = closest(name, names.iter().copied())
                .map(|n| format!("; did you mean `{n}`?"))
                .unwrap_or_default();
            found.push((
                key.at,
                format!(
                    "unknown field `{full}`, expected one of: {}{hint}",
                    names.join(", ")
                ),
            ));
            continue;
        };
        if seen.contains(&spec.0) {
            found.push((
                key.at,
                format!("field `{full}` appears more than once; each field may appear once"),
            ));
            continue;
        }
        seen.push(spec.0);
        walk(value, &spec.1, &full, found);
    }
    for spec in fields.iter().filter(|f| f.2 && !seen.contains(&f.0)) {
        let full = if path.is_empty() {
            spec.0.to_owned()
        } else {
            format!("{path}.{}", spec.0)
        };
        found.push((node.at, format!("missing required field `{full}`")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_problems_are_five_messages_each_at_its_node() {
        let text = "id: a\nname: A\nacheived: 2020\nkind: attestation-report\njurisdictions: [sg, zz]\nscope:\n  data_centres: 0x3\nsummary: s\nstatus: actve\n";
        let found = check(text);
        let lines: Vec<String> = found
            .iter()
            .map(|((l, c), m)| format!("{l}:{c}: {m}"))
            .collect();
        assert_eq!(lines.len(), 5, "{lines:#?}");
        assert!(
            lines[0].starts_with("3:1: unknown field `acheived`"),
            "{}",
            lines[0]
        );
        assert!(
            lines[0].ends_with("did you mean `achieved`?"),
            "{}",
            lines[0]
        );
        assert!(
            lines[1].starts_with("4:7: unknown kind `attestation-report`"),
            "{}",
            lines[1]
        );
        assert!(
            lines[1].ends_with("did you mean `attestation`?"),
            "{}",
            lines[1]
        );
        assert!(
            lines[2].starts_with("5:21: unknown jurisdiction `zz`"),
            "{}",
            lines[2]
        );
        assert!(
            lines[3].starts_with("7:17: `scope.data_centres` is `0x3`, expected a whole number"),
            "{}",
            lines[3]
        );
        assert!(
            lines[4].starts_with("9:9: unknown status `actve`"),
            "{}",
            lines[4]
        );
    }

    /// The walk's shapes are the one list of fields written out a second time (the
    /// walk runs on files the typed parse refused); here they are held to the entry
    /// type itself, through its JSON Schema: every field, nested ones too, with the
    /// same names and the same required ones. A field added to `Entry` and not here
    /// would make every file with another error report it as unknown.
    #[test]
    fn the_walk_knows_every_field_of_the_entry_type() {
        let schema = serde_json::to_value(schemars::schema_for!(crate::catalog::entry::Entry))
            .expect("a schema is JSON");
        let mut differences = Vec::new();
        compare(&ENTRY, &schema, &schema, "entry", &mut differences);
        assert!(differences.is_empty(), "{}", differences.join("\n"));
    }

    /// The schema node an object or array stands behind: `$ref`, `anyOf` with null.
    fn resolve<'s>(
        root: &'s serde_json::Value,
        node: &'s serde_json::Value,
    ) -> &'s serde_json::Value {
        if let Some(r) = node.get("$ref").and_then(|r| r.as_str()) {
            let name = r.trim_start_matches("#/$defs/");
            return resolve(root, &root["$defs"][name]);
        }
        if let Some(any) = node.get("anyOf").and_then(|a| a.as_array()) {
            for alt in any {
                if alt.get("type").and_then(|t| t.as_str()) != Some("null") {
                    return resolve(root, alt);
                }
            }
        }
        node
    }

    fn compare(
        shape: &Shape,
        node: &serde_json::Value,
        root: &serde_json::Value,
        at: &str,
        differences: &mut Vec<String>,
    ) {
        let node = resolve(root, node);
        match shape {
            Shape::Map(specs) => {
                let Some(props) = node.get("properties").and_then(|p| p.as_object()) else {
                    differences.push(format!("{at}: a map in the walk, not in the type"));
                    return;
                };
                let mut walk: Vec<&str> = specs.iter().map(|f| f.0).collect();
                let mut typed: Vec<&str> = props.keys().map(String::as_str).collect();
                walk.sort_unstable();
                typed.sort_unstable();
                if walk != typed {
                    differences.push(format!("{at}: the walk has {walk:?}, the type {typed:?}"));
                }
                let required: Vec<&str> = node
                    .get("required")
                    .and_then(|r| r.as_array())
                    .map(|r| r.iter().filter_map(|v| v.as_str()).collect())
                    .unwrap_or_default();
                for FieldSpec(name, inner, must) in specs.iter() {
                    if *must != required.contains(name) {
                        differences.push(format!(
                            "{at}.{name}: required {must} in the walk, {} in the type",
                            !must
                        ));
                    }
                    if let Some(child) = props.get(*name) {
                        compare(inner, child, root, &format!("{at}.{name}"), differences);
                    }
                }
            }
            Shape::List(inner) => match node.get("items") {
                Some(items) => compare(inner, items, root, &format!("{at}[]"), differences),
                None => differences.push(format!("{at}: a list in the walk, not in the type")),
            },
            Shape::Text | Shape::Count | Shape::Value(_) => {
                if node.get("properties").is_some() || node.get("items").is_some() {
                    differences.push(format!("{at}: a scalar in the walk, not in the type"));
                }
            }
        }
    }

    #[test]
    fn tags_merge_keys_and_missing_fields_are_named() {
        let text =
            "base: &b {name: X}\nid: a\n<<: *b\nname: !!python/object:os.system ls\nkind: audit\n";
        let found = check(text);
        let text: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
        assert!(
            text.iter().any(|m| m.starts_with("unknown field `base`")),
            "{text:#?}"
        );
        assert!(
            text.iter().any(|m| m.starts_with("YAML merge keys")),
            "{text:#?}"
        );
        assert!(
            text.iter()
                .any(|m| m
                    .starts_with("YAML tag `tag:yaml.org,2002:python/object:os.system` on `name`")),
            "{text:#?}"
        );
        assert!(
            text.contains(&"missing required field `jurisdictions`"),
            "{text:#?}"
        );
        assert!(
            text.contains(&"missing required field `summary`"),
            "{text:#?}"
        );
    }
}
