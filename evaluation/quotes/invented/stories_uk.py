# INVENTED news stories (UK style). All people, offices, outlets and events are fictional.
UK = []

UK.append(dict(
title="PMQs: Whitcombe and Ashdown clash over hospital waiting lists",
date="2026-03-04", outlet="Invented Evening Chronicle",
url="https://example.org/invented/uk/pmqs-waiting-lists",
text="""Sir Alan Whitcombe and Harriet Ashdown traded blows over NHS waiting lists at a bad-tempered Prime Minister’s Questions, with the Conservative leader accusing the government of ‘fiddling the figures’.

Ms Ashdown told MPs that more than 7.1 million people were still waiting for hospital treatment in England, and said the government’s promise to cut the list by a million before the summer was ‘dead in the water’.

‘The prime minister stood at that despatch box in October and said the waiting list would fall every single month,’ she said. ‘It has risen in three of the last five. When will he admit he has failed?’

The prime minister told MPs that the list had fallen by 340,000 since the election and accused the opposition of ‘rewriting history’.

‘We inherited a health service on its knees,’ Sir Alan said. ‘We are getting it back on its feet, and the honourable lady knows it.’

He added that the government had delivered two million extra appointments in its first year, a claim the independent think tank the Invented Health Policy Trust has described as ‘broadly accurate but incomplete’.

Ms Ashdown returned to the attack, quoting a leaked email from an NHS trust chief executive who she said had warned colleagues that “the targets are fantasy and everyone in this building knows it”.

‘Those are not my words,’ she told the Commons. ‘They are the words of the people running his hospitals.’

Downing Street later said the email did not reflect the views of NHS England. A Number 10 spokesman said: ‘The prime minister has full confidence in the NHS leadership and in the plan.’

The Liberal Democrat leader, Rhys Pennant, used his questions to raise the case of a constituent who had waited 19 hours in an ambulance outside a hospital in Somerset.

‘Mr Speaker, she is 88 years old,’ Mr Pennant said. ‘She served as a nurse in that same hospital for 30 years.’

Sir Alan said he was sorry to hear of the case and offered to meet Mr Pennant to discuss it.

Labour backbenchers were in noisy form. At one point the Speaker, Sir Nigel Oakenfold, intervened to warn MPs that ‘the public are watching, and they are not impressed’.

After the session, Conservative MPs said Ms Ashdown had landed her punches. One former minister said it was ‘the best she has been since she took the job’. Labour aides insisted the prime minister had ‘the better of the argument on the substance’.

Health Secretary Dr Imran Qadir is due to publish updated waiting list figures on Thursday. He told the BBC on Wednesday morning that he expected them to show ‘continued progress’ but declined to say whether the total had fallen."""))

UK.append(dict(
title="Rail strike talks collapse as union rejects ‘insulting’ pay offer",
date="2026-05-21", outlet="Invented Morning Herald",
url="https://example.org/invented/uk/rail-strike-talks",
text="""Talks aimed at averting a week of rail strikes collapsed on Thursday after the main drivers’ union rejected what its general secretary called an ‘insulting’ pay offer.

The Amalgamated Union of Train Operatives said walkouts would go ahead from Monday, affecting services on 14 operators across England.

‘We went into that room in good faith and we came out with nothing,’ said Bernadette Quigley, the union’s general secretary. ‘A 2.5% offer when inflation is running at nearly 4% is a pay cut, and our members will not accept a pay cut.’

Ms Quigley said the union had been prepared to discuss changes to rostering arrangements, a key demand of the operators, but that the government had ‘tied the employers’ hands’.

A Downing Street spokesman said the offer was ‘fair and affordable’ and urged the union to put it to a ballot of members.

‘Strikes will cause misery for millions of passengers, and they will not change the fundamentals,’ the spokesman said. ‘The door remains open.’

The Transport Secretary, Owen Pryce, was more combative. In an interview on Radio Invented, he accused union leaders of ‘playing politics with people’s commutes’ and said the government would not reopen the pay envelope.

‘I have been very clear,’ Mr Pryce said. ‘There is no more money. There is a deal on the table that would give drivers a pay rise and secure their jobs for the next decade.’

Passenger groups expressed frustration with both sides. ‘Commuters are fed up of being caught in the middle,’ said Anjali Mistry of the Invented Rail Users’ Forum. ‘Nobody wins from this except the people selling car parking.’

Business leaders warned of the economic cost. The Invented Chamber of Northern Commerce estimated that each day of strike action would cost the regional economy about £45m.

Ms Quigley rejected suggestions that the union was acting for political reasons. Asked on Thursday evening whether she was trying to embarrass the government, she laughed.

‘I’ve been doing this job under three prime ministers,’ she told the BBC. ‘I’ve been called a wrecker by every single one of them.’

The operators’ umbrella body, the Invented Rail Delivery Council, said it would run ‘as many services as possible’ but warned passengers to travel only if necessary. A spokeswoman said timetables would be published on Saturday.

The strikes are due to run from Monday to Friday, with further action threatened for the bank holiday weekend. Labour MPs in marginal seats privately fear the dispute could drag on into the summer.

One backbencher said the party ‘cannot be seen to be at war with the unions that founded it’. Another said the government was right to hold firm."""))

