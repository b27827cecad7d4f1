from ..content import Story

BACKGROUND = (
    "Critics have noted a new confidence among Sri Lankan artists in recent years, with more "
    "work made for audiences at home rather than for festivals abroad.",
    "Organisers said ticket prices had been kept low so that students and families could "
    "attend, and that some performances would be streamed online.",
    "Industry figures say streaming platforms have opened new markets for Sri Lankan work, "
    "but that cinemas and theatres still need support to survive.",
    "The programme includes work in Sinhala, Tamil and English, with subtitles for every "
    "screening and surtitles for stage performances.",
)

STORIES = [
    Story(
        "Colombo film festival opens with a story of two fishing families",
        "The festival's opening film, shot in Negombo, drew a standing ovation at its premiere.",
        (
            "The Colombo International Film Festival opened on Friday with the premiere of a "
            "drama about two fishing families in Negombo whose lives are changed by a storm.",
            "The film's director, making her second feature, said she cast local fishermen "
            "alongside professional actors to keep the story true to the town.",
        ),
        "The red carpet at the festival's opening night.",
        state="featured",
    ),
    Story(
        "Baila night at Viharamahadevi Park draws thousands",
        "Bands old and new played for more than five hours at the free open-air concert.",
        (
            "Thousands of people danced late into the night at a free baila concert in "
            "Viharamahadevi Park, organised to mark the end of the festival season.",
            "Veteran bands shared the stage with young groups who mix baila with hip-hop and "
            "electronic music, and the crowd sang along to every chorus.",
        ),
        "Crowds at the open-air concert in Viharamahadevi Park.",
    ),
    Story(
        "Tamil theatre troupe takes Jaffna play on national tour",
        "The play, about three generations of a family, will be performed in eight towns.",
        (
            "A Jaffna theatre troupe has begun a national tour of its acclaimed play about three "
            "generations of a family living in the same house.",
            "Performances in Colombo, Kandy and Galle will have Sinhala and English surtitles, "
            "and the troupe will run drama workshops for schools along the way.",
        ),
        "Actors rehearse on stage in Jaffna.",
        quote="We wanted to tell a story that every family in this country would recognise, "
        "whatever language they speak at home. — the play's director",
    ),
    Story(
        "Kandyan dance academy celebrates fifty years with gala performance",
        "Former students from around the world returned to dance at the anniversary show.",
        (
            "One of Kandy's best-known dance academies marked its fiftieth year with a gala "
            "performance featuring more than two hundred dancers and drummers.",
            "Former students travelled from Australia, Britain and the Middle East to take part, "
            "and the academy announced scholarships for children from rural areas.",
        ),
        "Kandyan dancers in full costume.",
    ),
    Story(
        "Teledrama about a Colombo newsroom becomes surprise ratings hit",
        "The weekly series has become the most-watched programme in its time slot.",
        (
            "A teledrama set in a busy Colombo newsroom has become the most-watched programme in "
            "its Sunday evening slot, its broadcaster said.",
            "Viewers have praised its portrayal of journalists working against deadlines, and "
            "the writers said they spent weeks in real newsrooms while preparing the scripts.",
        ),
        "A scene being filmed for the teledrama.",
    ),
    Story(
        "Galle literary festival announces programme of Sri Lankan writers",
        "More than half of this year's speakers write in Sinhala or Tamil.",
        (
            "The Galle literary festival has announced its programme, with more than half of the "
            "invited writers working in Sinhala or Tamil.",
            "Sessions on translation, poetry and writing for children are among the highlights, "
            "and several events will be held in schools outside the fort.",
        ),
        "Readers at a bookstall inside Galle Fort.",
        points=(
            "Three days of talks and readings",
            "Free sessions for school groups",
            "A translation workshop in Sinhala, Tamil and English",
        ),
    ),
    Story(
        "Young pianist from Matara wins international competition",
        "The seventeen-year-old is the first Sri Lankan to win the competition's junior prize.",
        (
            "A seventeen-year-old pianist from Matara has won the junior prize at an "
            "international piano competition, the first Sri Lankan to do so.",
            "She began lessons at the age of six with a teacher in her home town and practises "
            "for four hours a day alongside her school work.",
        ),
        "A grand piano on a concert stage.",
    ),
    Story(
        "Restored classic film returns to cinemas after sixty years",
        "The restoration was made from the only surviving print, found in a private collection.",
        (
            "A classic Sinhala film from the 1960s has returned to cinemas after a painstaking "
            "restoration from the only surviving print.",
            "Audiences at the first screening included members of the original crew, and the "
            "film archive said it hoped to restore ten more films over the next five years.",
        ),
        "The marquee of a Colombo cinema.",
    ),
    Story(
        "Street art project brightens walls along the Colombo canal",
        "Artists painted twenty murals in a week with help from local residents.",
        (
            "Twenty murals have appeared along the walls of a canal path in Colombo, painted by "
            "artists and residents over a single week.",
            "The project's organisers said they chose themes suggested by the people who live "
            "along the canal, from fishing to school days to the monsoon.",
        ),
        "A mural on a canal wall in Colombo.",
    ),
    Story(
        "Music awards to honour veteran composers of film songs",
        "A special award will recognise composers whose songs have been sung for generations.",
        (
            "This year's national music awards will include a special prize for veteran "
            "composers of film songs, the organisers announced.",
            "Nominations are open to the public until the end of the month, and the ceremony "
            "will be broadcast live from the Nelum Pokuna theatre.",
        ),
        "An orchestra performs at the Nelum Pokuna theatre.",
        state="draft",
    ),
]
