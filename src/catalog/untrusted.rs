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
        '\u{2028}' | '\u{2029}' => Some("a Unicode line or paragraph separator"),
        c if default_ignorable(c) => Some("an invisible character"),
        _ => None,
    }
}

/// Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 16):
/// characters a renderer shows as nothing, so `C5` and `C5` + U+E0020 look the same.
/// The list is short and stable; unicode-security holds it too, but privately.
pub fn default_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fff8}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// True when `text` shows nothing: only white space, invisible characters and blank
/// glyphs (U+2800 BRAILLE PATTERN BLANK, the Hangul fillers) that pass for letters.
pub fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || default_ignorable(c) || c == '\u{2800}')
}

/// The first forbidden character of `text`, as `U+001B (ESC, a terminal escape)`.
pub fn first_forbidden(text: &str, allow_breaks: bool) -> Option<String> {
    // One pass over bytes: printable ASCII, most of any catalog, costs a comparison a
    // byte; only an ASCII control byte or the start of a multi-byte character is
    // decoded and looked up. Scanning every character was 6% of loading a large
    // catalog, and scanning the bytes first and the characters again 3%.
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Eight bytes at a time while they are all printable ASCII.
        if let Some(word) = bytes.get(at..at + 8) {
            let word = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
            if printable_ascii(word) {
                at += 8;
                continue;
            }
        }
        let b = bytes[at];
        if (0x20..0x7f).contains(&b) {
            at += 1;
            continue;
        }
        let c = text[at..].chars().next()?;
        if let Some(what) = forbidden(c, allow_breaks) {
            return Some(format!("U+{:04X} ({what})", c as u32));
        }
        at += c.len_utf8();
    }
    None
}

/// Whether all eight bytes of `word` are printable ASCII (0x20 to 0x7e).
fn printable_ascii(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // No byte has its high bit set, so adding to a byte cannot carry into the next:
    // x + 0x60 reaches 0x80 exactly when x >= 0x20, and x + 0x01 when x == 0x7f.
    word & HIGH == 0
        && word.wrapping_add(0x60 * ONES) & HIGH == HIGH
        && word.wrapping_add(ONES) & HIGH == 0
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

/// A path as quoted in a message: escaped like any untrusted text, and cut in the
/// middle past 120 characters, keeping the start (where it is) and the end (which
/// file): a 60 KB path must not make a 60 KB error line.
pub fn shown_path(path: &std::path::Path) -> String {
    const KEEP: usize = 120;
    let text = path.display().to_string();
    let text = printable(&text);
    let count = text.chars().count();
    if count <= KEEP {
        return text.into_owned();
    }
    let head: String = text.chars().take(KEEP / 2).collect();
    let tail: String = text.chars().skip(count - KEEP / 2).collect();
    format!("{head}…{tail}")
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
        assert_eq!(printable("a\u{1b}\nb"), "a\\u{1b}\\u{a}b");
        for c in [
            '\u{ad}',
            '\u{e0020}',
            '\u{2028}',
            '\u{2061}',
            '\u{34f}',
            '\u{fe0f}',
            '\u{180e}',
        ] {
            assert!(first_forbidden(&format!("C5{c}"), true).is_some(), "{c:?}");
        }
        assert!(is_blank("\u{3164}\u{3164}") && is_blank("\u{2800}") && is_blank(" \t"));
        assert!(!is_blank("\u{2800}a"));
        let long = std::path::PathBuf::from(format!("/{}/c5.yaml", "d".repeat(60_000)));
        let shown = shown_path(&long);
        assert_eq!(shown.chars().count(), 121);
        assert!(
            shown.starts_with("/ddd") && shown.ends_with("/c5.yaml"),
            "{shown}"
        );
    }

    /// The eight-byte check agrees with the byte rule for every byte in every place.
    #[test]
    fn the_word_check_is_the_byte_check() {
        for b in 0..=255u8 {
            for place in 0..8 {
                let mut word = *b"abcdefgh";
                word[place] = b;
                let one = (0x20..0x7f).contains(&b);
                assert_eq!(
                    printable_ascii(u64::from_le_bytes(word)),
                    one,
                    "{b:#x} at {place}"
                );
            }
        }
        // Found wherever it stands, in a long text and at its end.
        let long = "x".repeat(37);
        for at in 0..=long.len() {
            let mut text = long.clone();
            text.insert(at, '\u{7f}');
            assert!(first_forbidden(&text, false).is_some(), "{at}");
            let mut text = long.clone();
            text.insert(at, '\u{202e}');
            assert!(first_forbidden(&text, false).is_some(), "{at}");
            let mut text = long.clone();
            text.insert(at, 'é');
            assert_eq!(first_forbidden(&text, false), None, "{at}");
        }
    }
}
