# INVENTED short wire stories in other quotation conventions. All fictional.
OTHER = []

OTHER.append(dict(
title="Velmoran parliament approves coalition deal",
date="2026-03-18", outlet="Invented Continental Press Agency (English service)",
url="https://example.org/invented/other/velmora-coalition",
text="""VELMORA CITY, March 18 (ICPA) - The Velmoran parliament on Wednesday approved a coalition agreement between the centre-right People's Union and the Green Renewal party, ending four months of political deadlock.

«This is a day of responsibility, not of celebration,» said Prime Minister-designate Anton Kerevic after the vote. «We have a great deal of work ahead.»

The agreement passed by 112 votes to 87. Opposition leader Mila Dragosavac called it «a marriage of convenience that will not survive the first winter».

Green Renewal's co-chair, Petra Lindholm-Vasic, told ICPA that her party had secured «real commitments» on coal phase-out. According to Lindholm-Vasic, the last coal plant would close by 2032.

Kerevic said the new cabinet would be sworn in on Friday.
"""))

OTHER.append(dict(
title="Ostrakia calls envoy home over border shelling",
date="2026-10-31", outlet="Invented Continental Press Agency (English service)",
url="https://example.org/invented/other/ostrakia-envoy",
text="""OSTRAKIA, Oct 31 (ICPA) - Ostrakia has recalled its ambassador from Velmora for consultations after a third day of shelling along their shared border, the foreign ministry said on Friday.

Foreign Minister Dariusz Volkan told reporters in the capital: « We will not sit at the table while our villages burn. »

« The ambassador will return when the guns stop, » Volkan said, adding that Ostrakia remained open to mediation by « any honest broker ».

A ministry spokeswoman, Irena Sokol, said 14 civilians had been killed since Wednesday. The figure could not be independently verified.

Velmora's defence ministry said its forces were responding to «provocations» and denied targeting civilian areas.
"""))

OTHER.append(dict(
title="Coalition partners in Nordhafen state clash over school reform",
date="2026-05-07", outlet="Invented Rhine Wire (English edition)",
url="https://example.org/invented/other/nordhafen-schools",
text="""NORDHAFEN, May 7 (IRW) - A dispute over school reform threatened on Thursday to split the governing coalition in the invented northern state of Nordhafen.

„We will not accept a reform that closes village schools“, said Education Minister Katrin Albrecht-Moll of the Social Democrats. „That is our red line.“

Her coalition partner, Finance Minister Jens Overbeck of the Liberals, said the state could not afford to keep 60 schools with fewer than 50 pupils open. „Numbers are numbers“, Overbeck told IRW.

State Premier Ulrike Hansen said she would meet both ministers on Monday. According to Hansen, a compromise was "within reach".
"""))

OTHER.append(dict(
title="Port city council votes to delay tram extension",
date="2026-02-12", outlet="Invented Transcoded News Service",
url="https://example.org/invented/other/port-city-tram",
text="""PORT MELRIDGE, Feb 12 (ITNS) - The city council of Port Melridge voted 9-6 on Thursday to delay a planned tram extension by two years, citing rising costs.

''We don"t have the money, and pretending we do won"t help anyone,'' said Councillor Avery Rudd, who chairs the finance committee.

Mayor Dolores Fenn called the decision ''short-sighted'' and said the city"s residents had been promised the line since 2019. ''People in the east end have waited long enough,'' Fenn said. ''They'll keep waiting now, and that"s on this council.''

Transit union representative Joel Mbatha said the delay would cost about 40 construction jobs. The council"s own consultants estimated the extension at 310 million dollars.
"""))
