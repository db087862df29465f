//! A problem found in a catalog file, with where it is, and how to find that place.
//!
//! Problems are collected, never thrown: a maintainer fixes ten in one run, not one per
//! run. Parser errors arrive with a line and column; problems found by the semantic
//! checks are placed afterwards by [`crate::check::locate::Locator`].

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

impl Problem {
    /// `file:line:column`, as far as known.
    pub fn location(&self) -> String {
        let mut at = crate::catalog::untrusted::shown_path(std::path::Path::new(&self.file));
        if let Some(line) = self.line {
            at.push_str(&format!(":{line}"));
            if let Some(col) = self.column {
                at.push_str(&format!(":{col}"));
            }
        }
        at
    }

    /// `error` or `warning`.
    pub fn severity_word(&self) -> &'static str {
        match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// `file:line:column: error: message`, as compilers write it.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // File names and messages carry untrusted text: escape what a terminal obeys.
        write!(
            f,
            "{}: {}: {}",
            crate::catalog::untrusted::printable(&self.location()),
            self.severity_word(),
            crate::catalog::untrusted::printable(&self.message)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_compiler_style() {
        let p = Problem::error("data/c5.yaml", "bad").at((3, 7));
        assert_eq!(p.to_string(), "data/c5.yaml:3:7: error: bad");
        let w = Problem::warning("x.yaml", "hmm");
        assert_eq!(w.to_string(), "x.yaml: warning: hmm");
    }
}
