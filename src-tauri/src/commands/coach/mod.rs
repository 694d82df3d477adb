//! Commands over the coach: Today.

pub mod today;
