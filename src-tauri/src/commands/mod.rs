//! The typed commands the UI calls, one module per domain, grouped in the core's rooms. Each
//! converts its arguments, calls the core, tells the reminder loop about writes, and maps the
//! error.

pub mod coach;
pub mod exchange;
pub mod followups;
pub mod guide;
pub mod network;
pub mod store;
pub mod window;
