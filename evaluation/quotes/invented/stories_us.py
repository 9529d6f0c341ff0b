# INVENTED news stories (US style). All people, offices, outlets and events are fictional.
US = []

US.append(dict(
title="Senate farm bill stalls as rural Democrats balk at subsidy cap",
date="2026-03-11", outlet="Invented Daily Courier",
url="https://example.org/invented/us/farm-bill-stalls",
text='''WASHINGTON — A sweeping farm bill stalled in the Senate on Tuesday after a bloc of rural Democrats refused to back a cap on crop insurance subsidies, leaving the measure short of the 60 votes it needs to advance.

"We are not going to balance the budget on the backs of family farmers," Sen. Marian Okafor, D-Ohio, said after the vote. "Not this year, not any year."

Okafor, 61, has spent weeks lobbying colleagues against the cap, which she called "a slow-motion foreclosure notice" for small operations in her state.

The bill's chief Republican sponsor, Sen. Dale Prewitt of Kansas, said the cap was the price of getting conservative votes and warned that the chamber would not get another chance before the planting season.

"I have bent over backwards," Prewitt told reporters in the Capitol. "If my friends on the other side want to walk away from $40 billion in disaster aid over a rounding error, that's their call."

Senate aides said negotiators would meet again Wednesday morning. Two officials familiar with the talks said the White House had privately signaled it could accept a higher cap, though neither would say how much higher.

The dispute has exposed a rift inside the Democratic caucus. Sen. Luis Harrow, D-Colo., who voted to advance the bill, said the holdouts were "letting the perfect be the enemy of the good."

"People back home don't care about the subsidy formula," Harrow said. "They care about whether the check shows up."

Farm groups were split. The National Grain Growers Alliance, a trade group, said in a statement that the cap "would fall hardest on the very producers Congress claims to protect." A rival coalition of conservation groups praised it as "overdue."

Okafor dismissed suggestions that she was grandstanding ahead of her own re-election campaign.

"This isn't about me," she said. "Go to Defiance County and ask the people who lost their soybean crop last August whether this is about me."

According to a Congressional Budget Office estimate released last month, the cap would save about $6.2 billion over a decade.

Prewitt said he was open to changing the phase-in schedule but would not drop the cap entirely. Asked whether he would bring the bill back to the floor this week, the senator shrugged.

"Ask me tomorrow," he said.

The so-called "farm cliff" — the expiration of several commodity programs at the end of the month — looms over the talks. Without an extension, aides said, some dairy payments could revert to formulas written in the 1940s.

Harrow, for his part, wrote on X late Tuesday that he remained "cautiously hopeful" a deal could be reached by Friday.'''))

US.append(dict(
title="Governor unveils $58 billion budget, vows no new taxes",
date="2026-01-14", outlet="Invented Capitol Ledger",
url="https://example.org/invented/us/governor-budget",
text='''SPRINGVALE — Gov. Ellen Vasquez-Hart on Wednesday proposed a $58 billion state budget that she said would expand pre-kindergarten to every county without raising income or sales taxes.

The Democratic governor, 49, laid out the plan in her annual address to a joint session of the legislature, which Republicans narrowly control.

"For too long, we have told young families to wait," Vasquez-Hart said. "Wait for the economy to recover. Wait for the surplus. Wait for the next governor.

"I am done asking them to wait. The money is there, the classrooms are there, and the teachers are ready."

Republican leaders were unimpressed. House Speaker Warren Tolliver said the numbers "don't add up" and accused the governor of relying on one-time federal funds to pay for permanent programs.

"It's a campaign speech dressed up as a budget," Tolliver said in an interview after the address. "Every household in this state knows you can't pay your mortgage with a gift card."

The governor's budget director, Priya Sandoval, told reporters that the pre-K expansion would cost about $410 million in its first year and would be paid for largely by savings from a prison consolidation plan. Sandoval said the state had closed two facilities since 2024 and could close a third by 2028.

That claim drew a sharp response from the corrections officers' union. "Nobody from the governor's office has talked to us about closing a third prison," said Dwayne Patchett, the union's president. "Not once."

Vasquez-Hart also called for a 3% raise for state employees and a new $75 million fund for rural hospitals. Asked about the union's objections, she said the administration would "sit down with anyone" before any decision was made.

"Nothing in this budget is a surprise to people who have been paying attention," she said.

Senate Majority Leader Corinne Abbott, a Republican, struck a more conciliatory tone than Tolliver. She said she agreed with the governor that early education was a priority but wanted to see detailed cost estimates.

"I'm not going to say no to something I haven't read," Abbott said. "But I'm also not going to say yes to a press release."

According to the Legislative Fiscal Office, the state ended the last fiscal year with a surplus of $1.9 billion, the smallest in five years. Analysts at the office warned in a December report that revenue growth was slowing and that the state's rainy-day fund should not be tapped for recurring costs.

The legislature has until June 30 to pass a budget. Last year's negotiations ran three days past the deadline, forcing a brief shutdown of state parks.

"We will get it done on time," Tolliver said. "Whether it looks anything like what we heard today is another question."'''))

