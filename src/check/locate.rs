//! Where a field, or a value inside it, stands in a YAML entry's text.
//!
//! The semantic checks find problems in typed entries, which have forgotten their
//! positions; this scan finds the place again, only when there is a problem to place,
//! so a clean catalog pays nothing for it.

/// Finds the line and column of a field, or of a value inside a field, in a YAML entry.
///
/// This is a text scan, not a parse: it follows block-style keys by indentation and
/// falls back to the enclosing key (or the file's first line) when a value is written
/// in a way it does not follow. That is enough to point a person at the right line.
pub struct Locator<'a> {
    text: &'a str,
    /// The lines, split on first use: most problems of a clean-ish catalog are placed
    /// at a top-level key near the top of its file, which needs no index.
    lines: std::cell::OnceCell<Vec<&'a str>>,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        Locator {
            text,
            lines: std::cell::OnceCell::new(),
        }
    }

    fn lines(&self) -> &[&'a str] {
        self.lines.get_or_init(|| self.text.lines().collect())
    }

    /// Position of the last key of `path` (`["scope", "level"]`), 1-based.
    pub fn key(&self, path: &[&str]) -> (u64, u64) {
        if let [key] = path {
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
        self.find(path, None).unwrap_or((1, 1))
    }

    /// Position of `value` inside the block of the last key of `path`; the key's own
    /// position when the value is not found there.
    pub fn value(&self, path: &[&str], value: &str) -> (u64, u64) {
        self.find(path, Some(value))
            .or_else(|| self.find(path, None))
            .unwrap_or((1, 1))
    }

    fn find(&self, path: &[&str], value: Option<&str>) -> Option<(u64, u64)> {
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
            found = Some((i, col));
            // The key's block runs until the next line indented no deeper than the key.
            let block_end = (i + 1..end)
                .find(|&j| {
                    let l = lines[j];
                    let t = l.trim_start();
                    !t.is_empty() && !t.starts_with('#') && l.len() - t.len() <= col
                })
                .unwrap_or(end);
            start = i;
            end = block_end;
            indent = col + 1;
        }
        let (key_line, key_col) = found?;
        match value {
            None => Some((key_line as u64 + 1, key_col as u64 + 1)),
            Some(v) if !v.is_empty() => (start..end).find_map(|i| {
                let line = lines[i];
                // Skip the key itself on its own line so `id: id` finds the value.
                let from = if i == key_line { key_col + 1 } else { 0 };
                line.get(from..).and_then(|rest| whole(rest, v)).map(|pos| {
                    (
                        i as u64 + 1,
                        (line[..from + pos].chars().count() + 1) as u64,
                    )
                })
            }),
            Some(_) => None,
        }
    }
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
                assert_eq!(
                    l.key(&[key]),
                    l.find(&[key], None).unwrap_or((1, 1)),
                    "{key} in {path:?}"
                );
            }
            files += 1;
        }
        assert!(files > 20);
    }
}