UK.append(dict(
title="Chancellor defends tax rise: ‘I will not borrow to fill the hole’",
date="2026-11-26", outlet="Invented National Gazette",
url="https://example.org/invented/uk/chancellor-tax-rise",
text="""The Chancellor, Nadia Farrow, has defended her decision to raise employers’ national insurance contributions, insisting that the alternative would have been ‘reckless borrowing that the country cannot afford’.

Speaking the morning after her budget, Ms Farrow told the BBC’s Sunday programme that she had inherited ‘a £22bn hole in the public finances’ and had chosen ‘the least bad option’ to fill it.

‘I will not borrow to fill the hole,’ she said. ‘I will not cut the NHS to fill the hole. So yes, I have asked businesses to contribute more, and I make no apology for it.’

Business groups reacted angrily to the measure, which will raise about £19bn a year by the end of the decade. The director-general of the Invented Confederation of Employers, Sir Malcolm Reade, said it was ‘a tax on jobs, plain and simple’.

‘Every pound that goes to the Treasury is a pound that doesn’t go on wages or investment,’ Sir Malcolm said. ‘Firms will pass this on, and workers will pay for it in the end.’

Ms Farrow rejected that claim. She said independent forecasts showed the economy would grow faster over the next five years than previously expected, and that the budget would ‘lay the foundations’ for that growth.

The shadow chancellor, Jeremy Lascelles, accused the government of breaking an election promise not to raise taxes on working people.

‘The chancellor promised not to raise national insurance,’ he told MPs during the budget debate. ‘She promised it on television, she promised it in the manifesto, and she has done it anyway.’

The Treasury insists the pledge applied only to employees’ contributions. A Treasury source said the Conservatives were ‘clutching at straws’.

Economists were divided. Dr Helena Varga, director of the Invented Fiscal Studies Unit, said the budget had ‘bought the government some breathing space’ but warned that further tax rises could be needed if growth disappointed.

‘This is not a one-off,’ Dr Varga said. ‘It is a down payment.’

The budget also included a rise in the minimum wage, a freeze on fuel duty and £1.4bn for school repairs. Ms Farrow said the school money would mean ‘no child learning under a crumbling roof’ by 2029.

Within the Labour party, some MPs welcomed the spending plans but expressed unease about the impact on small firms. A minister said privately that the measure had been ‘a harder sell on the doorstep than anyone expected’.

Ms Farrow said she was confident the public would judge the budget on its results.

‘In four years’ time, people will ask whether their hospital is better, whether their school is better, whether their wages are higher,’ she said. ‘That is the test. That’s the only test.’"""))