US.append(dict(
title="Transcript: Rep. Tom Halvorsen on the border deal and his party's future",
date="2026-02-08", outlet="Invented Sunday Forum",
url="https://example.org/invented/us/halvorsen-transcript",
text='''The following is a transcript of an interview with Rep. Tom Halvorsen (R-Idaho), chairman of the House Homeland Security subcommittee on border operations, that aired Sunday. It has been lightly edited for clarity.

MARLOWE: Congressman, thanks for being here. Let's start with the deal. Will you vote for it?

HALVORSEN: Not in its current form, Dana. I've read all 212 pages, and there is nothing in there that actually changes what happens at the port of entry on a Tuesday night.

MARLOWE: The Senate negotiators say it funds 1,500 new officers. That's not nothing.

HALVORSEN: It's not nothing. But it's money without a mandate. You can hire all the officers you want, and if the asylum standard doesn't change, they're going to be processing people, not stopping people.

MARLOWE: Your own party's leader in the Senate has endorsed it. Sen. Roberta Kinney said on Friday that Republicans who oppose it are "making the perfect the enemy of the possible." Is she wrong?

HALVORSEN: I respect Roberta enormously. I think on this one she's wrong. And I think if you talk to the sheriffs in my district, they'll tell you she's wrong.

MARLOWE: Let me ask you about your future. There's been reporting that you're considering a run for governor in 2028.

HALVORSEN: I'm focused on my job. I'll say that.

MARLOWE: That's not a no.

HALVORSEN: It's not a yes either.

Halvorsen, 52, was first elected in 2018 and has become one of the most visible critics of the bipartisan border package negotiated by Kinney and Sen. Arturo Velez, D-Ariz. The package would add immigration judges, expand detention capacity and give the president new authority to close the border when crossings exceed a daily average.

Velez, in a separate appearance on the same program, defended the emergency authority as "a real tool, not a talking point."

"My colleague from Idaho keeps saying it changes nothing," Velez said. "It changes the law. It gives this president and the next one a switch they don't have today."

Asked whether the bill could pass the House, Velez acknowledged that it faced "a very steep hill" and said he had spoken with House leaders twice in the past week.

House Speaker Gordon Ashby has not said whether he will bring the bill to the floor. A spokeswoman for Ashby said only that the speaker was "reviewing the text with members."

Outside groups were already spending against the package. A super PAC aligned with Halvorsen began running digital ads Saturday calling it an "amnesty in disguise," a charge the bill's authors reject.

Kinney responded to the ads on X. "Read the bill," she wrote. "There is no amnesty in it. None."

In the interview, Halvorsen also criticized the pace of construction on border barriers, saying that fewer than 20 miles had been added in the past year. According to Customs and Border Protection figures, 18.4 miles of new barrier were completed in fiscal 2025.

MARLOWE: Last question. If the bill fails, what happens?

HALVORSEN: Then we write a better one. That's the job.'''))

