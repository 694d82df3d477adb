//! The contact graph: who you know at an organization, the mutual contacts of two people, and
//! warm-introduction paths from you to a person or an organization.
//!
//! ## The graph
//! - **Nodes** are people who are neither deleted nor archived; you are the root.
//! - **Ties between two other people** (undirected): a `link` row of any kind, either way, or
//!   having shared an interaction (both were participants of one logged interaction). Of several
//!   ties between the same two people the strongest counts.
//! - **Your ties**: everyone in the store is one of your contacts, so there is a tie from you to
//!   every node. How warm it is depends on the relationship: the strongest link between you and
//!   them (otherwise "contact"), how recently you last had an interaction with them, and whether
//!   that is still within their keep-in-touch cadence (their own, or their circle's).
//!
//! ## Ranking a path
//! `score = warmth(you → first person) × weight(tie) × … × HOP_FACTOR^(hops − 1)`.
//! Tie weights run from 0.6 (shared interaction) to 1.0 (mentor), and each extra hop halves the
//! score, so of two paths whose first person is as warm, the shorter always ranks first; a
//! shorter path loses only when its first person is much colder (someone you have never spoken
//! to ranks below a recent contact who can introduce you).
//!
//! ## Searching
//! Paths are searched backwards from the target over at most `max_hops − 1` ties (your tie to
//! the first person closes every path). Each level is one batch of indexed SQL lookups for the
//! whole frontier, and a level is only expanded where it could still beat the paths already
//! found, so a search reads the target's neighbourhood, never the whole graph.

mod explain;
mod loaded;
mod path;
mod path_search;
mod ranking;
mod who_you_know;

pub use path::{PathStep, PathTarget, Tie, WarmPath};
pub use path_search::{MAX_HOPS, MAX_PATHS};
pub use ranking::{link_weight, HOP_FACTOR};
pub use who_you_know::{IntroductionAt, KnownAt, OrganizationRef, WhoAtOrganization};