UK.append(dict(
title="First Minister warns Westminster over ‘power grab’ on subsidies",
date="2026-06-10", outlet="Invented Caledonian Post",
url="https://example.org/invented/uk/first-minister-subsidies",
text="""Scotland’s First Minister, Morag Dunbar, has accused the UK government of a ‘power grab’ after ministers in London announced plans to take control of a £600m fund for regional development.

Ms Dunbar said the move would strip Holyrood of decisions that had been devolved for more than two decades.

‘This is money that was meant to be spent by people who know Scotland, on projects that Scotland needs,’ she told reporters at Bute House. ‘Now it will be spent by civil servants in Whitehall who have never set foot in Dundee.’

The UK government insists the change is about efficiency. The Levelling Up Secretary, Tobias Harwood, said a single UK-wide fund would ‘cut red tape and get money out of the door faster’.

‘Nobody is taking anything away from Scotland,’ Mr Harwood said. ‘Scotland will get every penny it got before, and more.’

That claim was disputed by the Scottish government, which published figures suggesting that Scottish councils would receive about £40m less over three years under the new system.

Ms Dunbar said she had written to the prime minister requesting an urgent meeting. In the letter, seen by the Invented Caledonian Post, she warns that the decision ‘risks undermining the devolution settlement that the people of Scotland voted for’.

Scottish Labour’s leader, Callum Rennie, said he shared some of the First Minister’s concerns but accused her of ‘manufacturing grievance’.

‘There is a real issue here about how the money is allocated,’ Mr Rennie said. ‘But Morag Dunbar will turn any disagreement into a constitutional crisis if it helps her cause.’

The Scottish Conservatives backed the UK government. Their leader at Holyrood, Douglas Fairlie, said councils had ‘waited too long’ for the Scottish government to distribute previous rounds of funding.

Council leaders themselves were split. The leader of one Highland council said he would ‘take the money from whoever is offering it’, while the umbrella body for Scottish local government said it had not been consulted.

‘We read about this in the newspapers,’ said Councillor Janet Ross, the body’s president. ‘That is not how partnership is supposed to work.’

Ms Dunbar, who became First Minister last year, has made relations with Westminster a central theme of her leadership. Earlier this month she said the UK government treated Scotland ‘like a branch office’.

Asked whether the row would be a factor in next year’s Holyrood election, she replied: ‘People in Scotland can see what is happening. They don’t need me to tell them.’

A UK government spokesman said ministers would respond to the First Minister’s letter ‘in due course’."""))

UK.append(dict(
title="Council tax to rise by 4.99% as town hall warns of ‘perfect storm’",
date="2026-02-19", outlet="Invented Morning Herald",
url="https://example.org/invented/uk/council-tax-rise",
text="""Residents in Northbridge will see their council tax rise by the maximum permitted amount this April after the borough council voted through a budget that its leader described as ‘the hardest I have ever had to set’.

The 4.99% increase, approved by 31 votes to 19 on Tuesday night, will add about £98 a year to the bill for a typical band D property.

‘Nobody comes into local government to put up taxes and close libraries,’ said Cllr Patricia Nwosu, the Labour leader of the council. ‘But we are facing a perfect storm: rising demand for social care, rising costs for temporary accommodation, and funding from central government that has not kept pace with either.’

Ms Nwosu said the council would have faced a £14m gap next year without the rise. Even with it, the authority plans to close two branch libraries and reduce opening hours at a third.

Opposition councillors accused the administration of mismanagement. The leader of the Conservative group, Cllr Graham Pettifer, said the council had ‘wasted millions’ on a failed regeneration scheme in the town centre.

‘They want residents to pay for their mistakes,’ he said. ‘I won’t vote for that, and neither will my colleagues.’

The Liberal Democrats proposed an amendment that would have kept the libraries open by cutting spending on consultants. It was defeated.

Campaigners packed the public gallery. ‘The library is the only warm place some of our older residents have,’ said Maureen Atherton, who chairs the Friends of Eastfield Library. ‘Closing it to save £200,000 is a false economy.’

During the debate, one councillor read out a letter from a nine-year-old pupil at Eastfield Primary which said: “Please don’t shut my library, it is where I learned to read properly.” The letter was greeted with applause.

The Local Government Association has warned that councils across England face a funding shortfall of £6bn over the next two years. A spokesperson for the association said many authorities were ‘at or close to the edge’.

The Ministry of Housing, Communities and Local Government said councils would receive a 6% increase in core spending power next year. ‘We recognise the pressures councils are under,’ a ministry spokesperson said, ‘and we are providing more than £69bn to support them.’

Ms Nwosu said the figure included money raised from council tax itself. ‘It is a bit rich to count our residents’ money as government generosity,’ she said.

The council will consult on the library closures over the summer. A final decision is expected in September."""))