US.append(dict(
title="Reyes campaign accuses rival of 'dark money' blitz in Senate primary",
date="2026-05-02", outlet="Invented Politics Wire",
url="https://example.org/invented/us/reyes-dark-money",
text='''The Democratic Senate primary in North Carolina turned sharply negative on Friday as the campaign of state Treasurer Camila Reyes accused her main rival of benefiting from a $7 million outside spending blitz funded by undisclosed donors.

"Voters deserve to know who is paying for these ads," campaign spokesman Tim Ruiz said in a statement. "Right now, they don't, and Mr. Whitfield seems perfectly happy with that."

The ads, paid for by a group calling itself Carolina Forward Together, have blanketed television markets in Charlotte and Raleigh for two weeks. They praise former Lt. Gov. Bennett Whitfield's record on teachers' pay and attack Reyes over a pension fund investment that lost money in 2023.

Whitfield, 67, said he had no connection to the group and could not control what it spent.

"I've never met these people, I've never talked to these people, and I'd ask them to stop," Whitfield told reporters at a diner in Greensboro. He added that he would "welcome" a joint pledge to reject outside money, an offer the Reyes campaign quickly called "a stunt."

Ruiz said the campaign had proposed such a pledge in January and had never received a response.

Reyes herself weighed in later in the day. "Bennett says he wants them to stop," she wrote on X. "He can make them stop with one phone call. Let's see if he makes it."

Federal filings show Carolina Forward Together registered as a nonprofit social welfare organization in February, which allows it to withhold the names of its donors. Its treasurer, listed as Harlan Moody of Cary, did not respond to requests for comment.

The primary is one of several in which party leaders have stayed neutral. Rep. Denise Oyelaran (D-N.C.), who has not endorsed, said the tone of the race worried her.

"We're going to need everybody in November," Oyelaran said. "Every dollar these two spend tearing each other down is a dollar that isn't going into turnout."

A poll released Thursday by the Invented Piedmont Research Institute showed Whitfield leading Reyes 38% to 31%, with 24% undecided. The poll's director, Alma Gutierrez, said the undecided share was unusually high for a race this close to election day.

"People are tuning in late," Gutierrez said. "That's exactly when a big ad buy can move numbers."

Whitfield's campaign manager, Josh Pennington, accused Reyes of hypocrisy, noting that a labor-backed super PAC had spent $1.2 million supporting her last month.

"Camila's friends have been on the air for weeks," Pennington said. "The difference is she likes those ads."

The Reyes campaign said the labor group discloses its donors and that the comparison was "apples and hand grenades."

Early voting begins May 14. The winner will face Republican Sen. Harold Greer, who is seeking a third term.'''))

US.append(dict(
title="Leaked memo shows Pentagon weighed cutting Guard training funds",
date="2026-04-19", outlet="Invented Washington Dispatch",
url="https://example.org/invented/us/pentagon-guard-memo",
text='''Senior Pentagon officials considered cutting National Guard training budgets by as much as 12% next year to cover cost overruns on a new satellite program, according to an internal memo obtained by the Invented Washington Dispatch.

The six-page memo, dated March 3 and marked "pre-decisional," lays out three options for closing a $2.3 billion gap. The most aggressive would reduce weekend drill funding for Guard units in 31 states.

According to the memo, the cuts would "degrade readiness in the near term" but could be reversed in fiscal 2028 "if the program stabilizes."

Defense officials said Thursday that no decision had been made. "This is one of dozens of planning documents that circulate every budget cycle," said Lt. Col. Andrea Whitlock, a Pentagon spokeswoman. "It does not reflect the secretary's position."

But the memo alarmed lawmakers from both parties. Sen. Frank Osterhaus, R-Neb., who sits on the Armed Services Committee, said he had called the deputy secretary to demand an explanation.

"The Guard is not a piggy bank," Osterhaus said. "If the satellite people blew their budget, the satellite people can find the money."

Rep. Lena Marchetti (D-Vt.) said she would offer an amendment to the annual defense bill barring any transfer of Guard training funds without congressional approval. Marchetti, a former Guard officer, said weekend drills were "the only time a lot of these units train together at all."

"You cut that, and you're not saving money," she said. "You're just moving the cost to the day something goes wrong."

Two officials familiar with the deliberations, who spoke on the condition of anonymity to discuss internal matters, said the option had been raised by budget analysts and had not been endorsed by any senior leader. One of the officials said the satellite program's overruns were "real and getting worse."

The memo itself is blunt. The author, whose name is redacted, writes that the program "has not met a single schedule milestone since 2024" and recommends that its managers be "held to account."

The National Guard Association, an advocacy group, said in a statement that it was "deeply concerned" and urged the Pentagon to rule out the cuts publicly.

Experts said the episode reflected a broader squeeze. Defense budgets have grown modestly in recent years, but analysts say personnel and maintenance costs are rising faster.

"Every service is robbing Peter to pay Paul right now," said Miriam Castellanos, a defense budget analyst at the Invented Center for Strategic Budgeting. "The Guard just has fewer lobbyists than the space programs."

Whitlock said the department would submit its final budget request to Congress in June.'''))

