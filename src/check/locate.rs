//! Where a field, or a value inside it, stands in a YAML entry's text.
//!
//! The semantic checks find problems in typed entries, which have forgotten their
//! positions; this scan finds the place again, only when there is a problem to place,
//! so a clean catalog pays nothing for it.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;

/// Finds the line and column of a field, or of a value inside a field, in a YAML entry.
///
/// This is a text scan, not a parse: it follows block-style keys by indentation and
/// falls back to the enclosing key (or the file's first line) when a value is written
/// in a way it does not follow. That is enough to point a person at the right line.
///
/// The work is bounded by the file, not by the number of problems in it: each key's
/// block is found once, the items of a block are indexed once, and the slower search
/// for a value inside running text has a budget of a few passes over the file, after
/// which a value is placed at its key. A hostile file of 45,000 bad aliases is placed
/// in one pass rather than 45,000.
pub struct Locator<'a> {
    text: &'a str,
    /// The lines, split on first use: most problems of a clean-ish catalog are placed
    /// at a top-level key near the top of its file, which needs no index.
    lines: OnceCell<Vec<&'a str>>,
    /// Each key path's block, found once.
    blocks: RefCell<HashMap<Vec<String>, Option<Block>>>,
    /// Each block's items (`[a, b]`, `- a`, `key: a`) by their text, indexed once.
    items: RefCell<HashMap<Vec<String>, Items<'a>>>,
    /// Bytes the running-text search may still read.
    budget: Cell<usize>,
}

/// A block's items by their text, each at its first (line, column).
type Items<'a> = HashMap<&'a str, (u64, u64)>;

/// A key's place and the lines its block spans.
#[derive(Clone, Copy)]
struct Block {
    key_line: usize,
    key_col: usize,
    start: usize,
    end: usize,
}

/// Passes over the file the running-text search may make in all.
const SEARCH_PASSES: usize = 8;

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        Locator {
            text,
            lines: OnceCell::new(),
            blocks: RefCell::default(),
            items: RefCell::default(),
            budget: Cell::new(SEARCH_PASSES.saturating_mul(text.len()).max(4096)),
        }
    }

    fn lines(&self) -> &[&'a str] {
        self.lines.get_or_init(|| self.text.lines().collect())
    }

    /// Position of the last key of `path` (`["scope", "level"]`), 1-based.
    pub fn key(&self, path: &[&str]) -> (u64, u64) {
        if let [key] = path
            && self.lines.get().is_none()
        {
            // A top-level key: the first line that starts with it, as `find` decides,
            // found without splitting the whole file.
            return self
                .text
                .lines()
                .position(|line| {
                    !line.starts_with([' ', '-'])
                        && line.strip_prefix(key).is_some_and(|r| r.starts_with(':'))
                })
                .map_or((1, 1), |i| (i as u64 + 1, 1));
        }
        self.block(path)
            .map_or((1, 1), |b| (b.key_line as u64 + 1, b.key_col as u64 + 1))
    }

    /// Position of `value` inside the block of the last key of `path`; the key's own
    /// position when the value is not found there.
    pub fn value(&self, path: &[&str], value: &str) -> (u64, u64) {
        let Some(block) = self.block(path) else {
            return (1, 1);
        };
        let at_key = (block.key_line as u64 + 1, block.key_col as u64 + 1);
        if value.is_empty() {
            return at_key;
        }
        let owned: Vec<String> = path.iter().map(|k| (*k).to_owned()).collect();
        if let Some(&pos) = self
            .items
            .borrow_mut()
            .entry(owned)
            .or_insert_with(|| self.index_items(block))
            .get(value)
        {
            return pos;
        }
        // Inside running text (a summary, a quoted phrase): a scan, while the budget lasts.
        let lines = self.lines();
        let span: usize = lines[block.start..block.end]
            .iter()
            .map(|l| l.len() + 1)
            .sum();
        if span > self.budget.get() {
            return at_key;
        }
        self.budget.set(self.budget.get() - span);
        (block.start..block.end)
            .find_map(|i| {
                let line = lines[i];
                // Skip the key itself on its own line so `id: id` finds the value.
                let from = if i == block.key_line {
                    block.key_col + 1
                } else {
                    0
                };
                line.get(from..)
                    .and_then(|rest| whole(rest, value))
                    .map(|pos| {
                        (
                            i as u64 + 1,
                            (line[..from + pos].chars().count() + 1) as u64,
                        )
                    })
            })
            .unwrap_or(at_key)
    }

    fn block(&self, path: &[&str]) -> Option<Block> {
        let owned: Vec<String> = path.iter().map(|k| (*k).to_owned()).collect();
        if let Some(found) = self.blocks.borrow().get(&owned) {
            return *found;
        }
        let found = self.find(path);
        self.blocks.borrow_mut().insert(owned, found);
        found
    }

    /// The items of a block by their text: flow and block list items and scalar
    /// values, quotes removed, each at its first place.
    fn index_items(&self, block: Block) -> HashMap<&'a str, (u64, u64)> {
        let lines = self.lines();
        let mut items = HashMap::new();
        for (i, &line) in lines.iter().enumerate().take(block.end).skip(block.start) {
            let from = if i == block.key_line {
                block.key_col
            } else {
                0
            };
            let mut rest = &line[from..];
            // `key: value` on the key's own line, or on a nested line.
            if let Some((k, v)) = rest.split_once(':')
                && !k.contains(['[', '{', '"', '\'', ','])
            {
                rest = v;
            }
            let base = line.len() - rest.len();
            for (at, piece) in split_items(rest) {
                let raw = piece.trim_matches(' ');
                let lead = piece.len() - piece.trim_start_matches(' ').len();
                let item = raw
                    .strip_prefix('"')
                    .and_then(|r| r.strip_suffix('"'))
                    .or_else(|| raw.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')))
                    .unwrap_or(raw);
                let quote = usize::from(item.len() != raw.len());
                if item.is_empty() {
                    continue;
                }
                let col = line[..base + at + lead + quote].chars().count() + 1;
                items.entry(item).or_insert((i as u64 + 1, col as u64));
            }
        }
        items
    }

    fn find(&self, path: &[&str]) -> Option<Block> {
        let lines = self.lines();
        let (mut start, mut end, mut indent) = (0, lines.len(), 0);
        let mut found = None;
        for (depth, key) in path.iter().enumerate() {
            let (i, col) = (start..end).find_map(|i| {
                let line = lines[i];
                let trimmed = line.trim_start_matches([' ', '-']);
                let col = line.len() - trimmed.len();
                // A top-level field starts its line; a nested one is indented under its parent.
                let placed = if depth == 0 { col == 0 } else { col >= indent };
                let is_key = placed
                    && trimmed
                        .strip_prefix(key)
                        .is_some_and(|rest| rest.starts_with(':'));
                is_key.then_some((i, col))
            })?;
            // The key's block runs until the next line indented no deeper than the key.
            let block_end = (i + 1..end)
                .find(|&j| {
                    let l = lines[j];
                    let t = l.trim_start();
                    !t.is_empty() && !t.starts_with('#') && l.len() - t.len() <= col
                })
                .unwrap_or(end);
            found = Some(Block {
                key_line: i,
                key_col: col,
                start: i,
                end: block_end,
            });
            start = i;
            end = block_end;
            indent = col + 1;
        }
        found
    }
}

