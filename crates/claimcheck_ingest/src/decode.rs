//! Byte-level decoding: byte-order marks, binary detection and legacy encodings.
//!
//! The decoding itself is `encoding_rs`'s; this module only decides which decoder applies.

use claimcheck_core::Encoding;

/// Decoded text.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, without any byte-order mark.
    pub text: String,
    /// The encoding it was decoded from.
    pub encoding: Encoding,
    /// True when some input bytes were malformed and replaced.
    pub had_errors: bool,
}

/// Signatures of common binary formats that users save by mistake.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xD0\xCF\x11\xE0", "a legacy Office document"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7FELF", "an executable"),
];

/// Decodes a file's bytes, or says what non-text thing they look like.
pub fn decode(bytes: &[u8]) -> Result<Decoded, &'static str> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (ours, text, had_errors) = if encoding == encoding_rs::UTF_8 {
            let (t, e) = encoding_rs::UTF_8.decode_without_bom_handling(body);
            (Encoding::Utf8Bom, t, e)
        } else if encoding == encoding_rs::UTF_16LE {
            let (t, e) = encoding_rs::UTF_16LE.decode_without_bom_handling(body);
            (Encoding::Utf16Le, t, e)
        } else {
            let (t, e) = encoding_rs::UTF_16BE.decode_without_bom_handling(body);
            (Encoding::Utf16Be, t, e)
        };
        if text.contains('\0') {
            return Err("binary data (NUL characters)");
        }
        if mostly_controls(&text) {
            return Err("binary data (control characters)");
        }
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: ours,
            had_errors,
        });
    }
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(what);
        }
    }
    if bytes.contains(&0) {
        return Err("binary data (NUL bytes)");
    }
    match std::str::from_utf8(bytes) {
        Ok(text) if mostly_controls(text) => Err("binary data (control characters)"),
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            encoding: Encoding::Utf8,
            had_errors: false,
        }),
        Err(_) => {
            // Not UTF-8: the common case is a page saved from a Windows browser or editor.
            // Windows-1252 maps every byte, so this cannot fail; control bytes would mean binary.
            let (text, _, had_errors) = encoding_rs::WINDOWS_1252.decode(bytes);
            if mostly_controls(&text) {
                return Err("binary data (control characters)");
            }
            Ok(Decoded {
                text: text.into_owned(),
                encoding: Encoding::Windows1252,
                had_errors,
            })
        }
    }
}

/// How many bytes satisfy `pred`: counted in blocks of 255 bytes with byte-wide counters, which
/// the compiler turns into vector code.
fn count_bytes(bytes: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            let n = block.iter().fold(0u8, |n, &b| n + u8::from(pred(b)));
            usize::from(n)
        })
        .sum()
}

/// True when more than one character in twenty is a control character other than line breaks,
/// tabs and form feeds: binary data that happens to have no NUL byte, whatever it decodes as.
fn mostly_controls(text: &str) -> bool {
    controls(text) * 20 > text.chars().count().max(1)
}

/// The control characters of a text other than line breaks, tabs and form feeds.
///
/// Counted on the UTF-8 bytes: the control characters (Unicode's `Cc`) are the ASCII ones and
/// U+0080 to U+009F, which UTF-8 writes as `C2 80` to `C2 9F`.
fn controls(text: &str) -> usize {
    let bytes = text.as_bytes();
    let ascii = count_bytes(bytes, |b| {
        (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | b'\x0C')) || b == 0x7F
    });
    let c1 = memchr::memchr_iter(0xC2, bytes)
        .filter(|&i| matches!(bytes.get(i + 1), Some(0x80..=0x9F)))
        .count();
    ascii + c1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_plain_and_bom() {
        let d = decode("héllo".as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("héllo", Encoding::Utf8));
        let d = decode(b"\xEF\xBB\xBFhi").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("hi", Encoding::Utf8Bom));
    }

    #[test]
    fn utf16_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hi “x”".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Hi “x”".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&le).unwrap().text, "Hi “x”");
        assert_eq!(decode(&le).unwrap().encoding, Encoding::Utf16Le);
        assert_eq!(decode(&be).unwrap().text, "Hi “x”");
    }

    #[test]
    fn windows_1252_fallback() {
        let d = decode(b"caf\xE9 \x93quoted\x94").unwrap();
        assert_eq!(d.text, "café “quoted”");
        assert_eq!(d.encoding, Encoding::Windows1252);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            failure_persistence: None,
            ..proptest::prelude::ProptestConfig::default()
        })]

        #[test]
        fn controls_are_counted_as_characters(
            chars in proptest::collection::vec(
                proptest::sample::select(&[
                    'a', '\n', '\r', '\t', '\x0C', '\x01', '\x1F', '\x7F', '\u{80}', '\u{9F}',
                    '\u{A0}', '\u{C2}', 'é', '\u{109F}', '“',
                ][..]),
                0..60,
            )
        ) {
            let text: String = chars.into_iter().collect();
            let by_chars = text
                .chars()
                .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0C'))
                .count();
            proptest::prop_assert_eq!(controls(&text), by_chars);
        }
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(b"%PDF-1.7 ...").unwrap_err(), "a PDF document");
        assert!(decode(b"abc\0def").is_err());
        // Valid UTF-8 (and UTF-16) made of control characters is binary too.
        let controls: Vec<u8> = (1u8..=8).cycle().take(400).collect();
        assert_eq!(
            decode(&controls).unwrap_err(),
            "binary data (control characters)"
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(controls.iter().flat_map(|&b| [b, 0]))
            .collect();
        assert!(decode(&utf16).is_err());
        // A few escapes in real text are not.
        assert!(decode(b"Hello \x1B[1mworld\x1B[0m, said the log line of a terminal.").is_ok());
    }
}
