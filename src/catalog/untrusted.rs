//! Text from a catalog, a file name or an argument is untrusted: it may carry
//! terminal escape sequences (`\e[2J`, `\e]0;…\a`), carriage returns that overwrite
//! a line, or bidirectional overrides that make a reviewer read something else.
//! Validation refuses them in data ([`forbidden`]); every human-readable output
//! escapes them anyway ([`printable`]), so nothing untrusted reaches a terminal raw.

use std::borrow::Cow;

/// A character that must not appear in a catalog's text, and its name for messages.
/// Tabs and line breaks are allowed only where `allow_breaks` says (a summary).
pub fn forbidden(c: char, allow_breaks: bool) -> Option<&'static str> {
    match c {
        '\n' | '\t' if allow_breaks => None,
        '\u{1b}' => Some("ESC, a terminal escape"),
        '\r' => Some("CR, a carriage return"),
        '\n' => Some("LF, a line break"),
        '\t' => Some("TAB"),
        '\0'..='\u{1f}' | '\u{7f}' => Some("a control character"),
        '\u{80}'..='\u{9f}' => Some("a C1 control character"),
        '\u{061c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => Some("a bidirectional formatting character"),
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => Some("an invisible character"),
        _ => None,
    }
}

/// The first forbidden character of `text`, as `U+001B (ESC, a terminal escape)`.
pub fn first_forbidden(text: &str, allow_breaks: bool) -> Option<String> {
    // Printable ASCII, the common case, in one pass over bytes: scanning every
    // character of a large catalog was 6% of loading it.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return None;
    }
    text.chars()
        .find_map(|c| forbidden(c, allow_breaks).map(|what| format!("U+{:04X} ({what})", c as u32)))
}

/// `text` with every forbidden character written as a visible `\u{1b}` escape.
/// Line breaks and tabs stay only with `allow_breaks`.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| forbidden(c, false).is_some()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match forbidden(c, false) {
                Some(_) => format!("\\u{{{:x}}}", c as u32),
                None => c.to_string(),
            })
            .collect(),
    )
}

/// A value quoted in a message, cut to 60 characters: a megabyte key or name must
/// not turn one error line into a megabyte.
pub fn shorten(text: &str) -> Cow<'_, str> {
    const KEEP: usize = 60;
    match text.char_indices().nth(KEEP) {
        None => Cow::Borrowed(text),
        Some((at, _)) => Cow::Owned(format!("{}…", &text[..at])),
    }
}

/// As [`printable`], keeping line breaks: for multi-line messages of our own.
pub fn printable_lines(text: &str) -> String {
    text.split('\n')
        .map(|l| printable(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_overrides_are_made_visible() {
        assert_eq!(printable("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(printable("\u{202e}evil"), "\\u{202e}evil");
        assert_eq!(printable("x\ry\u{9b}"), "x\\u{d}y\\u{9b}");
        assert!(matches!(printable("Beijing (cn) – ok"), Cow::Borrowed(_)));
        assert_eq!(
            first_forbidden("ok\u{1b}]0;title\u{7}", false).as_deref(),
            Some("U+001B (ESC, a terminal escape)")
        );
        assert_eq!(first_forbidden("two\nlines", true), None);
        assert!(first_forbidden("two\nlines", false).is_some());
        assert_eq!(printable_lines("a\u{1b}\nb"), "a\\u{1b}\nb");
    }
}
