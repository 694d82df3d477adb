//! A file cut into its cards at byte level: each card's properties between `BEGIN:VCARD` and
//! `END:VCARD`, what lies outside any card (said as skipped), and a last card the file ends
//! inside, as a download cut off leaves it.

use crate::exchange::import::Skipped;

use super::lines::{logical_lines, Folded};
use super::property::Property;
use super::shorten;

/// How a card ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CardEnd {
    /// With its `END:VCARD`.
    Ended,
    /// Where the next `BEGIN:VCARD` is, its own end missing: read as it is.
    NextBegan,
    /// The file ends inside it: it is incomplete.
    FileEnded,
}

/// One card's properties, as bytes.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RawCard<'a> {
    /// 1 for the first card of the file.
    pub(super) number: usize,
    /// Between `BEGIN:VCARD` and `END:VCARD`, blank lines left out.
    pub(super) properties: Vec<Folded<'a>>,
    pub(super) end: CardEnd,
}

impl RawCard<'_> {
    pub(super) fn source(&self) -> String {
        format!("card {}", self.number)
    }
}

/// What a file holds, in order.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Piece<'a> {
    Card(RawCard<'a>),
    Skipped(Skipped),
}

enum State<'a> {
    Outside,
    InCard(RawCard<'a>),
    /// Inside a card embedded in `AGENT:` (2.1), this many levels deep: it is left out.
    InAgent(RawCard<'a>, usize),
    InCalendar,
}

/// The cards of `bytes` and what lies between them, one at a time (a file can be large).
pub(super) fn split(bytes: &[u8]) -> Pieces<'_, impl Iterator<Item = Folded<'_>>> {
    Pieces {
        lines: logical_lines(bytes),
        cards: 0,
        state: State::Outside,
    }
}

pub(super) struct Pieces<'a, L> {
    lines: L,
    cards: usize,
    state: State<'a>,
}

impl<'a, L: Iterator<Item = Folded<'a>>> Iterator for Pieces<'a, L> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        loop {
            let Some(line) = self.lines.next() else {
                return match std::mem::replace(&mut self.state, State::Outside) {
                    State::InCard(card) | State::InAgent(card, _) => Some(Piece::Card(card)),
                    _ => None,
                };
            };
            let (state, piece) = self.read(line);
            self.state = state;
            if piece.is_some() {
                return piece;
            }
        }
    }
}

impl<'a, L> Pieces<'a, L> {
    /// The state after `line`, and the piece it completes if any.
    fn read(&mut self, line: Folded<'a>) -> (State<'a>, Option<Piece<'a>>) {
        match std::mem::replace(&mut self.state, State::Outside) {
            State::InAgent(card, depth) if line.is("END:VCARD") => match depth {
                1 => (State::InCard(card), None),
                _ => (State::InAgent(card, depth - 1), None),
            },
            State::InAgent(card, depth) if line.is("BEGIN:VCARD") => {
                (State::InAgent(card, depth + 1), None)
            }
            State::InAgent(card, depth) => (State::InAgent(card, depth), None),
            State::InCard(card) if line.is("BEGIN:VCARD") && ends_with_agent(&card) => {
                (State::InAgent(card, 1), None)
            }
            State::InCard(mut card) => {
                if line.is("END:VCARD") {
                    card.end = CardEnd::Ended;
                    (State::Outside, Some(Piece::Card(card)))
                } else if line.is("BEGIN:VCARD") {
                    card.end = CardEnd::NextBegan;
                    self.cards += 1;
                    (State::InCard(new_card(self.cards)), Some(Piece::Card(card)))
                } else {
                    if !line.is_blank() {
                        card.properties.push(line);
                    }
                    (State::InCard(card), None)
                }
            }
            State::InCalendar if line.is("END:VCALENDAR") => (State::Outside, None),
            State::InCalendar => (State::InCalendar, None),
            State::Outside if line.is("BEGIN:VCARD") => {
                self.cards += 1;
                (State::InCard(new_card(self.cards)), None)
            }
            State::Outside if line.is("BEGIN:VCALENDAR") => {
                let skipped = Skipped {
                    source: format!("after card {}", self.cards),
                    reason: "a calendar entry, not a contact".into(),
                };
                (State::InCalendar, Some(Piece::Skipped(skipped)))
            }
            State::Outside if line.is_blank() => (State::Outside, None),
            State::Outside => {
                let text = String::from_utf8_lossy(&line.unfolded()).trim().to_string();
                let skipped = Skipped {
                    source: format!("after card {}", self.cards),
                    reason: format!("a line outside any card: “{}”", shorten(&text)),
                };
                (State::Outside, Some(Piece::Skipped(skipped)))
            }
        }
    }
}

/// Whether the card's last property is an `AGENT` with no value: 2.1 writes the agent's own card
/// on the lines that follow.
fn ends_with_agent(card: &RawCard) -> bool {
    card.properties.last().is_some_and(|last| {
        let unfolded = last.unfolded();
        let property = Property::split(&unfolded);
        property.is_some_and(|p| p.value.trim_ascii().is_empty() && p.name() == b"AGENT")
    })
}

fn new_card<'a>(number: usize) -> RawCard<'a> {
    RawCard {
        number,
        properties: Vec::with_capacity(16),
        end: CardEnd::FileEnded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends(bytes: &[u8]) -> Vec<(usize, usize, CardEnd)> {
        split(bytes)
            .filter_map(|piece| match piece {
                Piece::Card(card) => Some((card.number, card.properties.len(), card.end)),
                Piece::Skipped(_) => None,
            })
            .collect()
    }

    #[test]
    fn cards_end_with_their_end_the_next_card_or_the_end_of_the_file() {
        let file =
            b"BEGIN:VCARD\nFN:A\n\nEND:VCARD\nbegin:vcard\nFN:B\nBEGIN:VCARD\nFN:C\nEMAIL:c@";
        assert_eq!(
            ends(file),
            [
                (1, 1, CardEnd::Ended),
                (2, 1, CardEnd::NextBegan),
                (3, 2, CardEnd::FileEnded)
            ]
        );
    }

    #[test]
    fn a_card_embedded_in_agent_is_left_out_of_the_card_that_names_it() {
        let file = b"BEGIN:VCARD\r\nFN:Boss\r\nAGENT:\r\nBEGIN:VCARD\r\nFN:Assistant\r\nEND:VCARD\r\nTEL:1\r\nEND:VCARD\r\n";
        assert_eq!(ends(file), [(1, 3, CardEnd::Ended)]);
    }

    #[test]
    fn lines_and_calendars_outside_cards_are_said_once_each() {
        let file = b"junk\nBEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VEVENT\nEND:VCALENDAR\n\nBEGIN:VCARD\nEND:VCARD\n";
        let skipped: Vec<String> = split(file)
            .filter_map(|piece| match piece {
                Piece::Skipped(s) => Some(format!("{}: {}", s.source, s.reason)),
                Piece::Card(_) => None,
            })
            .collect();
        assert_eq!(
            skipped,
            [
                "after card 0: a line outside any card: “junk”",
                "after card 0: a calendar entry, not a contact"
            ]
        );
    }
}
