"""Writes opposites.jsonl: one-word swaps of opposite meaning, each way round, with the
unswapped claim as a control. Invented by claimcheck's developers (no benchmark item), so
rules may be designed on it. Run from this folder: python3 make_opposites.py"""
import json
# (frame, a, b): primary uses a; claim uses b. Frames hold {w}.
V = [  # past-tense verbs in "X {w} Y" frames
 ("The company {w} its prices in March, the finance director told reporters on Monday.", "The company {w} its prices in March.",
  [("raised","cut"),("raised","lowered"),("increased","reduced"),("increased","slashed"),("boosted","cut"),("hiked","cut")]),
 ("Officials said the programme {w} the local economy over the past decade.", "The programme {w} the local economy over the past decade, officials said.",
  [("helped","harmed"),("helped","hurt"),("strengthened","weakened"),("boosted","damaged"),("improved","worsened"),("benefited","hurt")]),
 ("The town's population {w} sharply after the mine opened in 1990.", "The town's population {w} sharply after the mine opened in 1990.",
  [("grew","shrank"),("rose","fell"),("increased","declined"),("expanded","contracted"),("soared","plunged"),("climbed","dropped")]),
 ("Three of the passengers {w} the crash, according to the police report.", "Three passengers {w} the crash, the police report said.",
  [("survived","died in"),("escaped","died in")]),
 ("The board {w} the merger proposal at its meeting last week.", "At its meeting last week the board {w} the merger proposal.",
  [("approved","rejected"),("accepted","rejected"),("backed","opposed"),("supported","opposed"),("endorsed","rejected"),("welcomed","rejected")]),
 ("The government {w} the restrictions on foreign investment in 2019.", "In 2019 the government {w} restrictions on foreign investment.",
  [("lifted","imposed"),("eased","tightened"),("relaxed","tightened"),("removed","introduced"),("scrapped","introduced")]),
 ("The team {w} the final match against Spain on Sunday.", "On Sunday the team {w} the final match against Spain.",
  [("won","lost")]),
 ("The factory {w} two hundred workers last year, the union said.", "The factory {w} two hundred workers last year, according to the union.",
  [("hired","fired"),("hired","laid off"),("recruited","dismissed"),("employed","sacked")]),
 ("The country {w} more grain than ever before in 2020.", "In 2020 the country {w} more grain than ever before.",
  [("exported","imported"),("sold","bought"),("produced","consumed")]),
 ("The senator {w} the new law during the debate.", "During the debate the senator {w} the new law.",
  [("defended","attacked"),("praised","criticised"),("supported","condemned"),("praised","denounced")]),
 ("The bank {w} interest rates by half a point on Thursday.", "On Thursday the bank {w} interest rates by half a point.",
  [("raised","lowered"),("raised","cut"),("increased","reduced")]),
 ("Sales {w} in the second quarter, the chief executive said.", "The chief executive said sales {w} in the second quarter.",
  [("rose","fell"),("increased","decreased"),("improved","deteriorated"),("recovered","collapsed"),("accelerated","slowed")]),
]
A = [
 ("The minister said the economy was {w} this year.", "The minister said the economy was {w} this year.",
  [("strong","weak"),("growing","shrinking"),("healthy","sick"),("stable","unstable"),("improving","worsening")]),
 ("The report describes the new treatment as {w} for most patients.", "The report describes the new treatment as {w} for most patients.",
  [("safe","dangerous"),("effective","ineffective"),("cheap","expensive"),("helpful","harmful"),("beneficial","harmful"),("simple","complicated")]),
 ("Analysts called the results {w} for the company.", "Analysts called the results {w} for the company.",
  [("encouraging","disappointing"),("positive","negative"),("good","bad"),("better than expected","worse than expected")]),
 ("The village is in the {w} part of the province.", "The village lies in the {w} part of the province.",
  [("northern","southern"),("eastern","western"),("upper","lower"),("rural","urban")]),
 ("The talks were held in {w} session, a spokesman said.", "A spokesman said the talks were held in {w} session.",
  [("closed","open"),("private","public")]),
 ("The company posted a {w} of four million dollars for the year.", "For the year the company posted a {w} of four million dollars.",
  [("profit","loss"),("surplus","deficit"),("gain","loss")]),
 ("The vote showed a clear {w} in favour of the plan.", "The vote showed a clear {w} in favour of the plan.",
  [("majority","minority")]),
 ("Turnout was {w} than in the previous election.", "Turnout was {w} than in the previous election.",
  [("higher","lower"),("greater","smaller"),("larger","smaller")]),
 ("The new bridge is {w} than the old one.", "The new bridge is {w} than the old one.",
  [("wider","narrower"),("longer","shorter"),("taller","shorter"),("stronger","weaker"),("heavier","lighter"),("safer","more dangerous")]),
 ("The festival takes place in the {w} every year.", "Every year the festival takes place in the {w}.",
  [("summer","winter"),("spring","autumn")]),
 ("Most residents were {w} about the new park.", "Most residents were {w} about the new park.",
  [("happy","unhappy"),("enthusiastic","unenthusiastic"),("optimistic","pessimistic"),("pleased","angry"),("excited","worried")]),
 ("The survey found that the {w} workers were the most satisfied.", "The survey found the {w} workers were the most satisfied.",
  [("youngest","oldest"),("older","younger"),("part-time","full-time")]),
 ("The museum is {w} on Mondays.", "The museum is {w} on Mondays.",
  [("open","closed")]),
 ("The judge ruled that the contract was {w}.", "The judge ruled the contract was {w}.",
  [("valid","invalid"),("legal","illegal"),("fair","unfair")]),
 ("Doctors said his condition was {w} after the operation.", "After the operation his condition was {w}, doctors said.",
  [("improving","deteriorating"),("stable","critical")]),
]
rows=[]
n=0
def row(id, src, claim, swapped):
    return {"id": id, "group": "swap" if swapped else "unswapped",
            "expect": "contradicted" if swapped else "supported", "source": src, "claim": claim}
for frames in (V,A):
    for psent, csent, pairs in frames:
        for a,b in pairs:
            src = "Reporter: What happened?\nOfficial: " + psent.format(w=a) + " We will publish the full figures next month."
            rows.append(row(f"swap{n}:{a}>{b}", src, csent.format(w=b), True))
            rows.append(row(f"same{n}:{a}", src, csent.format(w=a), False))
            src2 = "Reporter: What happened?\nOfficial: " + psent.format(w=b) + " We will publish the full figures next month."
            rows.append(row(f"swapr{n}:{b}>{a}", src2, csent.format(w=a), True))
            rows.append(row(f"samer{n}:{b}", src2, csent.format(w=b), False))
            n+=1
with open('opposites.jsonl','w') as f:
    for r in rows: f.write(json.dumps(r, ensure_ascii=False)+"\n")
print(len(rows), "probes")