/// The pieces of a line between YAML's list punctuation (`[`, `]`, `,`, a leading
/// `- `), each with its byte offset in `text`.
fn split_items(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let trimmed = text.trim_start_matches(' ');
    if let Some(rest) = trimmed.strip_prefix("- ") {
        start = text.len() - rest.len();
    }
    let mut quote: Option<char> = None;
    let first = start;
    for (at, c) in text.char_indices().filter(|(at, _)| *at >= first) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | ']' | ',' | '{' | '}' | '#') => {
                pieces.push((start, &text[start..at]));
                start = at + c.len_utf8();
                if c == '#' {
                    return pieces.into_iter();
                }
            }
            _ => {}
        }
    }
    pieces.push((start, &text[start..]));
    pieces.into_iter()
}

/// Where `v` stands in `text` as a whole value, not inside a longer word: the `b`
/// of `[ab, b, b]` is the second item, not the end of `ab`.
fn whole(text: &str, v: &str) -> Option<usize> {
    let word =
        |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    text.match_indices(v).map(|(at, _)| at).find(|&at| {
        !word(text[..at].chars().next_back()) && !word(text[at + v.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "id: c5\nname: C5\naliases: [bsi, pci]\nscope:\n  level: basic\n  regions:\n    - name: Beijing\n      country: cn\nsummary: text\n";

    #[test]
    fn finds_whole_values_and_top_level_keys_at_the_margin() {
        let l = Locator::new(
            "id: x\naliases: [ab, b, b]\nscope:\n  regions:\n    - name: Beijing\nname: \"\"\n",
        );
        assert_eq!(l.value(&["aliases"], "b"), (2, 15));
        assert_eq!(l.key(&["name"]), (6, 1));
    }

    #[test]
    fn finds_top_level_and_nested_keys() {
        let l = Locator::new(TEXT);
        assert_eq!(l.key(&["name"]), (2, 1));
        assert_eq!(l.key(&["scope", "level"]), (5, 3));
        assert_eq!(l.key(&["scope", "regions"]), (6, 3));
        assert_eq!(l.key(&["nothing"]), (1, 1));
    }

    #[test]
    fn finds_values_in_flow_and_block_lists() {
        let l = Locator::new(TEXT);
        assert_eq!(l.value(&["aliases"], "pci"), (3, 16));
        assert_eq!(l.value(&["scope", "regions"], "cn"), (8, 16));
        assert_eq!(l.value(&["id"], "c5"), (1, 5));
        // Not found: falls back to the key.
        assert_eq!(l.value(&["aliases"], "zzz"), (3, 1));
    }

    /// The top-level shortcut gives what the general scan gives, for every key of
    /// every shipped file and for keys that are not there.
    #[test]
    fn the_top_level_shortcut_is_the_general_scan() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
        let mut files = 0;
        for item in std::fs::read_dir(dir).unwrap() {
            let path = item.unwrap().path();
            if path.extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let l = Locator::new(&text);
            for key in [
                "id", "name", "summary", "source", "evidence", "scope", "level", "nope", "s",
            ] {
                let general = l
                    .find(&[key])
                    .map_or((1, 1), |b| (b.key_line as u64 + 1, b.key_col as u64 + 1));
                assert_eq!(l.key(&[key]), general, "{key} in {path:?}");
            }
            files += 1;
        }
        assert!(files > 20);
    }
}
