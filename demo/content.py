"""The demo's sections, people and fixed pages. Every word is invented for the demo."""

from typing import NamedTuple


class Story(NamedTuple):
    """One demo article before it becomes a row: its own paragraphs, and how it is shown."""

    headline: str
    standfirst: str
    paragraphs: tuple[str, ...]
    caption: str
    quote: str = ""
    points: tuple[str, ...] = ()
    # "featured", "breaking", "draft", "review" or "scheduled"; empty for an ordinary live story.
    state: str = ""


# (slug, name, description); the menu follows this order.
CATEGORIES = [
    (
        "local",
        "Local",
        "News from across Sri Lanka: Parliament, provinces, courts and communities.",
    ),
    ("business", "Business", "Markets, trade, tea and tourism, and the household economy."),
    ("world", "World", "International news and what it means for Sri Lanka."),
    ("sport", "Sport", "Cricket, rugby, athletics and every sport Sri Lankans follow."),
    ("entertainment", "Entertainment", "Film, music, television and the arts."),
    ("technology", "Technology", "Telecoms, start-ups, science and the digital economy."),
]

# (slug, name, job title, bio, social handle); the last two write without a login.
AUTHORS = [
    (
        "asma-hussain",
        "Asma Hussain",
        "Senior Political Correspondent",
        "Asma has covered Parliament and the provinces for twelve years. She grew up in Kandy "
        "and reports in English and Tamil.",
        "@asma_news",
    ),
    (
        "dinesh-wickramasinghe",
        "Dinesh Wickramasinghe",
        "Business Editor",
        "Dinesh writes about markets, trade and the cost of living. He was a banker before he "
        "was a journalist and still reads annual reports for pleasure.",
        "@dinesh_biz",
    ),
    (
        "tharushi-perera",
        "Tharushi Perera",
        "Foreign Affairs and Technology Reporter",
        "Tharushi reports on Sri Lanka's place in the world and on the technology reshaping "
        "it. She studied international relations in Colombo and Singapore.",
        "@tharushi_p",
    ),
    (
        "nuwan-jayasuriya",
        "Nuwan Jayasuriya",
        "Sports Reporter",
        "Nuwan has followed Sri Lankan cricket from school matches to World Cups, and finds time "
        "for rugby, athletics and volleyball in between.",
        "@nuwan_sport",
    ),
    (
        "ishara-fernando",
        "Ishara Fernando",
        "Arts and Entertainment Writer",
        "Ishara reviews film, theatre and music, and interviews the people who make them. She is "
        "based in Colombo and travels to every festival she can.",
        "@ishara_arts",
    ),
    (
        "ruwan-bandara",
        "Ruwan Bandara",
        "Chief Photographer",
        "Ruwan has photographed elections, floods, festivals and finals across the island for "
        "fifteen years.",
        "@ruwan_lens",
    ),
    (
        "newsroom-agency-desk",
        "Newsroom Agency Desk",
        "Wire services",
        "Reports compiled by our editors from international and regional news agencies.",
        "",
    ),
    (
        "shehan-karunaratne",
        "Shehan Karunaratne",
        "Contributing Writer",
        "Shehan is a software engineer and occasional columnist who writes about start-ups and "
        "digital public services.",
        "",
    ),
]
STAFF_WITHOUT_LOGIN = {"newsroom-agency-desk", "shehan-karunaratne"}

# Who writes each section: the first name is the usual byline, the second helps with reporting.
BEATS = {
    "local": ("asma-hussain", "ruwan-bandara"),
    "business": ("dinesh-wickramasinghe", "asma-hussain"),
    "world": ("tharushi-perera", "newsroom-agency-desk"),
    "sport": ("nuwan-jayasuriya", "ruwan-bandara"),
    "entertainment": ("ishara-fernando", "ruwan-bandara"),
    "technology": ("tharushi-perera", "shehan-karunaratne"),
}
PHOTOGRAPHER = "ruwan-bandara"

# (slug, title, body); bodies are plain paragraphs separated by blank lines.
PAGES = [
    (
        "about",
        "About us",
        "Newsroom is an independent news service for Sri Lanka, publishing around the clock "
        "in English, with Sinhala and Tamil editions on the way.\n\n"
        "Our reporters and photographers work from Colombo, Kandy, Galle and Jaffna, and we "
        "carry selected reports from international news agencies, always marked as such.\n\n"
        "We correct our mistakes openly: every correction is shown at the foot of the article "
        "it concerns, with the date it was made.",
    ),
    (
        "contact",
        "Contact us",
        "News desk: if you have a story, a correction or a photograph to share, write to "
        "news@example.com or call +94 11 200 0000.\n\n"
        "Advertising: use the form on our Advertise page and a member of the sales team will "
        "reply within two working days.\n\n"
        "Our office is open from 9 am to 6 pm, Monday to Friday, at 100 Galle Road, Colombo 3.",
    ),
    (
        "privacy",
        "Privacy policy",
        "We collect as little about you as we can. Reading our site requires no account, and "
        "we set no advertising cookies.\n\n"
        "If you send us an advertising enquiry, we keep your name, organisation and contact "
        "details only to answer it and to follow up, and we delete them after two years.\n\n"
        "You may ask to see or delete what we hold about you by writing to privacy@example.com.",
    ),
    (
        "terms",
        "Terms of use",
        "The articles, photographs and graphics on this site belong to Newsroom or to the "
        "agencies credited with them.\n\n"
        "You may share links and short quotations with attribution. Republishing whole articles "
        "requires written permission.\n\n"
        "We take care to be accurate, but the site is provided as it is, and we are not liable "
        "for decisions made on the strength of it.",
    ),
]
