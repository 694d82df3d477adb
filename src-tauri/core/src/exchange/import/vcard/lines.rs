//! A vCard file as lines, at byte level (before any charset is known): the physical lines,
//! whatever ends them, and the properties they fold into.
//!
//! A line ends with LF, CR LF, a CR alone (classic Mac OS), or CR CR LF (iOS 6), and a file may
//! mix them. A line starting with a space or a tab continues the one before (vCard 3.0 and 4.0
//! folding, also written in 2.1); in a quoted-printable value, a line ending with `=` (a soft
//! break) is continued by the next line as it is.

use std::borrow::Cow;

use super::property::{is_end_of_card, is_quoted_printable};

/// The physical lines of `bytes`, without what ends them.
pub(super) fn physical_lines(bytes: &[u8]) -> PhysicalLines<'_> {
    PhysicalLines { rest: bytes }
}

pub(super) struct PhysicalLines<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for PhysicalLines<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        if self.rest.is_empty() {
            return None;
        }
        let Some(end) = self.rest.iter().position(|&b| b == b'\r' || b == b'\n') else {
            let line = self.rest;
            self.rest = &[];
            return Some(line);
        };
        let line = &self.rest[..end];
        let after = &self.rest[end..];
        let ending = if after.starts_with(b"\r\r\n") {
            3
        } else if after.starts_with(b"\r\n") {
            2
        } else {
            1
        };
        self.rest = &after[ending..];
        Some(line)
    }
}

/// One property (or any other logical line) as its physical lines.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Folded<'a> {
    pub(super) lines: Vec<&'a [u8]>,
    quoted_printable: bool,
}

impl<'a> Folded<'a> {
    fn new(line: &'a [u8]) -> Self {
        Folded {
            lines: vec![line],
            quoted_printable: is_quoted_printable(line),
        }
    }

    /// Whether `next` continues this property rather than starting another.
    fn is_continued_by(&self, next: &[u8]) -> bool {
        self.soft_break_after(self.lines.len() - 1) && !is_end_of_card(next)
            || next.starts_with(b" ")
            || next.starts_with(b"\t")
    }

    /// Whether the physical line `index` ends with a quoted-printable soft break.
    fn soft_break_after(&self, index: usize) -> bool {
        self.quoted_printable && self.lines[index].ends_with(b"=")
    }

    /// The property as one line: a folded line loses the space or tab that folded it, and a soft
    /// break loses its `=`.
    pub(super) fn unfolded(&self) -> Cow<'a, [u8]> {
        if let [line] = self.lines.as_slice() {
            return Cow::Borrowed(line);
        }
        let mut out = Vec::with_capacity(self.lines.iter().map(|l| l.len()).sum());
        for (index, line) in self.lines.iter().enumerate() {
            if index == 0 {
                out.extend_from_slice(line);
            } else if self.soft_break_after(index - 1) && !is_end_of_card(line) {
                out.pop();
                out.extend_from_slice(line);
            } else {
                out.extend_from_slice(&line[1..]);
            }
        }
        Cow::Owned(out)
    }

    /// Whether this is `line` (`BEGIN:VCARD`), in any case and with any spaces around.
    pub(super) fn is(&self, line: &str) -> bool {
        let short = self.lines.iter().map(|l| l.len()).sum::<usize>() <= 2 * line.len();
        short
            && self
                .unfolded()
                .trim_ascii()
                .eq_ignore_ascii_case(line.as_bytes())
    }

    pub(super) fn is_blank(&self) -> bool {
        self.lines.iter().all(|l| l.trim_ascii().is_empty())
    }
}

/// The logical lines of `bytes`: each property with the lines folded into it.
pub(super) fn logical_lines(bytes: &[u8]) -> impl Iterator<Item = Folded<'_>> {
    let mut lines = physical_lines(bytes).peekable();
    std::iter::from_fn(move || {
        let mut folded = Folded::new(lines.next()?);
        while let Some(next) = lines.next_if(|next| folded.is_continued_by(next)) {
            folded.lines.push(next);
        }
        Some(folded)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(bytes: &[u8]) -> Vec<&[u8]> {
        physical_lines(bytes).collect()
    }

    #[test]
    fn lines_end_with_lf_crlf_cr_alone_or_cr_cr_lf_in_any_mixture() {
        let expected: Vec<&[u8]> = vec![b"A", b"B", b"", b"C"];
        assert_eq!(lines(b"A\nB\n\nC"), expected);
        assert_eq!(lines(b"A\r\nB\r\n\r\nC\r\n"), expected);
        assert_eq!(lines(b"A\rB\r\rC\r"), expected);
        assert_eq!(lines(b"A\r\r\nB\r\r\n\r\r\nC\r\r\n"), expected);
        assert_eq!(lines(b"A\rB\r\n\nC\r\r\n"), expected);
    }

    fn unfolded(bytes: &[u8]) -> Vec<Vec<u8>> {
        logical_lines(bytes)
            .map(|f| f.unfolded().into_owned())
            .collect()
    }

    #[test]
    fn folded_lines_unfold_whatever_ends_them() {
        for ending in ["\n", "\r\n", "\r", "\r\r\n"] {
            let text = ["NOTE:one", " two", "\tthree", "FN:Ada", ""].join(ending);
            assert_eq!(
                unfolded(text.as_bytes()),
                [b"NOTE:onetwothree".to_vec(), b"FN:Ada".to_vec()],
                "{ending:?}"
            );
        }
    }

    #[test]
    fn a_soft_break_continues_a_quoted_printable_value_but_not_past_the_end_of_the_card() {
        let text = b"NOTE;ENCODING=QUOTED-PRINTABLE:ab=\r\ncd=\r\nEND:VCARD\r\nTEL:ab=\r\nFN:x\r\n";
        assert_eq!(
            unfolded(text),
            [
                b"NOTE;ENCODING=QUOTED-PRINTABLE:abcd=".to_vec(),
                b"END:VCARD".to_vec(),
                b"TEL:ab=".to_vec(),
                b"FN:x".to_vec()
            ]
        );
    }
}
