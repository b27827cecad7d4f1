from ..content import Story

BACKGROUND = (
    "Economists said one month's figures should be read with care, since seasonal factors "
    "and the timing of public holidays can move the numbers noticeably.",
    "Business chambers in Colombo said companies wanted predictable policy above all, and "
    "that frequent changes in tax rates made long-term planning difficult.",
    "For households, the most pressing question remains the cost of food, fuel and "
    "electricity, which together take up more than half of the average family budget.",
    "Market analysts said investors would be watching the next monetary policy review closely "
    "for signs of how long current conditions are likely to last.",
    "Small and medium-sized firms, which employ most of the private sector workforce, said "
    "access to affordable credit remained their biggest concern.",
)

STORIES = [
    Story(
        "Tea auction prices climb for third week on strong demand from the Gulf",
        "Low-grown teas led the rise at the Colombo auction, with brokers reporting keen "
        "buying from Middle Eastern importers.",
        (
            "Average prices at the weekly Colombo tea auction rose for the third week in a row, "
            "with low-grown varieties fetching the highest prices of the season so far.",
            "Brokers said buyers from the Gulf and Russia were active, while high-grown teas "
            "from Nuwara Eliya held steady after a period of dry weather cut production.",
        ),
        "Tea pluckers at work on an estate in the hill country.",
        state="featured",
    ),
    Story(
        "Colombo stocks close higher as banking shares recover",
        "The main index gained more than one per cent on the day, its best session in a month.",
        (
            "Shares on the Colombo Stock Exchange closed higher on Thursday, led by banks and "
            "diversified holding companies, as foreign investors returned as net buyers.",
            "Turnover was above the monthly average, and dealers said better-than-expected "
            "quarterly results from two large banks had lifted confidence across the market.",
        ),
        "The trading floor display at the Colombo Stock Exchange.",
    ),
    Story(
        "Tourist arrivals pass monthly record as European bookings return",
        "Hotels on the south and east coasts report occupancy above eighty per cent.",
        (
            "Sri Lanka welcomed more tourists last month than in any single month since records "
            "began, according to figures from the tourism development authority.",
            "Visitors from India remained the largest group, followed by travellers from the "
            "United Kingdom, Germany and Russia, and hoteliers said bookings for the coming "
            "season were strong.",
        ),
        "Visitors on the beach at Unawatuna.",
        points=(
            "India remained the largest source market",
            "European arrivals grew fastest compared with last year",
            "Average stays lengthened to eleven nights",
        ),
    ),
    Story(
        "Central Bank holds policy rates steady, citing stable inflation",
        "The bank said inflation was expected to remain within its target range through the "
        "rest of the year.",
        (
            "The Central Bank of Sri Lanka left its key policy rates unchanged at its latest "
            "review, saying inflation had stabilised and growth was recovering gradually.",
            "The bank said it expected lending rates to continue easing as earlier cuts pass "
            "through to borrowers, and urged banks to extend more credit to small businesses.",
        ),
        "The Central Bank building in Colombo Fort.",
    ),
    Story(
        "Garment exporters warn of slower orders from American buyers",
        "Manufacturers say retailers are holding smaller stocks and ordering closer to the season.",
        (
            "Sri Lanka's apparel exporters expect orders from the United States to slow over the "
            "next six months, the industry's joint association said on Tuesday.",
            "European orders are holding up better, the association said, and factories are "
            "trying to win more business in sportswear and high-value lingerie.",
        ),
        "Workers at a garment factory in the Katunayake zone.",
        quote="Our buyers are cautious, not absent. The factories that can deliver small orders "
        "quickly will do well. — an industry association spokesperson",
    ),
    Story(
        "Coconut prices ease as harvest improves in the coconut triangle",
        "Wholesale prices have fallen by nearly a fifth since their peak, traders say.",
        (
            "The price of coconuts at wholesale markets has fallen steadily over the past month "
            "as harvests in Kurunegala, Puttalam and Gampaha districts recover.",
            "Desiccated coconut producers said lower prices would help them meet export "
            "contracts, though growers warned that fertiliser costs were still high.",
        ),
        "Coconuts stacked for sale at a market in Kurunegala.",
    ),
    Story(
        "Port city developer signs first international bank as tenant",
        "The bank will open a regional office in the financial district next year.",
        (
            "An international bank has agreed to lease office space in the Colombo port city "
            "development, the first foreign lender to do so.",
            "The developer said talks with several other financial and technology firms were at "
            "an advanced stage, and that the first office tower would be ready next year.",
        ),
        "Construction in the Colombo port city development.",
    ),
    Story(
        "Electricity tariff revision proposal published for public comment",
        "Households using fewer than sixty units a month would see their bills fall.",
        (
            "The public utilities regulator has published a proposal to revise electricity "
            "tariffs, with lower charges for small household users and higher charges for the "
            "largest commercial users.",
            "Comments will be accepted for three weeks, and public hearings will be held in "
            "Colombo, Kandy, Jaffna and Matara before a final decision.",
        ),
        "Power lines near the Kelanitissa power station.",
    ),
    Story(
        "Small businesses turn to online marketplaces as footfall stays low",
        "Shop owners in Pettah and Kandy say a growing share of their sales now comes through "
        "social media orders.",
        (
            "A growing number of small retailers are selling through online marketplaces and "
            "social media pages, according to a survey of five hundred businesses by a chamber "
            "of commerce.",
            "Nearly half said online orders now made up a fifth or more of their sales, though "
            "many said delivery costs and returns were eating into margins.",
        ),
        "A shopkeeper packs online orders in Pettah.",
    ),
    Story(
        "Cinnamon growers seek protection for Ceylon name in new markets",
        "Growers' associations want geographical indication status recognised in more countries.",
        (
            "Cinnamon producers have asked the government to speed up registration of the "
            "Ceylon cinnamon geographical indication in Asian and Latin American markets.",
            "Growers say cheaper cassia is often sold as cinnamon abroad, and that legal "
            "protection of the name would help them earn a better price.",
        ),
        "Cinnamon quills drying in the sun near Galle.",
    ),
    Story(
        "Fuel distributors propose new pricing formula to smooth monthly changes",
        "The proposal would spread sharp changes in world prices over three months.",
        (
            "Fuel distributors have proposed a pricing formula that would spread sudden changes "
            "in international oil prices over a quarter rather than a single month.",
            "Transport operators welcomed the idea, saying frequent price swings made it hard "
            "to set fares, but economists warned it could build up hidden losses.",
        ),
        "A filling station on the Colombo-Kandy road.",
        state="review",
    ),
]