UK.append(dict(
title="Committee report: Home Office ‘lost track’ of asylum accommodation costs",
date="2026-07-01", outlet="Invented National Gazette",
url="https://example.org/invented/uk/committee-asylum-costs",
text="""The Home Office lost track of billions of pounds spent on asylum accommodation and failed to hold contractors to account, a damning report by MPs has found.

The cross-party Public Accounts Committee said the department had ‘no reliable picture’ of how much it was paying per person per night and had allowed costs to spiral to £4.7bn last year.

‘The Home Office has been writing blank cheques,’ said the committee’s chair, Dame Eleanor Pritchard. ‘Taxpayers have a right to expect that somebody, somewhere, is checking what they are paying for. On this evidence, nobody was.’

The report cites evidence from a senior official who told the committee that the department’s financial controls were ‘not where they should be’. It also quotes an internal review that described contract management as “fragmented, under-resourced and reactive”.

Dame Eleanor said she was particularly concerned by the committee’s finding that one contractor had been paid for 1,200 rooms that were never occupied.

‘That is not a rounding error,’ she said. ‘That is millions of pounds for empty beds.’

The Home Secretary, Owen Pryce, said the report covered a period before the current government took office and that ministers had already begun to renegotiate the contracts.

‘We inherited a broken system and we are fixing it,’ Mr Pryce said in a statement. ‘We have cut the number of hotels in use by half since last summer, and we will close them all by the end of this parliament.’

Conservative members of the committee signed the report, though one, Richard Ellsworth, told the Invented National Gazette that it was ‘unfair to pin all of this on one government’.

‘Mistakes were made under ministers of every colour,’ he said. ‘What matters now is that they are put right.’

The contractors named in the report said they had delivered services under difficult conditions. One firm, Invented Housing Solutions, said in a statement that it ‘strongly disputes’ the committee’s characterisation and had ‘always complied with the terms of its contract’.

Refugee charities said the report confirmed long-standing concerns. ‘We’ve been saying for years that this system was failing people and wasting money,’ said Tariq Hussain, chief executive of the Invented Refugee Support Network. ‘Today MPs have said the same.’

The committee has called on the Home Office to publish quarterly figures on accommodation costs and to report back within six months on progress.

A Home Office spokesperson said the department would ‘carefully consider’ the recommendations and respond in due course."""))

UK.append(dict(
title="Conference speech: Ashdown promises ‘a party of the workplace’",
date="2026-10-07", outlet="Invented Evening Chronicle",
url="https://example.org/invented/uk/ashdown-conference",
text="""Harriet Ashdown has told the Conservative party conference that it must become ‘a party of the workplace, not just the boardroom’, in a speech designed to win back voters who deserted the Tories at the last election.

Speaking in Manchester, the Conservative leader said her party had ‘lost touch’ with people who ‘get up early, work hard and feel that nobody in Westminster speaks for them’.

‘We did not lose because voters stopped believing in Conservative values,’ Ms Ashdown said. ‘We lost because they stopped believing that we did.’

The 45-minute speech included a pledge to abolish stamp duty for first-time buyers on homes worth up to £500,000 and a promise to ‘take on’ what she called ‘the quango state’.

She drew the biggest applause when she turned to the government. ‘Sir Alan promised change,’ she said. ‘He has certainly delivered it: higher taxes, longer waits and a country that feels like it is standing still.’

Ms Ashdown, who became leader last year after a bruising contest, has struggled to make an impact in the polls. Most surveys put the Conservatives in third place, behind Labour and the Reform Alliance.

Her allies insist that will change. ‘People are only just starting to pay attention,’ said the party chairman, Lord Fenwick of Astley. ‘Harriet has a story to tell and today she told it.’

Not everyone in the hall was convinced. One former cabinet minister, speaking on condition of anonymity, said the speech was ‘perfectly fine’ but lacked ‘anything that will be remembered on Monday’.

‘It was a speech for the hall,’ the former minister said. ‘The country wasn’t listening.’

Labour dismissed the address. A party spokesperson said the Conservatives were ‘the same old Tories with the same old excuses’.

The speech also contained a striking admission. Ms Ashdown said the previous Conservative government had ‘made promises on immigration that it did not keep’, and added: ‘I am sorry for that. It will not happen again under my leadership.’

That line was welcomed by some on the right of the party. Sir Desmond Carrow, a former minister who has been critical of her leadership, said it was ‘the right thing to say and long overdue’.

Ms Ashdown ended with a direct appeal to voters who had backed other parties.

‘If you left us, I understand why,’ she said. ‘I am asking you to look again.’

The conference closes on Wednesday."""))

