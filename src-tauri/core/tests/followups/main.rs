//! Follow-ups: due, delivered once, snoozed, closed; keep-in-touch; timelines.

#[path = "../common/mod.rs"]
mod common;

mod followups;
