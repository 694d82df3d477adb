//! Sync with the user's own CardDAV/CalDAV server: the accounts, each person's card on the
//! server and the field-by-field merge of cards changed elsewhere, and the events follow-ups and
//! meetings become. The protocol itself (HTTP, WebDAV, the keyring) is the `rapport-sync`
//! crate's; everything here is the store's side, tested without a network.

pub mod accounts;
pub mod cards;
pub mod changes;
pub mod contacts;
pub mod events;
mod foreign;
pub mod merge;
mod persons;

pub use accounts::{Account, CardVersion, Collection, NewAccount, SyncFailure};
pub use cards::OutgoingCard;
pub use changes::SyncChange;
pub use contacts::{KnownCard, Matcher, Received, ToSend};
pub use events::{OutgoingEvent, SentEvent, EVENTS_AHEAD};
pub use merge::{FieldChange, Fields};
