//! In and out: LinkedIn and vCard imports (hostile files too), the vCard round trip, the
//! calendar. (Exports read by independent parsers are checked through the CLI, tests/cli/export.rs.)

#[path = "../common/mod.rs"]
mod common;

mod calendar;
mod faces_and_places;
mod import_charsets;
mod import_cut_off;
mod import_hostile;
mod import_line_endings;
mod import_linkedin;
mod import_vcard;
