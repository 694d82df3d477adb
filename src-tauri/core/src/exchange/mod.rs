//! The network in and out: importing LinkedIn exports and vCards without duplicating anyone,
//! exporting vCard, CSV and JSON, and interviews and follow-ups as an iCalendar file.

pub mod calendar;
pub mod export;
pub mod import;