UK.append(dict(
title="By-election: Reform Alliance takes Marshwood in shock result",
date="2026-04-24", outlet="Invented Morning Herald",
url="https://example.org/invented/uk/marshwood-by-election",
text="""The Reform Alliance has won the Marshwood by-election, overturning a Labour majority of more than 11,000 in what its leader hailed as ‘an earthquake in the heartlands’.

Sandra Keel, a former parish councillor and nurse, took 41% of the vote, with Labour’s candidate, Tom Ashby-Fell, on 29%. The Conservatives came a distant third.

‘The people of Marshwood have spoken, and they have said: enough,’ Ms Keel told supporters at the count in the early hours of Friday. ‘Enough of being taken for granted, enough of being ignored.’

Turnout was 38%, down from 61% at the general election.

The Reform Alliance leader, Graham Sturridge, said the result showed the party could win anywhere. ‘They said we couldn’t win in places like this,’ he said. ‘We just did, and we’ll do it again.’

Labour sources admitted the result was ‘very disappointing’. One minister said the party had been hit by ‘a perfect storm of local anger and national mood’. The Labour chair, Bridget O’Malley, said the party would ‘listen and learn’.

‘We respect the result,’ Ms O’Malley told Sky News. ‘People are frustrated that change hasn’t come fast enough. We understand that, and we’ll redouble our efforts.’

The by-election was called after the sitting Labour MP, Gareth Thomas-Reid, resigned following a row over expenses. Mr Thomas-Reid has denied any wrongdoing.

Political analysts said the scale of the swing was remarkable. ‘This is one of the largest swings against a governing party in a by-election for decades,’ said Professor Lyndon Mayhew of the Invented University of the Midlands. ‘It should terrify every Labour MP with a majority under 15,000.’

Professor Mayhew said the low turnout had helped the Reform Alliance, whose voters were ‘more motivated’ than Labour’s.

On the doorstep in Marshwood last week, voters spoke of frustration over the cost of living and the closure of a local hospital ward. ‘I voted Labour all my life,’ said Derek Holloway, a retired steelworker. ‘My dad would turn in his grave. But what have they done for us?’

Downing Street said the prime minister had congratulated Ms Keel. A No 10 spokesperson said Sir Alan remained ‘focused on delivering for people in every part of the country’.

Ms Keel is expected to take her seat in the Commons on Monday. Asked what her first priority would be, she said: ‘Getting that ward reopened. That’s what people voted for.’"""))

UK.append(dict(
title="Health secretary pledges to end ‘corridor care’ within two years",
date="2026-01-09", outlet="Invented National Gazette",
url="https://example.org/invented/uk/corridor-care",
text="""The Health Secretary, Dr Imran Qadir, has pledged to end the practice of treating patients in hospital corridors in England within two years, describing it as ‘a national disgrace’.

Speaking at a hospital in Leicester on Thursday, Dr Qadir said he had been ‘shocked’ by what he had seen on visits to emergency departments over the winter.

‘I have seen elderly patients lying on trolleys in corridors for a day and a half,’ he said. ‘I have seen nurses apologising to them because there is nowhere else to put them. That is not the fault of the staff. It is the fault of a system that has been allowed to fail.’

The government will spend £450m on expanding same-day emergency care units and creating 5,000 extra beds, he said, and will publish data on corridor care for every trust from April.

The Royal College of Emergency Nursing welcomed the commitment but questioned whether it could be met. Its president, Siobhan Gallagher, said the pledge was ‘ambitious, to put it kindly’.

‘We have heard promises like this before,’ Ms Gallagher said. ‘We will judge the government on what happens next winter, not what is said this winter.’

The shadow health secretary, Nicholas Pembury, said the announcement was ‘a sticking plaster’. He said the problem of corridor care was caused by delays in discharging patients into social care and that the government had ‘no plan’ to fix it.

Dr Qadir, a former GP, acknowledged that social care was part of the problem. ‘You can’t fix the front door of the hospital if the back door is jammed shut,’ he said. ‘We will set out our plans for social care in the spring.’

Patients’ groups described harrowing experiences. The Invented Patients’ Voice charity published testimony from more than 300 people who had been treated in corridors, including a woman who said she had been told by a doctor: “I’m sorry, this is the best we can do today.”

A spokesperson for NHS England said trusts were ‘working incredibly hard’ to reduce the use of temporary escalation spaces. ‘Corridor care is never acceptable as a long-term solution,’ the spokesperson said.

Labour MPs in marginal seats said the pledge would be welcomed by constituents. One said the issue came up ‘on every single doorstep’.

Asked what would happen if the target was missed, Dr Qadir was blunt: ‘Then I will have failed, and I will say so.’"""))

