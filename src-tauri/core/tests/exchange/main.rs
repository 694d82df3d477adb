//! In and out: LinkedIn and vCard imports (hostile files too), exports, the calendar.

#[path = "../common/mod.rs"]
mod common;

mod calendar;
mod import_hostile;
mod import_linkedin;
mod import_vcard;
