//! UTS #39 confusable skeletons of single characters, from tables `build/` writes
//! from the unicode-security crate. Its own table is made of pointers that the
//! dynamic loader relocated at every start; these are numbers and one string.

mod table {
    include!(concat!(env!("OUT_DIR"), "/confusables.rs"));
}

/// The skeleton of `c` when it is not `c` itself: what unicode-security's
/// `skeleton` gives for the one-character text, and `None` for ASCII.
pub(crate) fn skeleton(c: char) -> Option<&'static str> {
    let i = table::FROM.binary_search(&(c as u32)).ok()?;
    let (start, end) = (table::AT[i] as usize, table::AT[i + 1] as usize);
    table::TO.get(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_has_the_skeleton_unicode_security_gives() {
        let mut buf = [0u8; 4];
        let mut differ = 0;
        for c in (0x80..=0x10_FFFF).filter_map(char::from_u32) {
            let text: &str = c.encode_utf8(&mut buf);
            let expected: String = unicode_security::skeleton(text).collect();
            let ours = skeleton(c).unwrap_or(text);
            assert_eq!(ours, expected, "U+{:04X}", c as u32);
            differ += usize::from(ours != text);
        }
        // The table is not empty by accident: Cyrillic `С` folds to Latin `C`.
        assert_eq!(skeleton('\u{421}'), Some("C"));
        assert!(
            differ > 6_000,
            "{differ} characters with a skeleton of their own"
        );
    }

    #[test]
    fn ascii_is_left_as_typed() {
        assert!((0..0x80u8).all(|b| skeleton(char::from(b)).is_none()));
    }
}