UK.append(dict(
title="Home secretary faces backbench revolt over protest curbs",
date="2026-05-13", outlet="Invented Evening Chronicle",
url="https://example.org/invented/uk/protest-curbs-revolt",
text="""The Home Secretary is facing a revolt by dozens of Labour MPs over plans to give police new powers to restrict repeat protests, with critics warning the measures would ‘criminalise peaceful dissent’.

More than 40 backbenchers have signed an amendment to the Public Order (Amendment) Bill that would strip out a clause allowing police to ban protests that cause ‘cumulative disruption’ to local communities.

‘These are powers the Conservatives would have loved to have,’ said Anneliese Grant, the Labour MP who tabled the amendment. ‘I didn’t come into politics to hand them to the police on a plate.’

Ms Grant, who was elected in 2024, said she had received hundreds of emails from constituents opposed to the clause. She said she had ‘nothing but respect’ for the Home Secretary but believed he was ‘wrong on this’.

Owen Pryce has defended the measures, arguing that residents of some areas have endured weekly protests for more than a year.

‘There is a balance to be struck between the right to protest and the right of people to go about their lives,’ Mr Pryce told the Commons on Tuesday. ‘At the moment that balance is wrong.’

He insisted the powers would be used ‘sparingly’ and only with the approval of a senior officer.

Civil liberties groups are not reassured. ‘Sparingly is not a legal standard,’ said Kwame Asante, director of the Invented Liberty Project. ‘Once a power exists, it gets used.’

Government whips are understood to be working to head off the rebellion. A senior Labour source said ministers were ‘in listening mode’ and might accept a compromise that would limit the clause to protests outside homes and places of worship.

Conservative frontbenchers said they would support the government. The shadow home secretary, Victoria Hale, said the bill did ‘not go far enough’, but added: ‘We will not stand in the way of measures that make communities safer.’

Some police chiefs have also expressed reservations. In evidence to the bill committee last month, the chief constable of one large force said officers were ‘already stretched’ and warned that the new powers could draw them into ‘endless legal challenges’.

Ms Grant said she hoped the government would accept her amendment rather than rely on opposition votes.

‘If this passes because the Tories vote for it, that tells you everything,’ she said.

The bill returns to the Commons for its report stage next Wednesday."""))