US.append(dict(
title="In Harbor City mayor's race, a veteran pollster sees a 'realignment'",
date="2026-09-27", outlet="Invented Harbor Times",
url="https://example.org/invented/us/harbor-city-mayor",
text='''HARBOR CITY — With five weeks to go before the mayoral election, Councilwoman Grace Adeyemi holds a lead that few people in City Hall expected when she entered the race last winter.

"What you're seeing is a realignment, not a blip," said Brannigan, the longtime Democratic pollster who has advised four of the city's last six mayors. "The waterfront neighborhoods used to vote as a bloc. They don't anymore."

Lou Brannigan, 71, said his latest survey, conducted for a business group, showed Adeyemi at 44% and her opponent, former police commissioner Raymond Kuczynski, at 36%.

Kuczynski disputed the numbers. "I've seen a lot of polls in my life, and I've seen a lot of them be wrong," he said at a campaign stop in the Eastgate neighborhood. "The only poll I care about is Nov. 3."

The race has centered on public safety and housing. Kuczynski, a Republican running in a nominally nonpartisan contest, has promised to add 300 officers within two years. Adeyemi has proposed a new housing authority that she says would build 5,000 affordable units by 2032.

"You can't arrest your way out of a rent crisis," Adeyemi told a crowd of about 200 supporters at a union hall on Saturday. "And you can't build your way out of a crime wave. I understand that. My opponent only understands half of it."

Kuczynski's campaign called the remark "a cheap shot."

Adeyemi, 45, a former public defender, won her council seat in 2019 by fewer than 400 votes. Since then she has built a reputation as a dogged negotiator, brokering a 2023 deal with the city's transit union that ended a three-day strike.

"She's the person who stays in the room after everybody else goes home," said Councilman Harold Imbrie, who has endorsed her. "That's not flashy, but it gets things done."

Not everyone is convinced. The Harbor City Chamber of Commerce has stayed neutral, and its president, Sheila Navarro, said members were worried about the cost of Adeyemi's housing plan.

"Nobody's against affordable housing," Navarro said. "People want to know who pays for it."

Adeyemi's campaign said the housing authority would be financed through bonds and a fee on vacant commercial properties.

The city's outgoing mayor, Peter Lindqvist, has not endorsed a successor. Asked about the race last week, Lindqvist said both candidates were "serious people" and that he would decide "when I decide."

Brannigan said turnout would be the decisive factor. "If it's under 30%, Ray can win," said Brannigan. "If it's over 40%, it's not close."

In 2022, turnout in the mayoral race was 33%.'''))

US.append(dict(
title="Attorney general sues drugmakers over insulin pricing",
date="2026-06-03", outlet="Invented Daily Courier",
url="https://example.org/invented/us/ag-insulin-suit",
text='''State Attorney General Marcus Delacroix sued three pharmaceutical companies on Tuesday, accusing them of conspiring to inflate the list price of insulin and costing the state's Medicaid program more than $300 million over a decade.

The 94-page complaint, filed in state court, alleges that the companies raised prices "in lockstep" while quietly paying larger rebates to pharmacy benefit managers in exchange for favorable placement on drug formularies.

"This is not a free market," Delacroix, a Democrat, said at a news conference in the capital. "This is a rigged one, and patients have been paying the rigging fee at the pharmacy counter."

According to the complaint, list prices for the most common long-acting insulins rose by more than 400% between 2012 and 2022, even as the companies' net revenue per vial remained roughly flat.

The companies named in the suit, which include two of the world's largest insulin makers, did not immediately respond to requests for comment. A trade group representing drug manufacturers, the Invented Pharmaceutical Innovation Council, said in a statement that the lawsuit "misunderstands how drug pricing works" and blamed middlemen for high out-of-pocket costs.

"Manufacturers have cut list prices dramatically in the last three years," the statement said. "The attorney general is suing over a market that no longer exists."

Delacroix, 56, has made health care costs a centerpiece of his tenure. Last year, he reached a $48 million settlement with a pharmacy chain over opioid dispensing practices.

Patient advocates welcomed the suit. Renata Voss, whose 19-year-old son was hospitalized in 2021 after rationing insulin, appeared alongside the attorney general.

"My son did everything right," Voss said, her voice breaking. "He had a job. He had insurance. And he still couldn't afford to stay alive."

The suit seeks restitution for the Medicaid program and civil penalties of up to $10,000 per violation of the state's consumer protection law.

Legal experts said the case could take years. Harriet Lindgren, a professor of health law at the Invented State University College of Law, said similar suits in other states had produced mixed results.

"The theory is plausible, but proving an actual agreement between competitors is hard," Lindgren said. "Parallel pricing by itself is not illegal."

Delacroix acknowledged the difficulty. He said his office had obtained internal documents through a two-year investigation that he believed showed coordination, but declined to describe them.

"We wouldn't have filed if we didn't think we could win," he said.

Republican legislative leaders were muted. Senate Minority Leader Ross Kettering said he supported "holding bad actors accountable" but questioned whether the suit was timed to help Delacroix's expected campaign for governor.'''))

