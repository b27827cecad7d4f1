from ..content import Story

BACKGROUND = (
    "Sri Lanka's foreign ministry said it was following developments closely and was in "
    "contact with its missions in the region.",
    "Diplomats said the outcome would be watched carefully by smaller Indian Ocean states, "
    "which depend heavily on open sea lanes and stable trade.",
    "Analysts cautioned that early reports are often incomplete, and that the full picture "
    "may take several days to emerge.",
    "Sri Lankans living in the region were advised to register with the nearest embassy or "
    "consulate and to follow local guidance.",
    "The United Nations said it was ready to support national authorities if asked, and "
    "called on all parties to protect civilians.",
)

STORIES = [
    Story(
        "Indian Ocean states agree joint plan on maritime search and rescue",
        "Ministers meeting in Colombo signed an agreement to share coastguard information and "
        "coordinate rescues at sea.",
        (
            "Ministers from seven Indian Ocean countries agreed on Thursday to share coastguard "
            "information and coordinate search and rescue operations in their waters.",
            "The agreement sets up a joint communications centre and annual exercises, and "
            "officials said it would help fishing crews who stray across maritime boundaries.",
        ),
        "Coastguard vessels in Colombo harbour.",
        quote="The sea does not recognise the lines on our maps. When a boat is in trouble, "
        "the nearest ship should answer. — a delegate at the meeting",
        state="featured",
    ),
    Story(
        "Cyclone makes landfall in Bangladesh as thousands move to shelters",
        "Authorities say early evacuation spared many coastal villages from the worst of the "
        "storm.",
        (
            "A powerful cyclone made landfall on the coast of Bangladesh overnight, bringing "
            "strong winds and a storm surge to low-lying districts.",
            "Hundreds of thousands of people had been moved to cyclone shelters in advance, and "
            "officials said the number of casualties appeared to be far lower than in storms of "
            "similar strength in the past.",
        ),
        "Storm clouds over the Bay of Bengal.",
    ),
    Story(
        "Gulf states ease rules for domestic workers changing employers",
        "Recruitment agencies in Sri Lanka say the change could improve conditions for tens of "
        "thousands of workers.",
        (
            "Two Gulf states have relaxed the rules that tied domestic workers to a single "
            "employer, allowing them to change jobs after a year without their employer's "
            "permission.",
            "Sri Lanka's foreign employment bureau welcomed the change and said it would brief "
            "workers leaving the country about their new rights.",
        ),
        "Passengers at the departure terminal in Katunayake.",
    ),
    Story(
        "Maldives opens new airport terminal to handle growing tourist numbers",
        "The terminal doubles the capacity of the country's main international airport.",
        (
            "The Maldives opened a new passenger terminal at its main international airport on "
            "Monday, doubling the number of travellers it can handle each year.",
            "Airlines flying from Colombo said they planned to add flights, and travel agents "
            "said combined Sri Lanka and Maldives holidays were increasingly popular.",
        ),
        "An aircraft on approach over the Indian Ocean.",
    ),
    Story(
        "Monsoon floods displace thousands in southern India",
        "Rescue teams are using boats to reach villages cut off by rising rivers.",
        (
            "Heavy monsoon rain has flooded large areas of southern India, forcing thousands of "
            "people from their homes and cutting road and rail links.",
            "Rescue teams used boats to reach villages where water had risen above the ground "
            "floor of houses, and schools were turned into temporary shelters.",
        ),
        "Flooded fields after monsoon rain.",
    ),
    Story(
        "Asian finance ministers back regional fund for climate disasters",
        "The fund would release money within days of a major storm, flood or drought.",
        (
            "Finance ministers from across Asia endorsed plans for a regional fund that would "
            "pay out quickly after climate-related disasters.",
            "Supporters said fast payments could save lives and livelihoods, while some "
            "ministers asked for more detail on how contributions would be shared.",
        ),
        "Delegates at a regional finance meeting.",
    ),
    Story(
        "Japan extends grant for Sri Lankan hospital equipment",
        "The grant will pay for diagnostic equipment at four provincial hospitals.",
        (
            "Japan has agreed to extend a grant to supply diagnostic equipment to four "
            "provincial hospitals in Sri Lanka, the two governments said in a joint statement.",
            "The equipment, including scanners and laboratory analysers, is expected to arrive "
            "within a year, and Sri Lankan technicians will be trained to maintain it.",
        ),
        "A hospital corridor in a provincial hospital.",
    ),
    Story(
        "Shipping lines reroute vessels as Red Sea tensions persist",
        "Longer voyages around Africa are raising freight costs for Asian exporters.",
        (
            "Several large shipping lines said they would continue to send vessels around the "
            "Cape of Good Hope rather than through the Red Sea, adding days to voyages between "
            "Asia and Europe.",
            "Colombo port has seen more transhipment calls as a result, but exporters say "
            "higher freight rates are squeezing their margins.",
        ),
        "Container cranes at the port of Colombo.",
        points=(
            "Voyages between Asia and northern Europe take up to two weeks longer",
            "Freight rates on the route have risen sharply",
            "Colombo handled more transhipment containers than a year ago",
        ),
    ),
    Story(
        "Australia increases scholarships for South Asian students",
        "Sri Lanka will receive forty places a year for postgraduate study.",
        (
            "Australia has announced more postgraduate scholarships for students from South Asia, "
            "including forty places a year for Sri Lankans.",
            "The scholarships cover fees and living costs, and priority will be given to "
            "applicants in public health, engineering and agriculture.",
        ),
        "Students at a university fair in Colombo.",
    ),
    Story(
        "Thailand and Sri Lanka sign agreement on Buddhist heritage tourism",
        "The agreement promotes pilgrim routes linking temples in both countries.",
        (
            "Thailand and Sri Lanka have signed an agreement to promote pilgrim and heritage "
            "tourism, including joint tour packages linking temples in both countries.",
            "Officials said direct flights between Colombo and Bangkok would be increased, and "
            "that monks' exchanges between the two countries would be expanded.",
        ),
        "Pilgrims at the Ruwanwelisaya in Anuradhapura.",
    ),
    Story(
        "Global food prices fall for a second month, UN agency says",
        "Cheaper vegetable oils and cereals drove the decline.",
        (
            "World food prices fell for the second month in a row, according to the index "
            "published by the United Nations food agency.",
            "Vegetable oil and cereal prices declined, while sugar and dairy were broadly "
            "unchanged, and the agency said good harvests in several regions had helped.",
        ),
        "Sacks of rice at a wholesale market.",
    ),
]
