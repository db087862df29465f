//! The optional config file: `$XDG_CONFIG_HOME/certs/config.toml` (or
//! `~/.config/certs/config.toml`), or the file named by `CERTS_CONFIG`.
//!
//! ```toml
//! data_dir = "~/compliance/catalog"   # like --data
//! format = "json"                     # default --format for listing commands
//! color = "never"                     # like --color
//! ```
//!
//! Command-line flags and `CERTS_DATA` win over it. An unknown key or a bad value is
//! an error naming the file, line and key: a silently ignored typo would look like a
//! setting that works.

use std::path::{Path, PathBuf};

use anyhow::bail;
use serde::Deserialize;

use crate::catalog::untrusted::shown_path;
use crate::render::{ColorChoice, ListFormat};

#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub data_dir: Option<PathBuf>,
    pub format: Option<ListFormat>,
    pub color: Option<ColorChoice>,
}

/// Where the config file is looked for, and whether it must exist.
fn location() -> Option<(PathBuf, bool)> {
    if let Some(p) = std::env::var_os("CERTS_CONFIG").filter(|p| !p.is_empty()) {
        return Some((PathBuf::from(p), true));
    }
    // Only absolute directories count, as the XDG spec says of XDG_CONFIG_HOME: an
    // empty HOME or a relative path would read the config from the current
    // directory, and an untrusted checkout could then choose the catalog a CI job reads.
    let absolute = |v: std::ffi::OsString| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .and_then(absolute)
        .or_else(|| {
            std::env::var_os("HOME")
                .and_then(absolute)
                .map(|h| h.join(".config"))
        })?;
    Some((base.join("certs").join("config.toml"), false))
}

/// Largest config file read: three keys fit in far less.
const MAX_CONFIG_BYTES: u64 = 64 * 1024;

/// Reads the config file, or the defaults when there is none. It is opened like a
/// catalog file: a regular file only, without blocking (a FIFO cannot hang every
/// command), and at most 64 KiB (`/dev/zero` cannot exhaust memory).
pub fn load() -> anyhow::Result<Config> {
    let Some((path, required)) = location() else {
        return Ok(Config::default());
    };
    let named = if required {
        format!("config file `{}` (from CERTS_CONFIG)", shown_path(&path))
    } else {
        format!("config file `{}`", shown_path(&path))
    };
    if !required && !path.exists() {
        return Ok(Config::default());
    }
    let bytes = crate::load::read::read_limited(&path, MAX_CONFIG_BYTES, "a TOML file").map_err(
        |e| match e {
            crate::load::read::Limited::TooLarge(n) => {
                anyhow::anyhow!(
                    "cannot read {named}: it is {n} bytes, over the {MAX_CONFIG_BYTES}-byte limit"
                )
            }
            crate::load::read::Limited::Other(msg) => anyhow::anyhow!("cannot read {named}: {msg}"),
        },
    )?;
    let text = crate::load::read::decode(bytes).map_err(|((line, col), msg)| {
        anyhow::anyhow!("{}:{line}:{col}: {msg}", shown_path(&path))
    })?;
    parse(&text, &path)
}

/// Parses config text; relative `data_dir` is relative to the file, `~/` to `HOME`.
pub fn parse(text: &str, path: &Path) -> anyhow::Result<Config> {
    let mut config: Config = match toml::from_str(text) {
        Ok(c) => c,
        Err(e) => {
            let (line, col) = e.span().map_or((0, 0), |s| line_col(text, s.start));
            let mut msg = e.message().replace('\n', " ");
            // An unknown key, as serde words it: add the closest known one.
            let key = e
                .span()
                .and_then(|s| text.get(s))
                .map(|k| k.trim().trim_matches('"'));
            // The known keys are the ones serde lists: no second list to keep in step.
            let known: Vec<&str> = msg
                .split_once("expected one of ")
                .map(|(_, keys)| keys.split('`').skip(1).step_by(2).collect())
                .unwrap_or_default();
            if msg.starts_with("unknown field")
                && let Some(near) =
                    key.and_then(|k| crate::catalog::vocab::closest(k, known.iter().copied()))
            {
                msg.push_str(&format!("; did you mean `{near}`?"));
            }
            bail!("{}:{line}:{col}: {msg}", shown_path(path));
        }
    };
    if config
        .data_dir
        .as_ref()
        .is_some_and(|d| d.as_os_str().is_empty())
    {
        let at = text.find("data_dir").map_or((1, 1), |o| line_col(text, o));
        bail!(
            "{}:{}:{}: `data_dir` is empty, expected a catalog directory (or remove the key)",
            shown_path(path),
            at.0,
            at.1
        );
    }
    if let Some(dir) = config.data_dir.take() {
        let dir = match dir.strip_prefix("~") {
            Ok(rest) => match std::env::var_os("HOME").map(PathBuf::from) {
                Some(home) if home.is_absolute() => home.join(rest),
                _ => bail!(
                    "{}: `data_dir` starts with `~`, but HOME is not an absolute path; write the directory in full",
                    shown_path(path)
                ),
            },
            Err(_) if dir.is_relative() => path.parent().unwrap_or(Path::new(".")).join(dir),
            Err(_) => dir,
        };
        config.data_dir = Some(dir);
    }
    Ok(config)
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_three_keys() {
        let c = parse(
            "data_dir = \"/srv/catalog\"\nformat = \"json\"\ncolor = \"never\"\n",
            Path::new("/etc/c.toml"),
        )
        .unwrap();
        assert_eq!(c.data_dir, Some(PathBuf::from("/srv/catalog")));
        assert_eq!(c.format, Some(ListFormat::Json));
        assert_eq!(c.color, Some(ColorChoice::Never));
    }

    #[test]
    fn relative_data_dir_is_relative_to_the_file() {
        let c = parse(
            "data_dir = \"catalog\"\n",
            Path::new("/home/a/.config/certs/config.toml"),
        )
        .unwrap();
        assert_eq!(
            c.data_dir,
            Some(PathBuf::from("/home/a/.config/certs/catalog"))
        );
    }

    #[test]
    fn unknown_keys_and_bad_values_are_located() {
        let err = parse("format = \"json\"\nfromat = \"csv\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("c.toml:2:1: unknown field `fromat`")
                && err.ends_with("; did you mean `format`?"),
            "{err}"
        );
        let err = parse("color = \"sometimes\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("c.toml:1:9: unknown colour choice `sometimes`, expected one of: auto, always, never"),
            "{err}"
        );
    }
}