US.append(dict(
title="Shutdown deadline nears as talks on spending deal falter",
date="2026-09-29", outlet="Invented Washington Dispatch",
url="https://example.org/invented/us/shutdown-deadline",
text='''WASHINGTON — Congressional negotiators left the Capitol late Monday without a deal to keep the government funded past Wednesday, raising the prospect of the first federal shutdown in three years.

The sticking point, according to aides in both parties, is a Republican demand to attach new restrictions on federal telework to a short-term spending bill.

Senate Majority Leader Harriet Quinlan (R-Ky.) said she remained optimistic but warned that time was running out.

"We are close on the numbers," Quinlan said. "We are not close on the policy riders, and I'm not going to pretend otherwise."

The senator, who has brokered two previous stopgap bills, said she had spoken with the White House chief of staff twice on Monday. She declined to say what had been discussed.

Democrats accused Republicans of moving the goal posts. Senate Minority Leader Paul Desrosiers (D-Minn.) said the telework provision had not been part of the framework the two sides agreed to last week.

"You don't get to agree to a deal on Thursday and then rewrite it on Monday," Desrosiers told reporters outside his office. "That's not negotiating. That's hostage-taking."

He later softened his tone, saying Democrats were "willing to talk about anything" as long as the final bill kept funding at current levels.

In the House, Speaker Gordon Ashby faces pressure from conservatives who want deeper cuts. Rep. Kyle Brandstetter, R-Texas, the chairman of a conservative caucus, said his members would not vote for a "clean" extension.

"We've done clean. Clean got us a $2 trillion deficit," Brandstetter said. "We want something for our vote this time."

Ashby's office said the speaker was in contact with Senate leaders and would "do what it takes to keep the lights on." A senior Republican aide said Ashby was preparing a backup plan that could pass with Democratic votes if the conservatives balked.

The Office of Management and Budget has begun notifying agencies to prepare for a lapse in funding. According to an OMB memo sent Monday afternoon, agencies must submit updated shutdown plans by noon Tuesday.

Federal workers' unions said members were anxious. "People remember 2023," said Tamika Ross, president of a union local representing 4,000 employees at the Social Security Administration. "They remember missing a paycheck. You don't forget that."

Economists said a short shutdown would have a limited effect on growth but could rattle markets already nervous about interest rates. A longer one, they said, could shave as much as a tenth of a percentage point off quarterly growth for every week it lasted.

Quinlan said she expected to bring a bill to the floor by Wednesday morning, with or without a deal.

"The American people don't care whose fault it is," the senator said. "They care whether the parks are open and the checks go out."'''))

