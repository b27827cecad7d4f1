from ..content import Story

BACKGROUND = (
    "Selectors said they would review the squad after the series, with several younger "
    "players pushing for places.",
    "Supporters packed the stands despite the heat, and the atmosphere was lively from the "
    "first ball to the last.",
    "Coaches have stressed the importance of fitness and fielding this season, and the team "
    "has been training twice a day at the national academy.",
    "Tickets for the next fixture go on sale on Monday through the official website and at "
    "the ground's ticket office.",
    "School and club competitions continue to supply the national sides, and administrators "
    "said investment in grounds outside Colombo would widen the pool further.",
)

STORIES = [
    Story(
        "Sri Lanka seal one-day series with four-wicket win in Pallekele",
        "A composed partnership for the sixth wicket steered the home side past their target "
        "with an over to spare.",
        (
            "Sri Lanka clinched the one-day series with a game to spare, chasing down 268 with "
            "four wickets and six balls remaining in Pallekele on Sunday.",
            "The home side were in trouble at 142 for five, but an unbeaten stand of 96 for "
            "the sixth wicket turned the match, and the crowd stayed to the end to celebrate.",
            "The spinners had earlier kept the visitors in check through the middle overs, "
            "taking five wickets between them.",
        ),
        "Spectators at the Pallekele International Cricket Stadium.",
        state="featured",
    ),
    Story(
        "Kandy clinch rugby league title after tense finale",
        "A late penalty settled the deciding match of the season at Nittawela.",
        (
            "Kandy Sports Club won the league rugby title on Saturday after a 24-21 victory in "
            "the final match of the season at Nittawela.",
            "The visitors led for much of the second half, but a penalty two minutes from time "
            "gave Kandy the win and the title by a single point.",
        ),
        "Players contest a line-out at Nittawela.",
    ),
    Story(
        "National women's team named for Asia Cup with three new faces",
        "The selectors have kept faith with the side that reached last year's final.",
        (
            "Sri Lanka's women's cricket selectors named a fifteen-member squad for the Asia "
            "Cup, including three uncapped players who impressed in the domestic season.",
            "The captain said the team had prepared well and wanted to go one better than last "
            "year, when they lost the final narrowly.",
        ),
        "The women's team at a training session in Colombo.",
    ),
    Story(
        "Athletes set three national records at the Sugathadasa meet",
        "The 400 metres hurdles record fell for the first time in eleven years.",
        (
            "Three national records were broken at the national athletics championships at the "
            "Sugathadasa Stadium, including a long-standing mark in the 400 metres hurdles.",
            "Officials said the performances strengthened Sri Lanka's chances of qualifying "
            "athletes for major championships later in the year.",
        ),
        "Hurdlers at the Sugathadasa Stadium.",
        points=(
            "Women's 400m hurdles: new national record",
            "Men's 4x400m relay: new national record",
            "Women's long jump: new national record",
        ),
    ),
    Story(
        "Volleyball league returns with teams from all nine provinces",
        "The revived league will be played on beach and indoor courts over ten weeks.",
        (
            "Sri Lanka's national volleyball league returns this month after a three-year gap, "
            "with teams representing all nine provinces.",
            "Matches will be broadcast on television for the first time, and organisers hope "
            "the league will help rebuild a sport that was once a fixture in every village.",
        ),
        "A volleyball match on an outdoor court.",
    ),
    Story(
        "Big Match weekend draws record crowd in Colombo",
        "Old boys and current students filled the stands for the century-old school fixture.",
        (
            "More than twenty thousand spectators watched the annual Big Match between two of "
            "Colombo's oldest schools, which ended in a draw after three days.",
            "Police said the weekend passed peacefully, and organisers said ticket sales had "
            "raised money for scholarships at both schools.",
        ),
        "Spectators in the stands at a school cricket encounter.",
        quote="For three days a year, everyone is seventeen again. — a past player",
    ),
    Story(
        "Sri Lanka football side climbs twelve places in world rankings",
        "Two wins in the qualifying round have lifted the national team to its highest ranking "
        "in years.",
        (
            "Sri Lanka's national football team rose twelve places in the latest world rankings "
            "after back-to-back wins in the qualifying round.",
            "The coach said the team's fitness had improved markedly, and the football "
            "federation said it would use the momentum to attract sponsors for a youth league.",
        ),
        "The national football team celebrates a goal.",
    ),
    Story(
        "Swimmers win four golds at South Asian aquatics meet",
        "A teenage swimmer from Galle took two of the titles.",
        (
            "Sri Lankan swimmers won four gold medals at the South Asian aquatics championships, "
            "their best result at the event.",
            "A sixteen-year-old from Galle won both the 100 and 200 metres butterfly, and her "
            "coach said she would now train abroad with the help of a federation scholarship.",
        ),
        "A swimmer in the pool at a championship meet.",
    ),
    Story(
        "Test squad named for England tour with two uncapped fast bowlers",
        "Selectors said pace would be crucial in early-season English conditions.",
        (
            "Sri Lanka's selectors named a seventeen-member Test squad for the tour of England, "
            "including two uncapped fast bowlers from the domestic first-class competition.",
            "The chief selector said the tour's early-season timing meant seam bowling would be "
            "vital, and the squad will spend a week acclimatising before the first match.",
        ),
        "Fast bowlers practise in the nets.",
    ),
    Story(
        "Elle returns to school sports calendar with inter-provincial tournament",
        "The traditional bat-and-ball game will be played by under-15 teams from every province.",
        (
            "Elle, the traditional Sri Lankan bat-and-ball game, will be played in an "
            "inter-provincial schools tournament for the first time in decades.",
            "The education ministry said the tournament was part of a plan to revive "
            "traditional games that had faded from school timetables.",
        ),
        "Children play elle in a school ground.",
        state="scheduled",
    ),
    Story(
        "Cycling tour finishes in Jaffna after seven stages",
        "The week-long race covered more than nine hundred kilometres from Colombo.",
        (
            "The national cycling tour ended in Jaffna on Sunday after seven stages and more "
            "than nine hundred kilometres of racing from Colombo.",
            "Crowds lined the roads in every town the riders passed through, and the winner "
            "finished the tour less than a minute ahead of the runner-up.",
        ),
        "Riders in the final stage of the national cycling tour.",
    ),
]
