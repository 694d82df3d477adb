//! Workplaces, titles and what people talk about, for the generator.

pub const ORGANIZATION_WORDS: &[&str] = &[
    "Analytical",
    "Northwind",
    "Contoso",
    "Fabrikam",
    "Tailspin",
    "Wingtip",
    "Litware",
    "Adatum",
    "Proseware",
    "Fourth",
    "Coffee",
    "Humongous",
    "Lucerne",
    "Margie's",
    "Trey",
    "Blue Yonder",
    "Alpine",
    "Graphic",
    "Woodgrove",
    "Southridge",
    "Bellows",
    "Tidewater",
    "Riverbend",
    "Summit",
    "Harbor",
    "Beacon",
    "Cedar",
    "Granite",
    "Meridian",
    "Pinnacle",
    "Evergreen",
    "Lakeside",
];

pub const ORGANIZATION_KINDS: &[&str] = &[
    "Engines",
    "Labs",
    "Health",
    "Bank",
    "Studios",
    "Foundation",
    "University",
    "Hospital",
    "Consulting",
    "Energy",
    "Logistics",
    "Media",
    "Robotics",
    "Insurance",
    "Press",
    "Partners",
];

pub const TITLES: &[&str] = &[
    "Software Engineer",
    "Data Analyst",
    "Product Manager",
    "Recruiter",
    "Nurse",
    "Teacher",
    "Research Scientist",
    "Marketing Manager",
    "Financial Analyst",
    "UX Designer",
    "Professor",
    "Accountant",
    "Consultant",
    "Project Manager",
    "Operations Lead",
    "Journalist",
    "Attorney",
    "Civil Engineer",
    "Policy Advisor",
    "Sales Director",
    "Talent Partner",
    "Lab Technician",
];

pub const HOW_MET: &[&str] = &[
    "career fair",
    "alumni mixer",
    "internship",
    "class project",
    "conference",
    "hackathon",
    "volunteering",
    "introduced by a friend",
    "LinkedIn",
    "student club",
    "research lab",
    "church",
];

pub const TOPICS: &[&str] = &[
    "coffee chat about breaking into product management",
    "informational interview on data science careers",
    "advice on graduate school applications",
    "shared an article about renewable energy policy",
    "talked about their move from nursing to health informatics",
    "referral to the hiring manager on the analytics team",
    "catch-up call after the conference",
    "thank-you note for the introduction",
    "discussed internship openings for the summer",
    "feedback on my résumé and portfolio",
    "lunch near campus, talked about consulting",
    "met at the alumni panel on public policy",
];

pub const TAGS: &[&str] = &[
    "mentor",
    "alumni",
    "hiring",
    "design",
    "data",
    "policy",
    "health",
    "finance",
    "reference",
];

pub(crate) fn organization_name(index: usize) -> String {
    let words = ORGANIZATION_WORDS;
    let kinds = ORGANIZATION_KINDS;
    let word = words[index % words.len()];
    let kind = kinds[(index / words.len()) % kinds.len()];
    match index / (words.len() * kinds.len()) {
        0 => format!("{word} {kind}"),
        n => format!("{word} {kind} {}", n + 1),
    }
}