US.append(dict(
title="Debate night: five moments that could shape the governor's race",
date="2026-10-15", outlet="Invented Politics Wire",
url="https://example.org/invented/us/debate-five-moments",
text='''The two candidates for governor met Tuesday night for their only televised debate, a 90-minute exchange that touched on abortion, property taxes and a long-running feud over a shuttered steel plant. Here are five moments that stood out.

1. The opening jab

State Sen. Yvonne Castellano, the Democratic nominee, wasted no time. "My opponent has been running for this job for eight years," she said in her opening statement. "I've been doing a job for eight years."

Her Republican rival, businessman Cole Ridgeway, smiled and shot back that he had "signed the front of a paycheck, not just the back."

2. The steel plant

The closing of the Millbrook Steel works in 2024, which cost 1,100 jobs, has dogged Ridgeway, whose investment firm held a stake in the plant's parent company.

"I didn't close that plant. The market closed that plant," Ridgeway said. "And I'll tell you what I did afterward: I helped 300 of those workers find new jobs."

Castellano called that figure "fiction" and said the firm had walked away with millions.

3. Abortion

Asked whether he would sign a six-week abortion ban if the legislature passed one, Ridgeway paused for several seconds.

"I'm not going to deal in hypotheticals," he said, drawing groans from part of the audience.

Castellano pounced. "That's not a hypothetical. That's a bill that is sitting in committee right now," she said. "Voters deserve a yes or a no."

4. Property taxes

Both candidates promised relief. Ridgeway proposed capping annual assessments at 3%; Castellano pledged to double the homestead exemption. Each called the other's plan "unaffordable."

Ridgeway said Castellano had voted for 14 tax increases in the Senate, a figure her campaign disputes. Fact-checkers at several outlets have put the number at four.

5. The handshake that wasn't

At the end of the night, moderator Ben Achterberg asked the candidates to shake hands. Castellano extended hers; Ridgeway, who had turned to his notes, appeared not to notice.

His campaign said afterward that the moment had been "blown out of proportion." Campaign spokeswoman Lacey Dunmore said Ridgeway had shaken Castellano's hand "warmly" backstage before the broadcast.

Castellano's campaign manager, Omar Teller, said the debate had gone "exactly the way we hoped."

"She was the only person on that stage who answered the questions," Teller said. "He was running out the clock."

The candidates return to the trail Wednesday. Early voting begins Oct. 20, and a poll released last week by the Invented Lakeshore College Poll showed the race within the margin of error.

Political analysts said the debate was unlikely to change many minds. "These are two very well-defined candidates," said Ferris Oduya, a political scientist at the college. "If you were undecided going in, you probably still are."'''))

US.append(dict(
title="Freshman lawmakers pen open letter urging vote on housing bill",
date="2026-07-22", outlet="Invented Capitol Ledger",
url="https://example.org/invented/us/freshman-housing-letter",
text='''A group of 23 first-term House members from both parties sent a letter to House leaders on Tuesday demanding a floor vote on a bipartisan housing bill that has been stuck in committee since March.

The bill, known as the Starter Homes Act, would offer tax credits to developers who build homes priced below the median in their county and would streamline federal permitting for small multifamily projects.

"We came to Washington to fix things, and housing is broken," the letter reads. "Our constituents do not care which party gets credit. They care whether their kids can afford to live in the towns where they grew up."

The letter was organized by Rep. Carla Mendes (D-N.M.) and Rep. Jonah Whitaker (R-Ohio), who introduced the bill together. In an interview, Mendes said she had collected signatures over two weeks, mostly by buttonholing colleagues on the House floor.

"It was a lot of standing around near the elevators," Mendes, 38, said with a laugh.

Whitaker said the bill had enough support to pass if leadership allowed a vote. He noted that it had 214 co-sponsors, just short of a majority of the House.

"Nobody wants to be the person who killed a housing bill in an election year," Whitaker said. "So let's find out who that person is."

Leaders of the Financial Services Committee have said they want changes to the tax credit before the bill moves. A committee spokesman said the chairman "supports the goals of the legislation" and was working with its sponsors.

The letter closes with a direct appeal:

"We ask you to give this bill the vote it has earned. If it fails, it fails in the open."

— Rep. Carla Mendes (D-N.M.) and Rep. Jonah Whitaker (R-Ohio), on behalf of 21 colleagues

Housing advocates said the bill would help but would not solve the shortage on its own. According to the Invented Housing Supply Project, the country is short about 3.8 million homes.

"This is a good bill and a small bill," said Delia Forsythe, the project's director. "We need it, and we need 10 more like it."

A pull quote circulated by the sponsors on social media summed up their pitch:

"Build the homes. Take the credit. Split it if you have to."
— Rep. Jonah Whitaker

Some conservatives have criticized the tax credit as a giveaway to developers. Rep. Lyle Hammond (R-Okla.) said the bill would "subsidize people who are already making money" and argued that local zoning rules, not federal incentives, were the real obstacle.

Mendes said she agreed that zoning was part of the problem. "Fine, let's do zoning next," she said. "But let's do this first."'''))

