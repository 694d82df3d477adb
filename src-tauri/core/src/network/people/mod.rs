//! People: the nodes of the contact graph. (Adding and editing a person, `Store::add_person` and
//! `Store::update_person`, live in `followups::keep_in_touch`: a new cadence re-arms their
//! keep-in-touch, a birthday its reminder.)

mod find;
mod lifecycle;
mod model;
mod read;
mod validation;
mod write;

pub use lifecycle::UNDO_WINDOW;
pub use model::{PeopleFilter, Person, PersonInput, PersonRef, PersonSummary};

// The helpers the other rooms and modules call, at the paths they had before the split.
pub(crate) use lifecycle::{ensure_me, purge_deleted};
pub(crate) use read::{
    ensure_exists, load, load_many, summary_from_row, unit_separated, SELECT_SUMMARY,
};
pub(crate) use validation::{is_email, validate};
pub(crate) use write::{create, new_uid, tag_person, write_fields};