UK.append(dict(
title="Lords defeat government on assisted dying safeguards",
date="2026-12-01", outlet="Invented Morning Herald",
url="https://example.org/invented/uk/lords-assisted-dying",
text="""The House of Lords has inflicted a defeat on the government over safeguards in the assisted dying bill, voting by 241 to 198 to require a second independent doctor to assess every applicant.

Peers backed the amendment after an emotional debate lasting more than six hours. Baroness Whitlow of Cray, a former hospice doctor who tabled the change, said it would ‘close a gap through which vulnerable people could fall’.

‘I have sat with hundreds of dying patients,’ Lady Whitlow said. ‘Some of them, in their darkest hour, would have said yes to anything that ended their pain. A second opinion is not an obstacle. It is a duty of care.’

The government, which is neutral on the principle of the bill but responsible for its drafting, had argued that the existing safeguards were sufficient. The health minister in the Lords, Lord Ferrars, told peers the amendment would ‘add months of delay for people who may not have months’.

‘We must not make the process so burdensome that it becomes a right in name only,’ he said.

Supporters of the bill said the defeat was a setback but not a fatal one. The bill’s sponsor in the Commons, the Labour MP Josephine Carradine, said she was ‘disappointed’ and would consider whether to seek to overturn the amendment when the bill returned to MPs.

‘The Commons voted for this bill by a clear majority,’ Ms Carradine said. ‘I respect the Lords’ role as a revising chamber, but there is a limit.’

Opponents were jubilant. Lord Ambrose of Kettleby, a crossbench peer and former judge, said the vote showed that peers had ‘listened to the evidence rather than the slogans’.

‘Every serious study of these laws abroad shows that safeguards erode over time,’ Lord Ambrose said. ‘Today the House has made them a little stronger.’

Disability rights campaigners outside Parliament welcomed the vote. ‘We are not against choice,’ said Femi Adebayo of the Invented Disability Rights Alliance. ‘We are against a system that might push people towards choosing death because they can’t get the care to live.’

Campaigners in favour of the bill said they were frustrated. Dignity Choice, a campaign group, said the Lords had ‘put another hurdle in front of dying people’.

The bill will now return to the Commons. Government sources said they expected the process of ‘ping-pong’ between the two houses to continue into the new year.

Asked whether the Commons would accept the amendment, one senior MP said: ‘It depends on whether anyone can count the votes by February.’"""))

UK.append(dict(
title="Minister resigns over housing targets in scathing letter",
date="2026-08-28", outlet="Invented National Gazette",
url="https://example.org/invented/uk/minister-resigns-housing",
text="""The housing minister, Lucinda Bray, has resigned from the government in protest at what she called the ‘quiet abandonment’ of its target to build 1.5 million homes.

In a resignation letter to the prime minister published on Thursday evening, Ms Bray said she could ‘no longer defend in public a policy that I know in private is being dismantled’.

‘When I accepted this job, you told me that housing would be the defining mission of this government,’ she wrote. ‘I believed you. I still believe that it should be.

‘But over the past six months, decision after decision has been taken that makes the target harder to reach. The planning reforms have been watered down. The funding for social housing has been delayed. The new towns programme has been quietly shelved.

‘I cannot in good conscience remain in post while this happens.’

Sir Alan replied in a short letter thanking Ms Bray for her service. ‘I am sorry that you have chosen to leave,’ he wrote, ‘but I want to be clear that the government remains absolutely committed to the target.’

A Downing Street spokesman denied that the new towns programme had been shelved. ‘It is under review, as all programmes are,’ the spokesman said. ‘No decisions have been taken.’

Ms Bray, 42, was regarded as one of the government’s rising stars. She was appointed housing minister in the first reshuffle last year and had been tipped for promotion to the cabinet.

Her resignation is the third by a minister this year and comes amid growing tension between the Treasury and the Ministry of Housing over spending.

Labour MPs on the left of the party rallied to her side. ‘Lucinda has done the honourable thing,’ said Marcus Obi, the MP for Eastham North. ‘The question is whether the people who made her job impossible will do the same.’

The Conservatives said the resignation showed the government was ‘in chaos’. The shadow housing secretary, Philippa Gaunt, said ministers had ‘never had a credible plan’ to build 1.5 million homes.

Ms Bray told the BBC on Friday morning that she had not taken the decision lightly.

‘I love this party and I want this government to succeed,’ she said. ‘That is exactly why I could not stay quiet.’

Her replacement is expected to be announced on Friday afternoon."""))

