//! Checks across entries: what no single file can tell. Each problem is placed in
//! its file from the text the loader gives back, with one position index per file.

use std::collections::HashMap;
use std::collections::hash_map::Entry as Slot;

use super::{Files, Folded, KEY_FIELDS, Keys};
use crate::catalog::entry::Entry;
use crate::catalog::manifest::Manifest;
use crate::check::locate::Locator;
use crate::check::problem::Problem;

/// Collisions placed one by one in a file before the rest are counted.
const MAX_COLLISIONS_PLACED: usize = 20;

/// Checks across entries: ids, aliases and names unique under the folding lookups
/// use, so that `certs show KEY` always means one entry, and unique as they look
/// ([`look_alike`](crate::catalog::vocab::look_alike)), so that two entries never
/// show the same name. `keys_of(i)` gives the names of the `i`-th file that has
/// them, the files the typed parse refused included, and `folded[i]` the same names
/// as [`Keys::folded`] folds them; `files` places the `i`-th.
pub fn check_keys<'a>(
    folded: &[Folded],
    keys_of: &dyn Fn(usize) -> Keys<'a>,
    files: &dyn Files,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    // Borrowed from `folded`: no key is copied, and none is freed here. A claim is
    // the entry's number and the field's (24 bytes a name with the key, for a map
    // as large as the catalog has names).
    let mut claimed: HashMap<&str, (u32, u8)> = HashMap::with_capacity(folded.len() * 4);
    for (i, folded) in folded.iter().enumerate() {
        // Borrowed views, made as needed: no second list of every entry's names.
        let entry = keys_of(i);
        let file = files.name(i);
        let id = entry.id.as_ref();
        // One position index per file, built only if the file has a problem to place.
        let text = std::cell::OnceCell::new();
        let mut locator: Option<Locator> = None;
        // Two files that share thousands of aliases are one mistake: name the first
        // few collisions at their place, then count the rest.
        let mut collisions = 0usize;
        // Everything `certs show KEY` looks at, under the folding it uses.
        for ((field, key), folded) in entry.fields().zip(folded.names()) {
            // One lookup that also claims the key if it is free. A catalog has at
            // most MAX_ENTRIES files, so an entry's number fits in a u32.
            let claim = match claimed.entry(folded) {
                Slot::Occupied(seen) => Some(*seen.get()),
                Slot::Vacant(free) => {
                    free.insert((i as u32, field));
                    None
                }
            };
            let field = KEY_FIELDS[usize::from(field)];
            match claim {
                None => {}
                Some((j, _)) if j as usize == i => {} // within the entry: check_entry's business
                Some(_) if collisions >= MAX_COLLISIONS_PLACED => collisions += 1,
                Some((j, what)) => {
                    let (j, what) = (j as usize, KEY_FIELDS[usize::from(what)]);
                    collisions += 1;
                    let shown = crate::catalog::untrusted::shorten(key);
                    let (other, other_file) = (keys_of(j), files.name(j));
                    let mine = field_word(field);
                    let msg = if field == "id" && what == "id" {
                        format!("duplicate id `{shown}`, also the id of {other_file}")
                    } else {
                        format!(
                            "{mine} `{shown}` is already {} of `{}` ({}); ids, aliases and names must be unique, ignoring case, spaces, hyphens, underscores and characters that look alike",
                            match what {
                                "id" => "the id",
                                "name" => "the name",
                                "full_name" => "the full name",
                                _ => "an alias",
                            },
                            other.id,
                            other_file
                        )
                    };
                    let l = locator
                        .get_or_insert_with(|| Locator::new(text.get_or_init(|| files.text(i))));
                    problems.push(
                        Problem::error(file, msg)
                            .entry(id)
                            .at(l.value(&[field], key)),
                    );
                }
            }
        }
        if collisions > MAX_COLLISIONS_PLACED {
            let more = collisions - MAX_COLLISIONS_PLACED;
            let l = locator.get_or_insert_with(|| Locator::new(text.get_or_init(|| files.text(i))));
            problems.push(
                Problem::error(
                    file,
                    format!("{more} more ids, aliases or names of this entry are already another entry's"),
                )
                .entry(id)
                .at(l.key(&["aliases"])),
            );
        }
    }

    problems
}

/// Summaries of comparable length: one far longer than the rest is usually pasted
/// source prose.
pub fn check_summaries(entries: &[Entry], files: &dyn Files) -> Vec<Problem> {
    let mut problems = Vec::new();
    if entries.len() >= 5 {
        let lens: Vec<usize> = entries.iter().map(|e| e.summary.chars().count()).collect();
        let mut sorted = lens.clone();
        sorted.sort_unstable();
        let median = sorted[sorted.len() / 2];
        let limit = (median * 3).max(800);
        for (i, (entry, &len)) in entries.iter().zip(&lens).enumerate() {
            if len > limit {
                let msg = format!(
                    "summary is {len} characters, over 3 times the catalog's median of {median}; keep it to a few sentences in your own words"
                );
                problems.push(locate(
                    &files.text(i),
                    &["summary"],
                    "",
                    Problem::warning(files.name(i), msg).entry(entry.id.as_str()),
                ));
            }
        }
    }
    problems
}

fn field_word(field: &str) -> &'static str {
    match field {
        "id" => "id",
        "name" => "name",
        "full_name" => "full name",
        _ => "alias",
    }
}

fn locate(text: &str, path: &[&str], value: &str, problem: Problem) -> Problem {
    let l = Locator::new(text);
    let pos = if value.is_empty() {
        l.key(path)
    } else {
        l.value(path, value)
    };
    problem.at(pos)
}

