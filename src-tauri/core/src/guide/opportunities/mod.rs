//! The hidden job market: most jobs are never advertised and are found through contacts, so an
//! opportunity here is a lead heard of through the network (who told you, in which meeting, from
//! which referral) followed from first hearing of it to an offer. Target organizations are the
//! places the user wants to get into; each shows who they already know there.

mod editing;
mod model;
mod targets;

pub use editing::OpportunityInput;
pub use model::{Opportunity, OpportunityStatus, StatusChange};
pub use targets::{Contact, OrganizationSummary, Target};