US.append(dict(
title="Transportation secretary touts bridge repairs, but states say money is slow",
date="2026-08-06", outlet="Invented Daily Courier",
url="https://example.org/invented/us/bridge-repairs",
text='''Transportation Secretary Naomi Fairbanks said Wednesday that more than 4,000 bridges had been repaired or replaced under the federal infrastructure law, calling the program one of the most successful public works efforts in decades.

Speaking at a newly rebuilt span over the Cumberland River, Fairbanks said the department had obligated 71% of the law's bridge money and expected to reach 90% by the end of next year. She added that construction costs had stabilized after two years of steep increases.

"When people drive over this bridge, they won't think about the infrastructure law," she said. "They'll just think the bridge is fine. That's the point."

But state transportation officials said the pace of reimbursement had been uneven. Warren Dukes, the director of the Tennessee Valley Regional Transportation Authority, said his agency had waited as long as 11 months for federal payments on some projects.

Dukes said the delays forced the authority to borrow money to keep contractors on schedule. He estimated the interest costs at about $2 million.

The American Association of State Highway Officials, a trade group, said in a report released Tuesday that paperwork requirements had grown since the law passed. The report said that the average federal review for a bridge project now took 14 months, up from nine in 2022.

Fairbanks acknowledged the complaints and said the department was hiring more reviewers. She said a new online portal would cut processing time by a third.

"I hear it from governors in both parties," Fairbanks said. "They want the money faster. So do I."

Republicans in Congress have seized on the delays. Rep. Howard Stengel, R-Ind., the top Republican on a House transportation subcommittee, said the administration had "prioritized ribbon cuttings over results."

Stengel said he would hold a hearing next month on the reimbursement backlog and would invite state officials to testify.

Some analysts said the law's spending was beginning to show up in data. According to the Federal Highway Administration, the share of bridges rated in poor condition fell to 6.2% last year, the lowest on record.

Kendra Olufemi, a senior fellow at the Invented Institute for Public Works, said that decline had begun before the law passed but had accelerated since.

"It's real progress," Olufemi said. "It's also slower than the press releases suggest."

Fairbanks, 58, is a former mayor of a mid-sized Midwestern city and has made frequent trips to swing states this year. Asked whether the tour was political, she said she had visited "red states and blue states and purple states" and would keep doing so.

The secretary ended her remarks by walking across the bridge with local officials. Asked by a reporter whether she was nervous, she laughed.

"Not at all," she said. "I've read the inspection report."'''))

US.append(dict(
title="Immigration judges warn of backlog at tense Senate hearing",
date="2026-03-25", outlet="Invented Washington Dispatch",
url="https://example.org/invented/us/immigration-judges-hearing",
text='''WASHINGTON — The head of the union representing the nation's immigration judges told senators on Tuesday that the court system was "on the verge of collapse," as lawmakers clashed over how to address a backlog that now exceeds 3.9 million cases.

Judge Rosalind Achebe, president of the Invented Association of Immigration Judges, testified that the average judge carries more than 4,000 pending cases. She put the problem plainly: "We are being asked to do the impossible, and then we are blamed when it doesn't get done."

The hearing, before the Senate Judiciary subcommittee on immigration, quickly turned partisan. Sen. Gavin Lockhart, R-Mont., blamed the administration's policies for encouraging new arrivals.

"You can hire a thousand new judges, and if the front door is wide open, you will have four million cases next year instead of three million," Lockhart said.

Sen. Beatriz Molina, D-Nev., the subcommittee chairwoman, countered that Congress had failed for years to fund the courts adequately. Her message to colleagues was blunt: "We built this backlog. We can unbuild it."

Molina said she would introduce legislation to add 500 judges over five years. She said the bill would also create a new corps of law clerks to help judges manage their dockets.

Achebe said the additional judges would help but urged senators to consider structural changes, including moving the courts out of the Justice Department.

"As long as the courts sit inside a prosecuting agency, there will be questions about our independence," she said. "That is not a partisan point. Judges appointed under every administration have made it."

Lockhart questioned whether an independent court would be more efficient. He said he worried that it would "create a new bureaucracy with no accountability to anyone."

The Justice Department did not send a witness. A department spokesperson said in a written statement that the agency had hired a record number of judges in the last two years and was "committed to reducing the backlog while protecting due process."

Advocates for immigrants, who filled much of the hearing room, said delays were hurting people with strong asylum claims. One of them, Teodoro Rivas, said he had waited six years for a hearing date.

"I have a job, I pay taxes, my kids go to school here," Rivas, 41, said after the hearing. "I just want a judge to hear my case. That's all."

Republicans on the panel also pressed Achebe on the rate at which people fail to appear for hearings. Sen. Lockhart said more than a third of cases ended in orders issued in absentia, a figure Achebe called "misleading" because it included cases where notices were sent to wrong addresses.

Molina closed the hearing by thanking the witnesses. The senator said she hoped to mark up the bill before the August recess.'''))