/// Each entry's `source.document` must be a document the manifest lists; and in a
/// catalog with a manifest (one that traces its facts to documents), every
/// classification value should have a basis: a warning, so that `--strict` fails
/// on it while a company's own quick catalog is not burdened.
pub fn check_sources(
    entries: &[Entry],
    manifest: Option<&Manifest>,
    files: &dyn Files,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let file = files.name(i);
        if manifest.is_some() {
            let missing: Vec<String> = entry
                .classification()
                .into_iter()
                .filter(|(f, v)| entry.basis(f, v).is_none())
                .map(|(f, v)| format!("{f} `{}`", crate::catalog::untrusted::shorten(&v)))
                .collect();
            if !missing.is_empty() {
                let field = if entry.source.is_some() {
                    "source"
                } else {
                    "id"
                };
                problems.push(locate(
                    &files.text(i),
                    &[field],
                    "",
                    Problem::warning(
                        file,
                        format!(
                            "no basis for {}; add each to `source.basis` with a `quote` from the section or a `judged` reason",
                            missing.join(", ")
                        ),
                    )
                    .entry(entry.id.as_str()),
                ));
            }
        }
        let Some(source) = &entry.source else {
            continue;
        };
        let doc = source.document.as_str();
        let problem = match manifest {
            Some(m) if m.document(doc).is_some() => continue,
            Some(m) => Problem::error(
                file,
                format!(
                    "`source.document` `{doc}` is not a document of catalog.toml; expected one of: {}",
                    m.sources
                        .iter()
                        .map(|d| d.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
            None => Problem::warning(
                file,
                format!(
                    "`source.document` `{doc}` names a document, but the catalog has no catalog.toml to describe it"
                ),
            ),
        };
        problems.push(locate(
            &files.text(i),
            &["source", "document"],
            doc,
            problem.entry(entry.id.as_str()),
        ));
    }
    problems
}

/// The manifest, checked as an entry is: every text through the same character
/// rules, nothing blank, each source id once. Its text goes into every page's
/// `<title>` and every report, so it is as untrusted as any entry.
pub fn check_manifest(file: &str, text: &str, manifest: &Manifest) -> Vec<Problem> {
    let mut problems = Vec::new();
    let check = |table: Option<usize>, key: &str, value: &str| -> Option<Problem> {
        let what = match table {
            Some(i) => format!("`sources[{i}].{key}`"),
            None => format!("`{key}`"),
        };
        let message = if crate::catalog::untrusted::is_blank(value) {
            Some(format!("{what} is blank; write a value"))
        } else {
            crate::catalog::untrusted::first_forbidden(value, false)
                .map(|c| format!("{what} contains {c}; remove it"))
        };
        message.map(|m| Problem::error(file, m).at(toml_key(text, table, key)))
    };
    problems.extend(check(None, "title", &manifest.title));
    problems.extend(check(None, "publisher", &manifest.publisher));
    for (i, d) in manifest.sources.iter().enumerate() {
        problems.extend(check(Some(i), "id", &d.id));
        problems.extend(check(Some(i), "title", &d.title));
        problems.extend(check(Some(i), "publisher", &d.publisher));
        if let Some(url) = &d.url {
            problems.extend(check(Some(i), "url", url));
            if let Err(e) = url.parse::<crate::catalog::entry::Link>() {
                problems.push(
                    Problem::error(file, format!("`sources[{i}].url`: {e}")).at(toml_key(
                        text,
                        Some(i),
                        "url",
                    )),
                );
            }
        }
        if let Some(zone) = &d.timezone
            && !is_zone(zone)
        {
            problems.push(
                Problem::error(
                    file,
                    format!(
                        "`sources[{i}].timezone` is `{}`; expected `UTC` or an offset from it such as `UTC+08:00`",
                        crate::catalog::untrusted::shorten(zone)
                    ),
                )
                .at(toml_key(text, Some(i), "timezone")),
            );
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (i, d) in manifest.sources.iter().enumerate() {
        if !seen.insert(d.id.as_str()) {
            problems.push(
                Problem::error(
                    file,
                    format!(
                        "source id `{}` is listed twice; each document needs an id of its own",
                        crate::catalog::untrusted::shorten(&d.id)
                    ),
                )
                .at(toml_key(text, Some(i), "id")),
            );
        }
    }
    problems
}

/// A time zone as a fixed offset: `UTC`, or `UTC+08:00`. An offset says exactly which
/// instant a stamp is; a zone name (`Asia/Shanghai`) would need a zone database to
/// say it, and its offset changes with daylight saving.
fn is_zone(zone: &str) -> bool {
    if zone == "UTC" {
        return true;
    }
    let Some(offset) = zone
        .strip_prefix("UTC+")
        .or_else(|| zone.strip_prefix("UTC-"))
    else {
        return false;
    };
    let b = offset.as_bytes();
    b.len() == 5
        && b[2] == b':'
        && [b[0], b[1], b[3], b[4]].iter().all(u8::is_ascii_digit)
        && offset[..2] <= *"14"
        && offset[3..] < *"60"
}

/// Where `key` is set in the manifest: at the top, or in the `i`-th `[[sources]]`
/// table; the table's own line (or the first line) when it is written another way.
fn toml_key(text: &str, table: Option<usize>, key: &str) -> (u64, u64) {
    let mut lines = text.lines().enumerate();
    let mut at = (1, 1);
    if let Some(i) = table {
        let Some((n, _)) = lines
            .by_ref()
            .filter(|(_, l)| l.trim_start().starts_with("[[sources]]"))
            .nth(i)
        else {
            return at;
        };
        at = (n as u64 + 1, 1);
    }
    for (n, line) in lines {
        let t = line.trim_start();
        if t.starts_with('[') {
            break;
        }
        if let Some(rest) = t.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            return (n as u64 + 1, (line.len() - t.len()) as u64 + 1);
        }
    }
    at
}
