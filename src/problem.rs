//! A problem found in a catalog file, with where it is, and how to find that place.
//!
//! Problems are collected, never thrown: a maintainer fixes ten in one run, not one per
//! run. Parser errors arrive with a line and column; problems found by the semantic
//! checks are placed afterwards by [`Locator`], which scans the text only when there
//! is a problem to place, so a clean catalog pays nothing for it.

use std::fmt;

use serde::Serialize;

/// How bad a problem is: errors fail the load, warnings only under `--strict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, printed compiler-style as `file:line:column: message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The file, as the user named its directory (`data/c5.yaml`).
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<u64>,
    /// 1-based column, when known.
    pub column: Option<u64>,
    /// The entry's id, when the file got far enough to have one.
    pub entry: Option<String>,
    pub severity: Severity,
    pub message: String,
}

impl Problem {
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            file: file.into(),
            line: None,
            column: None,
            entry: None,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(file, message)
        }
    }

    pub fn at(mut self, (line, column): (u64, u64)) -> Self {
        if line > 0 {
            self.line = Some(line);
            self.column = (column > 0).then_some(column);
        }
        self
    }

    pub fn entry(mut self, id: impl Into<String>) -> Self {
        self.entry = Some(id.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        match self.severity {
            Severity::Error => write!(f, ": {}", self.message),
            Severity::Warning => write!(f, ": warning: {}", self.message),
        }
    }
}

/// Finds the line and column of a field, or of a value inside a field, in a YAML entry.
///
/// This is a text scan, not a parse: it follows block-style keys by indentation and
/// falls back to the enclosing key (or the file's first line) when a value is written
/// in a way it does not follow. That is enough to point a person at the right line.
pub struct Locator<'a> {
    lines: Vec<&'a str>,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        Locator {
            lines: text.lines().collect(),
        }
    }

    /// Position of the last key of `path` (`["scope", "level"]`), 1-based.
    pub fn key(&self, path: &[&str]) -> (u64, u64) {
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
        let (mut start, mut end, mut indent) = (0, self.lines.len(), 0);
        let mut found = None;
        for key in path {
            let (i, col) = (start..end).find_map(|i| {
                let line = self.lines[i];
                let trimmed = line.trim_start_matches([' ', '-']);
                let col = line.len() - trimmed.len();
                let is_key = col >= indent
                    && trimmed
                        .strip_prefix(key)
                        .is_some_and(|rest| rest.starts_with(':'));
                is_key.then_some((i, col))
            })?;
            found = Some((i, col));
            // The key's block runs until the next line indented no deeper than the key.
            let block_end = (i + 1..end)
                .find(|&j| {
                    let l = self.lines[j];
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
                let line = self.lines[i];
                // Skip the key itself on its own line so `id: id` finds the value.
                let from = if i == key_line { key_col + 1 } else { 0 };
                line.get(from..).and_then(|rest| rest.find(v)).map(|pos| {
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

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "id: c5\nname: C5\naliases: [bsi, pci]\nscope:\n  level: basic\n  regions:\n    - name: Beijing\n      country: cn\nsummary: text\n";

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

    #[test]
    fn display_is_compiler_style() {
        let p = Problem::error("data/c5.yaml", "bad").at((3, 7));
        assert_eq!(p.to_string(), "data/c5.yaml:3:7: bad");
        let w = Problem::warning("x.yaml", "hmm");
        assert_eq!(w.to_string(), "x.yaml: warning: hmm");
    }
}