UK.append(dict(
title="Leadership race: Crawley and Mbeki-Shaw make final pitch to members",
date="2026-09-02", outlet="Invented Daily Sentinel",
url="https://example.org/invented/uk/leadership-hustings",
text="""The two candidates vying to lead the Liberal Democrats made their final pitch to party members at a packed hustings in Bristol last night, with both promising to turn the party into ‘a genuine force for government’.

Oliver Crawley, the party’s deputy leader, told the audience that the Liberal Democrats had ‘earned the right to be taken seriously’ after winning more than 70 seats at the last election.

‘We are no longer a party of protest,’ Mr Crawley said. ‘We are a party that people trust to run their councils, and soon, I hope, a party they will trust to help run the country.’

His rival, the former treasury spokesperson Adaeze Mbeki-Shaw, struck a more radical tone. She said the party should not be ‘anyone’s junior partner’ and called for a referendum on rejoining the European single market.

‘I’m not interested in being a better version of somebody else,’ Ms Mbeki-Shaw said. ‘I want us to be the first version of ourselves.’

The contest has been largely good-natured, but tensions surfaced when the candidates were asked about the party’s record in coalition more than a decade ago.

Mr Crawley said the party had ‘learned hard lessons’ from that period. Ms Mbeki-Shaw, who was not an MP at the time, said the party should ‘stop apologising for the past and start arguing for the future’.

‘Every time we mention tuition fees, we lose,’ she said. ‘So let’s stop mentioning them.’

That remark drew a mixture of laughter and groans. One long-serving member in the audience was heard to mutter ‘easy for her to say’.

Party members have until next Thursday to vote. The result will be announced on September 14.

Both candidates have received high-profile endorsements. The former leader, Sir Gerald Penrose, has backed Mr Crawley, describing him as ‘steady, serious and ready’. Ms Mbeki-Shaw has the support of several younger MPs and the party’s youth wing.

‘Adaeze is the candidate who gets people excited,’ said Hannah Liu, the MP for Cheltenham West. ‘You can’t win elections if nobody is excited.’

A poll of members published last week by the Invented Party Pulse website put Mr Crawley narrowly ahead, with 52% to Ms Mbeki-Shaw’s 48%. The website’s editor said the race was ‘too close to call’.

Mr Crawley said he was not taking anything for granted. ‘I’ve been in this party for 25 years,’ he said. ‘I know better than to trust a poll.’"""))

UK.append(dict(
title="Foreign secretary urges restraint after border clashes",
date="2026-10-30", outlet="Invented Evening Chronicle",
url="https://example.org/invented/uk/foreign-secretary-restraint",
text="""The Foreign Secretary, Sir Geoffrey Linton, has urged both sides in the escalating border dispute between the republics of Velmora and Ostrakia to ‘step back from the brink’ after a second day of artillery exchanges.

Speaking in Brussels, where he was meeting European counterparts, Sir Geoffrey said the UK was ‘deeply concerned’ by reports of civilian casualties on both sides of the frontier.

‘There is no military solution to this dispute,’ he said. ‘The longer the shelling goes on, the harder it will be to find a political one.’

The Velmoran government has accused Ostrakian forces of firing first. Its ambassador in London, Dr Ivo Rastelli, told the BBC that his country was ‘exercising its right to self-defence’ and would ‘not be lectured by anyone’.

‘We did not start this,’ Dr Rastelli said. ‘But if they continue, we will finish it.’

Ostrakia’s foreign ministry rejected that account. In a statement, it said Velmoran troops had crossed the border ‘in flagrant violation of international law’ and called on the UN Security Council to meet urgently.

Sir Geoffrey said the UK would support a Security Council meeting but declined to apportion blame. Asked whether Britain would consider sanctions, he said it was ‘too early’ to discuss such measures.

‘Our priority today is to stop the fighting,’ he said. ‘Everything else can come later.’

Opposition MPs pressed the government to take a firmer line. The shadow foreign secretary, Amelia Strickland, said ministers should ‘make clear that aggression will have consequences’. She added that the government had been ‘too slow’ to respond to warnings of a military build-up.

The Foreign Office has advised against all travel to the border region and said about 300 British nationals were registered as living in the affected areas. A Foreign Office spokesperson said consular staff were ‘in contact with those who have asked for help’.

Aid agencies warned of a growing humanitarian crisis. ‘Tens of thousands of people have already fled their homes,’ said Marguerite Okonedo, regional director for the Invented Relief Federation. ‘They need shelter, water and medical care, and they need it now.’

Diplomats in Brussels said EU foreign ministers were expected to issue a joint statement later on Thursday. One senior European diplomat said the bloc was ‘united in calling for a ceasefire’ but divided over what to do if it was ignored.

Sir Geoffrey is due to travel to the region next week. Asked whether he expected the visit to go ahead, he told reporters: ‘That depends on the guns falling silent.’"""))
