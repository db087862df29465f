//! Exit statuses, and the one path from an outcome to a status.
//!
//! The convention of `grep` and `diff`, so that a script can tell "no" from "could not
//! answer": `0` yes, `1` no, `2` trouble. Commands return [`Exit::Success`] or
//! [`Exit::No`] when they answered; anything that stops them is an error, and
//! [`code_for`] maps it: a [`Refusal`] carries its own status, every other error is
//! trouble. `--help` shows [`HELP`] and the guide's table is tested against it.

use std::fmt;

/// What `certs` tells the shell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Yes: the command answered and found what it was asked about.
    Success = 0,
    /// No: not found, a requirement not met, differences found, problems found.
    No = 1,
    /// Trouble: a usage error, a catalog that cannot be read or is invalid, an I/O error.
    Trouble = 2,
}

impl Exit {
    /// Every status, in order, with what it means; `--help` and docs/GUIDE.md say the same.
    pub const ALL: [(Exit, &'static str); 3] = [
        (
            Exit::Success,
            "yes: success, something found, a requirement met",
        ),
        (
            Exit::No,
            "no: not found, a requirement not met, differences or problems found",
        ),
        (
            Exit::Trouble,
            "trouble: usage error, unreadable or invalid catalog, I/O error",
        ),
    ];

    pub fn code(self) -> u8 {
        self as u8
    }
}

/// The `Exit status:` block of `--help`, written out so clap can take it as a constant;
/// a test checks it against [`Exit::ALL`].
pub const HELP: &str = "\
Exit status:
  0  yes: success, something found, a requirement met
  1  no: not found, a requirement not met, differences or problems found
  2  trouble: usage error, unreadable or invalid catalog, I/O error";

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> Self {
        std::process::ExitCode::from(e.code())
    }
}

/// An error that ends a command with a status of its own: `show` of an unknown key is
/// "no" (1); a bad `--columns` value is a usage error (2).
#[derive(Debug)]
pub struct Refusal {
    pub exit: Exit,
    pub message: String,
}

impl Refusal {
    /// The answer is no: nothing by that name, for example.
    pub fn no(message: impl Into<String>) -> anyhow::Error {
        Refusal {
            exit: Exit::No,
            message: message.into(),
        }
        .into()
    }

    /// The command was asked wrongly.
    pub fn usage(message: impl Into<String>) -> anyhow::Error {
        Refusal {
            exit: Exit::Trouble,
            message: message.into(),
        }
        .into()
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Refusal {}

/// The status for an error that stopped a command.
pub fn code_for(e: &anyhow::Error) -> Exit {
    e.chain()
        .find_map(|c| c.downcast_ref::<Refusal>())
        .map_or(Exit::Trouble, |r| r.exit)
}

/// True when the error is a closed pipe: `certs list | head -1` is not a failure.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_lists_every_status_with_its_meaning() {
        let lines: Vec<String> = Exit::ALL
            .iter()
            .map(|(e, what)| format!("  {}  {what}", e.code()))
            .collect();
        assert_eq!(HELP, format!("Exit status:\n{}", lines.join("\n")));
        let codes: Vec<u8> = Exit::ALL.iter().map(|(e, _)| e.code()).collect();
        assert_eq!(codes, [0, 1, 2]);
    }

    #[test]
    fn refusals_carry_their_status_and_everything_else_is_trouble() {
        assert_eq!(code_for(&Refusal::no("x")), Exit::No);
        assert_eq!(code_for(&Refusal::usage("x")), Exit::Trouble);
        let wrapped = Refusal::no("inner").context("outer");
        assert_eq!(code_for(&wrapped), Exit::No);
        assert_eq!(code_for(&anyhow::anyhow!("disk on fire")), Exit::Trouble);
        let pipe = anyhow::Error::from(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert!(is_broken_pipe(&pipe));
        assert!(!is_broken_pipe(&Refusal::no("x")));
    }
}
