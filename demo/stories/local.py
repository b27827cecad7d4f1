from ..content import Story

BACKGROUND = (
    "Officials said a fuller statement would be issued once the relevant ministries had been "
    "briefed, and asked the public to rely on announcements made through official channels.",
    "Residents who spoke to Newsroom said they wanted clear information and a timetable, and "
    "several said they had heard about the decision first from neighbours rather than from the "
    "authorities.",
    "Opposition members said they would raise the matter in Parliament when it sits next week, "
    "while government members said the steps taken so far were reasonable and proportionate.",
    "Provincial councils, which carry out much of the day-to-day work, said they had not yet "
    "received the additional staff or funds that would be needed.",
    "Civil society groups welcomed the announcement but said its success would depend on how "
    "consistently it is applied outside Colombo.",
)

STORIES = [
    Story(
        "Flood warning issued for five districts as heavy rain continues",
        "The Disaster Management Centre has urged people living near the Kelani and Kalu rivers "
        "to move to higher ground before nightfall.",
        (
            "A red alert for flooding was issued on Tuesday afternoon for Colombo, Gampaha, "
            "Kalutara, Ratnapura and Kegalle, after more than 150 millimetres of rain fell in "
            "parts of the Western and Sabaragamuwa provinces in twelve hours.",
            "Schools in the affected districts will remain closed on Wednesday, and the "
            "railway department said services on the Kelani Valley line were suspended as a "
            "precaution.",
            "The Department of Meteorology said showers of up to 100 millimetres were likely "
            "to continue overnight, easing only on Thursday.",
        ),
        "Rain clouds gather over the Western Province.",
        points=(
            "Emergency hotline: 117",
            "Relief centres are open in schools and temples in all five districts",
            "Avoid travel near river banks and on low-lying roads after dark",
        ),
        state="breaking",
    ),
    Story(
        "New bus lanes on Galle Road cut morning journey times, early figures show",
        "Commuters between Mount Lavinia and Fort are saving up to fifteen minutes a trip in the "
        "first month of the priority lane scheme.",
        (
            "Buses using the new priority lanes on Galle Road reached Fort an average of twelve "
            "minutes sooner during the morning peak, according to figures released by the "
            "Western Province transport authority.",
            "Private car journeys were slightly slower, the figures show, and three-wheeler "
            "drivers have complained that they are not allowed to use the lanes.",
        ),
        "Morning traffic on Galle Road in Colombo.",
        quote="We expected complaints in the first weeks. What matters is whether people leave "
        "their cars at home, and the early signs are good. — a transport authority official",
        state="featured",
    ),
    Story(
        "Jaffna library marks anniversary with exhibition of rare manuscripts",
        "Palm-leaf manuscripts and early printed books are on public display for the first time "
        "in a decade.",
        (
            "The Jaffna Public Library opened an exhibition of more than eighty rare manuscripts "
            "and books on Saturday, drawing long queues of students and families.",
            "Librarians said the items had been restored over three years with help from "
            "volunteers and university conservators, and that a digital archive would follow.",
        ),
        "Visitors queue outside the Jaffna Public Library.",
    ),
    Story(
        "Kandy Esala Perahera preparations begin with traffic plan for visitors",
        "Police will close several streets around the Temple of the Tooth each evening during "
        "the procession.",
        (
            "Kandy police published a traffic plan on Monday for the ten nights of the Esala "
            "Perahera, with park-and-ride services from Peradeniya and Katugastota.",
            "Hotels in the city said they were almost fully booked, and the municipal council "
            "said extra water points and first-aid posts would be set up along the route.",
        ),
        "Dancers rehearse for the Esala Perahera in Kandy.",
    ),
    Story(
        "Teachers' unions agree to talks after week-long work-to-rule",
        "Negotiations over salary anomalies will begin on Friday with the Ministry of Education.",
        (
            "Two of the largest teachers' unions said on Wednesday that they would suspend their "
            "work-to-rule campaign while talks on long-standing salary anomalies take place.",
            "Parents had complained that extra classes and school sports were disrupted, and "
            "principals said term examinations may need to be rescheduled.",
        ),
        "A classroom in a Colombo school.",
    ),
    Story(
        "Batticaloa lagoon clean-up draws hundreds of volunteers",
        "Fishing communities say plastic waste in the lagoon has grown worse since the last "
        "monsoon.",
        (
            "More than four hundred volunteers collected plastic and discarded nets from the "
            "Batticaloa lagoon over the weekend, in a clean-up organised by local fishing "
            "societies and the district secretariat.",
            "Organisers said they removed nearly three tonnes of waste and would hold the "
            "event every month until the rainy season.",
        ),
        "Volunteers on the shore of the Batticaloa lagoon.",
    ),
    Story(
        "Court orders fresh inquiry into collapsed wall at housing scheme",
        "Residents of the scheme in Kolonnawa say they reported cracks months before the collapse.",
        (
            "The Colombo District Court has ordered a fresh technical inquiry into the collapse "
            "of a retaining wall at a housing scheme in Kolonnawa, which damaged four homes last "
            "month.",
            "No one was injured, but families have been living with relatives since, and their "
            "lawyers said the original inquiry had not examined the builder's records.",
        ),
        "The damaged retaining wall in Kolonnawa.",
    ),
    Story(
        "Free eye clinics to tour rural schools in the North Central Province",
        "Thirty thousand children are expected to be screened before the end of the year.",
        (
            "A mobile eye clinic run by the provincial health department will visit rural "
            "schools in Anuradhapura and Polonnaruwa districts from next month.",
            "Children who need spectacles will receive them free of charge, and those who need "
            "further treatment will be referred to the teaching hospital in Anuradhapura.",
        ),
        "An eye test at a school in Anuradhapura district.",
    ),
    Story(
        "Galle Fort residents ask for limits on late-night events",
        "A petition signed by more than three hundred residents asks for a ten o'clock curfew "
        "on amplified music.",
        (
            "Residents of Galle Fort have asked the municipal council to restrict amplified "
            "music after ten at night, saying the number of late events has grown sharply "
            "since tourism recovered.",
            "Hotel and restaurant owners said they already follow noise rules and warned that "
            "a curfew would hurt small businesses that rely on weddings and evening events.",
        ),
        "Evening on the ramparts of Galle Fort.",
    ),
    Story(
        "Railway department to restore night mail train to Badulla",
        "The overnight service was suspended during the fuel shortage and has been missed by "
        "workers and students alike.",
        (
            "The night mail train between Colombo Fort and Badulla will return to the timetable "
            "from the first of next month, the railway department announced.",
            "Sleeping berths will be available again, and the department said it was repairing "
            "carriages to add a second observation saloon on weekends.",
        ),
        "A train on the hill country line near Ella.",
    ),
]
