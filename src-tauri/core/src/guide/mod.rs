//! The guide's way of networking, made into objects: informational interviews from idea to
//! thank-you (the seven preparation steps, a timed agenda, AIR) and the follow-ups a meeting
//! makes, the question bank, the drafted messages, elevator pitches (built from the guide's prompts) and their spoken length, and
//! the opportunities of the hidden job market.

pub mod drafts;
pub mod meetings;
pub mod opportunities;
pub mod pitch_builder;
pub mod pitches;
pub mod questions;
pub mod rules;
pub mod speech;
