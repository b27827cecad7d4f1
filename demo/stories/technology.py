from ..content import Story

BACKGROUND = (
    "Industry groups said Sri Lanka's pool of skilled engineers was its biggest advantage, "
    "but that too many graduates were still leaving for jobs abroad.",
    "Privacy advocates said new digital services should be designed so that they collect only "
    "the information they need and keep it safely.",
    "Officials said the service would be tested with a small group of users before it is "
    "opened to the public, and that feedback would shape the final version.",
    "Rural users still face patchy coverage and high data costs, and operators said they "
    "would need to share towers to reach remote villages economically.",
    "Universities are adding courses to meet demand, and several companies now offer paid "
    "internships to final-year students.",
)

STORIES = [
    Story(
        "Mobile operators begin testing 5G in Colombo and Kandy",
        "The trials will run for six months before licences for commercial service are issued.",
        (
            "Two mobile operators have begun trials of fifth-generation networks in parts of "
            "Colombo and Kandy, the telecommunications regulator said.",
            "The trials will test coverage and speeds in busy commercial areas, and the "
            "regulator said it expected to auction spectrum for commercial services next year.",
        ),
        "A mobile phone tower in Colombo.",
    ),
    Story(
        "Start-up builds app to help farmers sell vegetables directly to buyers",
        "Farmers in Dambulla say the app cuts out middlemen and reduces waste.",
        (
            "A Colombo start-up has launched a mobile app that lets farmers list their "
            "vegetables and sell them directly to hotels, supermarkets and restaurants.",
            "Farmers at the Dambulla economic centre said they were earning more per kilogram, "
            "and the company said it was now adding a Tamil version for growers in the north.",
        ),
        "Vegetables being sorted at the Dambulla economic centre.",
        quote="Before, I sold at whatever price the lorry driver offered. Now I can see what "
        "buyers will pay before I harvest. — a farmer in Dambulla",
    ),
    Story(
        "Digital identity pilot to launch in two districts next month",
        "Residents of Kurunegala and Matara will be able to use a digital ID for some "
        "government services.",
        (
            "A pilot of Sri Lanka's digital identity system will begin next month in Kurunegala "
            "and Matara districts, officials said.",
            "Residents will be able to use the digital ID to apply for certain certificates and "
            "licences online, and paper documents will continue to be accepted.",
        ),
        "A citizen uses an online government service.",
    ),
    Story(
        "Software exports grow as global firms open Colombo offices",
        "The industry body says exports of IT and business services grew by a fifth last year.",
        (
            "Exports of software and business services grew by about a fifth last year, "
            "according to the national IT industry association.",
            "Several international companies have opened or expanded offices in Colombo, "
            "attracted by the availability of engineers and lower costs than in larger hubs.",
        ),
        "Engineers at work in a Colombo technology office.",
    ),
    Story(
        "Schools to receive solar-powered computer labs under new scheme",
        "Two hundred rural schools will receive labs in the first phase.",
        (
            "Two hundred rural schools will receive solar-powered computer laboratories under a "
            "scheme funded by the government and private donors.",
            "Each lab will have twenty computers and an internet connection, and teachers will "
            "be trained to use them for subjects beyond information technology.",
        ),
        "Students in a school computer laboratory.",
        points=(
            "Two hundred schools in the first phase",
            "Twenty computers and solar panels per school",
            "Teacher training before each lab opens",
        ),
    ),
    Story(
        "Researchers in Peradeniya develop low-cost sensor to warn of landslides",
        "The sensors measure soil moisture and movement and send alerts by text message.",
        (
            "Engineers at the University of Peradeniya have developed a low-cost sensor that "
            "measures soil moisture and ground movement on slopes prone to landslides.",
            "The sensors send warnings by text message to residents and local officials, and "
            "trials in Badulla and Nuwara Eliya districts have begun.",
        ),
        "A hillside in the central highlands after heavy rain.",
    ),
    Story(
        "Online payments by small merchants double in a year",
        "QR code payments are now common in markets and three-wheelers alike.",
        (
            "The number of small merchants accepting online and QR code payments doubled over the "
            "past year, according to figures from the payments network operator.",
            "Vendors in markets and three-wheeler drivers are among the fastest adopters, and "
            "banks said transaction fees for small merchants would stay low.",
        ),
        "A vendor displays a payment QR code at a market stall.",
    ),
    Story(
        "Cyber security agency warns of fake delivery text messages",
        "The messages ask recipients to pay a small fee to release a parcel.",
        (
            "Sri Lanka's computer emergency response team has warned the public about fake text "
            "messages that claim a parcel is waiting and ask for a small payment.",
            "The messages link to websites that steal card details, and the agency advised "
            "people never to enter payment information through links sent by text.",
        ),
        "A mobile phone showing a text message.",
    ),
    Story(
        "Sinhala and Tamil voice assistants improve with new open dataset",
        "Volunteers recorded thousands of hours of speech for the project.",
        (
            "A new open collection of recorded Sinhala and Tamil speech is helping developers "
            "build better voice assistants and transcription tools.",
            "Thousands of volunteers from every province recorded sentences for the project, so "
            "that regional accents are represented.",
        ),
        "A volunteer records speech for the language project.",
    ),
    Story(
        "Electric three-wheeler conversions gain pace in the capital",
        "Workshops report waiting lists as drivers look to cut fuel costs.",
        (
            "Workshops in Colombo that convert petrol three-wheelers to electric power say they "
            "have waiting lists of several weeks.",
            "Drivers say charging costs far less than fuel, though the cost of batteries remains "
            "a barrier, and lenders have begun to offer loans for conversions.",
        ),
        "A three-wheeler being converted to electric power.",
        state="draft",
    ),
]