US.append(dict(
title="Election officials push back on claims of voting machine glitches",
date="2026-11-04", outlet="Invented Politics Wire",
url="https://example.org/invented/us/election-officials-pushback",
text='''Election officials in three counties pushed back on Tuesday against social media claims that voting machines had flipped votes, saying the reports stemmed from a handful of printer jams that were quickly fixed.

"Nothing was flipped. Nothing was lost. Every ballot is accounted for," Maricela Duarte, the elections director in Pinewood County, wrote on X shortly after noon. "If you have a concern, call our office. Don't share a video you haven't verified."

The claims began circulating early Tuesday after a video showed a poll worker struggling with a machine at a church in the county seat. By midmorning the clip had been viewed more than 2 million times.

Duarte said the machine's printer had jammed and the voter had been given a new ballot. She said the machine was replaced within 20 minutes.

Among those who shared the video was state Rep. Garrett Pohl, a Republican who is running for secretary of state. "Something is wrong in Pinewood County," Pohl posted. "We need answers NOW."

Pohl later deleted the post. Asked about it, his campaign said he had "raised a legitimate question" and was "satisfied with the county's explanation for now."

In neighboring Ashford County, officials said two polling places had opened late because of a power outage. A judge ordered both to stay open an extra hour.

The state's top election official, Secretary of State Lorraine Beckwith, a Democrat, said at an afternoon news conference that turnout was on pace to exceed 2022 levels and that she had seen "no evidence of any systemic problem."

"Every election has glitches," Beckwith said. "What matters is that they're caught and fixed, and they were."

She added that paper records would allow any disputed result to be audited by hand.

Election security experts said false claims of fraud had become a routine feature of election days. "It's the new normal, unfortunately," said Anil Ramaswamy, who studies election misinformation at the Invented Civic Data Lab. "A single video with no context can travel farther than any correction."

Ramaswamy said the speed of the county's response had probably limited the damage. "They got the facts out within an hour," he said. "That used to take a day."

In a statement Tuesday evening, the state Republican Party said it would deploy "election integrity observers" to every county for the canvass. The state Democratic Party called that plan "intimidation dressed up as oversight."

Duarte, 44, has run elections in Pinewood County since 2017. She said her staff had received threatening messages after the video spread.

"My people are volunteers and public servants," she said. "They are somebody's neighbors. They deserve better than this."

Officials said unofficial results would be posted by midnight.'''))

US.append(dict(
title="Longtime congresswoman announces she will not seek re-election",
date="2026-02-27", outlet="Invented Harbor Times",
url="https://example.org/invented/us/congresswoman-retires",
text='''Rep. Evelyn Marbury, a Democrat who has represented the city's northern suburbs for 26 years, announced Friday that she would not run for re-election, ending a career that made her one of the most senior women in the House.

Marbury, 78, made the announcement in a statement and later at a news conference at the community center where she launched her first campaign in 1998.

"When I first ran, people told me a Black woman from a working-class neighborhood couldn't win this seat," she said in the statement. "They said it in the papers and they said it to my face.

"I won anyway, and I've won 13 times since. But every season has its end, and I have decided that this is the right time for me to step aside and let a new generation lead.

"I am not retiring from the fight. I am only retiring from Congress."

At the news conference, Marbury grew emotional as she thanked her late husband, Clarence, and her staff, several of whom have worked for her for more than two decades.

"These people have given their lives to this job," she said, gesturing to a row of aides. "Whatever I got credit for, they did."

Marbury rose to become the senior Democrat on the House Appropriations subcommittee that funds health and education programs. Colleagues credited her with securing money for community health centers and for a program that helps low-income students pay for college entrance exams.

House Minority Leader Victor Castellanos called her "a legend" in a statement and said the House would be "poorer without her voice."

Rep. Samuel Oyewole, a fellow Democrat who represents a neighboring district, said he first met Marbury as a teenager when she visited his high school. "She told us that Congress was a place for people like us," Oyewole said. "I didn't believe her. Now I sit three seats away from her."

Her departure sets up what is expected to be a crowded primary. At least four Democrats are considering a run, according to party officials, including a state senator and a former deputy mayor.

Asked whether she would endorse a successor, Marbury said she would "let the voters do their work first."

She also took a parting shot at the current state of politics. "We have too many people in Washington who want to be famous and not enough who want to be useful," she said. "Be useful. That's my advice."

Marbury said she planned to spend more time with her four grandchildren and to teach a course on legislative politics at a local university next year.'''))
