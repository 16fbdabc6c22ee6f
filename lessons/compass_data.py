"""The lessons compass (wegwijzer) of the guide, retold in the project's own words. Loaded by a data migration."""

# kinds of an item
ALWAYS = "always"          # altijd nodig / always needed
DEPENDS = "depends"        # hangt af van de situatie / depends on the situation
CHOOSE = "choose"          # kies voor / choose
AVOID = "avoid"            # kies niet voor / do not choose
IS = "is"                  # een LG is
IS_NOT = "is_not"          # een LG is geen
UNSUITABLE = "unsuitable"  # niet geschikt als / not suitable when
EASY = "easy"              # makkelijk te regelen / easy to arrange
HARD = "hard"              # moeilijker te regelen / hard to arrange

INITIATORS = ("municipality", "residents", "welfare", "entrepreneurs", "civil_society")

CHAPTERS = [
    {
        "key": "choice",
        "order": 1,
        "title_nl": "Keuze voor een LG",
        "title_en": "Choosing a Learning Community",
        "intro_nl": (
            "Niet elk vraagstuk vraagt om een Lerende Gemeenschap. Ga na of deze vorm past voordat je "
            "mensen uitnodigt."
        ),
        "intro_en": (
            "Not every question calls for a Learning Community. Check whether this form fits before you "
            "invite anyone."
        ),
        "items": [
            {
                "key": "choice-is-1",
                "kind": IS,
                "text_nl": "geschikt voor complexe vraagstukken",
                "text_en": "suited to complex questions",
            },
            {
                "key": "choice-is-2",
                "kind": IS,
                "text_nl": "een nieuwe vorm van samenwerken, zonder hiërarchie",
                "text_en": "a new way of working together, without hierarchy",
            },
            {
                "key": "choice-is-3",
                "kind": IS,
                "text_nl": "een zoektocht naar vernieuwende oplossingen, met ruimte voor zijwegen",
                "text_en": "a search for innovative solutions that leaves room for side roads",
            },
            {
                "key": "choice-is-not-1",
                "kind": IS_NOT,
                "text_nl": "een snelle oplossing voor problemen of conflicten",
                "text_en": "a quick fix for problems or conflicts",
            },
            {
                "key": "choice-is-not-2",
                "kind": IS_NOT,
                "text_nl": "een belangenclub of klankbordgroep",
                "text_en": "a lobby group or a sounding board",
            },
            {
                "key": "choice-is-not-3",
                "kind": IS_NOT,
                "text_nl": "een projectgroep met een hiërarchie en een kant-en-klaar projectplan",
                "text_en": "a project group with a hierarchy and a ready-made project plan",
            },
            {
                "key": "choice-unsuitable-1",
                "kind": UNSUITABLE,
                "text_nl": (
                    "er heel concrete knelpunten opgelost moeten worden; een werkgroep of projectgroep "
                    "past dan beter"
                ),
                "text_en": (
                    "very concrete bottlenecks need to be solved; a working group or project group suits "
                    "that better"
                ),
            },
            {
                "key": "choice-unsuitable-2",
                "kind": UNSUITABLE,
                "text_nl": (
                    "er grote conflicten tussen de betrokkenen spelen; begin dan liever met mediation"
                ),
                "text_en": (
                    "there are serious conflicts between the people involved; start with mediation instead"
                ),
            },
        ],
        "lessons": [],
    },
    {
        "key": "start",
        "order": 2,
        "title_nl": "Het begin",
        "title_en": "The start",
        "intro_nl": (
            "Een LG begint met een gedeeld, lastig vraagstuk en met mensen die bereid zijn iets te "
            "veranderen. Wie de eerste stap zet, maakt minder uit."
        ),
        "intro_en": (
            "A Learning Community starts from a shared, difficult question and from people who are "
            "prepared to change something. Who takes the first step matters less."
        ),
        "items": [
            {
                "key": "start-always-1",
                "kind": ALWAYS,
                "text_nl": "bereidheid om te veranderen",
                "text_en": "willingness to change",
            },
            {
                "key": "start-always-2",
                "kind": ALWAYS,
                "text_nl": "een complex vraagstuk dat om omdenken vraagt",
                "text_en": "a complex question that calls for rethinking",
            },
            {
                "key": "start-always-3",
                "kind": ALWAYS,
                "text_nl": "een gedeeld doel en de bereidheid om zonder zekerheden samen te werken",
                "text_en": "a shared goal and the willingness to work together without certainties",
            },
            {
                "key": "start-depends-1",
                "kind": DEPENDS,
                "text_nl": "welk vraagstuk je kiest; een LG past bij veel actuele vraagstukken",
                "text_en": "which question you choose; a Learning Community fits many current issues",
            },
            {
                "key": "start-depends-2",
                "kind": DEPENDS,
                "text_nl": (
                    "wie het initiatief neemt: de gemeente, een ondernemersgroep of een bewonersgroep"
                ),
                "text_en": (
                    "who takes the initiative: the municipality, a group of entrepreneurs or a group of "
                    "residents"
                ),
            },
        ],
        "lessons": [
            {
                "key": "start-any-initiator",
                "title_nl": "Zomaar een initiatiefnemer",
                "title_en": "Any initiator will do",
                "body_nl": (
                    "Het initiatief voor een LG hoeft niet bij de gemeente te liggen. Ook een "
                    "welzijnsorganisatie, een groep inwoners, een enkele ondernemer of een "
                    "ondernemersplatform kan de eerste stap zetten."
                ),
                "body_en": (
                    "A Learning Community does not have to be started by the municipality. A welfare "
                    "organisation, a group of residents, a single entrepreneur or a business network can "
                    "just as well take the lead."
                ),
                "auto_check": None,
            },
            {
                "key": "start-shared-question",
                "title_nl": "Gezamenlijk vraagstuk",
                "title_en": "A shared question",
                "body_nl": (
                    "Begin pas als er een vraagstuk ligt dat alle deelnemers raakt: iets waar ze "
                    "enthousiast over zijn of waar ze juist allemaal hinder van hebben. Zonder zo'n "
                    "gedeelde aanleiding ontbreekt de motor om samen door te zetten."
                ),
                "body_en": (
                    "Only begin when there is a question that touches every participant, either because it "
                    "excites them or because they all suffer from it. Without that common cause there is "
                    "nothing to keep the group going."
                ),
                "auto_check": None,
            },
            {
                "key": "start-complex-subject",
                "title_nl": "Complex onderwerp",
                "title_en": "A complex subject",
                "body_nl": (
                    "Het onderwerp mag van alles zijn, zolang het vraagt om anders denken en anders doen. "
                    "Een LG vertrekt niet vanuit bestaande regels en gewoonten, maar vanuit wat mensen "
                    "nodig hebben en wat er mogelijk is."
                ),
                "body_en": (
                    "The subject can be almost anything, as long as it needs a different way of thinking "
                    "and acting. A Learning Community starts not from existing rules and habits but from "
                    "what people need and what is possible."
                ),
                "auto_check": None,
            },
            {
                "key": "start-beyond-representativeness",
                "title_nl": "Verder dan representativiteit",
                "title_en": "Beyond representativeness",
                "body_nl": (
                    "Of de groep een goede afspiegeling van de gemeente is, mag meewegen bij de "
                    "samenstelling, maar het is niet de enige maatstaf. Kijk vooral wie bij het thema "
                    "betrokken is en let op netwerken, inzet, houding en creativiteit."
                ),
                "body_en": (
                    "Whether the group mirrors the whole municipality may be one consideration in forming "
                    "it, but it should not be the only one. Look first at who is involved in the theme, "
                    "and weigh their networks, commitment, attitude and creativity."
                ),
                "auto_check": None,
            },
        ],
    },
    {
        "key": "participants",
        "order": 3,
        "title_nl": "Deelnemers en drive",
        "title_en": "Participants and drive",
        "intro_nl": (
            "De kracht van een LG zit in de mensen die meedoen. Stel de groep bewust samen: persoonlijk "
            "benaderd, gevarieerd en echt betrokken."
        ),
        "intro_en": (
            "The strength of a Learning Community lies in its people. Put the group together deliberately: "
            "approached in person, varied and genuinely committed."
        ),
        "items": [
            {
                "key": "participants-choose-1",
                "kind": CHOOSE,
                "text_nl": "deelnemers persoonlijk benaderen",
                "text_en": "approaching participants personally",
            },
            {
                "key": "participants-choose-2",
                "kind": CHOOSE,
                "text_nl": "ongebruikelijke combinaties van deelnemers",
                "text_en": "unusual combinations of participants",
            },
            {
                "key": "participants-choose-3",
                "kind": CHOOSE,
                "text_nl": "een groep van gemiddeld 10-12 deelnemers",
                "text_en": "a group of 10-12 participants on average",
                "auto_check": "group_size",
            },
            {
                "key": "participants-choose-4",
                "kind": CHOOSE,
                "text_nl": "deelnemers die zich sterk betrokken voelen",
                "text_en": "participants with a strong commitment",
            },
            {
                "key": "participants-choose-5",
                "kind": CHOOSE,
                "text_nl": "helderheid over ieders inbreng en commitment",
                "text_en": "clarity about what everyone contributes and commits to",
            },
            {
                "key": "participants-avoid-1",
                "kind": AVOID,
                "text_nl": "een representatieve samenstelling",
                "text_en": "a representative composition",
            },
            {
                "key": "participants-avoid-2",
                "kind": AVOID,
                "text_nl": "uitsluitend vertegenwoordigers van organisaties",
                "text_en": "only representatives of organisations",
            },
            {
                "key": "participants-avoid-3",
                "kind": AVOID,
                "text_nl": "mensen die alleen tijd hebben voor de plenaire bijeenkomsten",
                "text_en": "people who only have time for the plenary meetings",
            },
        ],
        "lessons": [
            {
                "key": "participants-thinkers-and-doers",
                "title_nl": "Denkers én doeners",
                "title_en": "Thinkers and doers",
                "body_nl": (
                    "Zoek een groep die op meerdere vlakken divers is: in beroepen, achtergronden en "
                    "rollen, van denkers en doeners tot visionairs, strategen, netwerkers en luizen in de "
                    "pels. Te veel 'ja-maar'-denkers drukken de sfeer, en doeners leren anders dan "
                    "beschouwelijke deelnemers. Lukt die mix vooraf niet, maak de verschillen dan onderweg "
                    "bespreekbaar, bijvoorbeeld met een test van groepsrollen."
                ),
                "body_en": (
                    "Aim for a group that varies in several ways: professions, backgrounds and roles, from "
                    "thinkers and doers to visionaries, strategists, networkers and gadflies. Too many "
                    "'yes, but' people dampen the mood, and doers learn differently from reflective types. "
                    "If you cannot arrange the mix beforehand, talk about the differences along the way, "
                    "for instance with a group-roles test."
                ),
                "auto_check": "mixed_workgroups",
            },
            {
                "key": "participants-snowball",
                "title_nl": "Zwaan kleef aan",
                "title_en": "One person brings the next",
                "body_nl": (
                    "Werf deelnemers zo veel mogelijk persoonlijk en niet met een open oproep. Gebruik je "
                    "eigen contacten en informele netwerken, en vraag iedereen die meedoet wie er volgens "
                    "hem of haar nog meer bij hoort."
                ),
                "body_en": (
                    "Recruit participants in person wherever you can, rather than through a public call. "
                    "Use your own contacts and informal networks, and ask everyone who joins who else "
                    "ought to be at the table."
                ),
                "auto_check": None,
            },
            {
                "key": "participants-motivations",
                "title_nl": "Individuele motivaties",
                "title_en": "Individual motivations",
                "body_nl": (
                    "Meedoen kost tijd in levens die al vol zijn, dus deelnemers moeten zelf iets hebben "
                    "met het thema en de doelen en echt gemotiveerd zijn. Wie zich er volledig voor inzet, "
                    "krijgt er vaak veel energie en inspiratie voor terug. Houd daarom rekening met de "
                    "persoonlijke redenen waarom iemand meedoet."
                ),
                "body_en": (
                    "Taking part costs time in lives that are already full, so participants need a real "
                    "stake in the theme and goals and a strong inner drive. Those who commit fully often "
                    "get a great deal of energy and inspiration back. So take each person's own reasons "
                    "for joining into account."
                ),
                "auto_check": None,
            },
            {
                "key": "participants-expectations",
                "title_nl": "Verwachtingen uitspreken",
                "title_en": "Voice expectations",
                "body_nl": (
                    "Ga er niet zomaar van uit dat iedereen staat te popelen om samen te leren en met "
                    "nieuwe werkwijzen te experimenteren, maar vraag potentiële deelnemers of ze zich zo "
                    "willen inzetten. Bespreek hun verwachtingen, hoe ze hun eigen rol zien en hoe ze de "
                    "LG willen verbinden met hun collega's, buren, vrijwilligers of organisatie."
                ),
                "body_en": (
                    "Do not simply assume that everyone is eager to learn together and try out new ways of "
                    "working; ask prospective participants whether they want to engage like that. Talk "
                    "through their expectations, how they see their own role and how they mean to link the "
                    "community to their colleagues, neighbours, volunteers or organisation."
                ),
                "auto_check": None,
            },
            {
                "key": "participants-willing-to-learn",
                "title_nl": "Willen leren",
                "title_en": "Wanting to learn",
                "body_nl": (
                    "Een LG komt pas tot leven als deelnemers hun eigen praktijkervaring willen inbrengen, "
                    "kritisch naar hun vaste routines durven kijken en openstaan voor verandering. Toets "
                    "die bereidheid meteen aan het begin. Het werk kan confronterend zijn, en een veilige "
                    "sfeer om in te leren ontstaat niet vanzelf of snel."
                ),
                "body_en": (
                    "A Learning Community only comes alive when participants want to bring in their own "
                    "experience, dare to look critically at their routines and are open to change. Check "
                    "that willingness right at the start. The work can be confronting, and a safe place to "
                    "learn takes time to build."
                ),
                "auto_check": None,
            },
            {
                "key": "participants-bonds",
                "title_nl": "Onderlinge binding",
                "title_en": "Mutual bonds",
                "body_nl": (
                    "Streef naar een stabiele groep en investeer in de onderlinge band; vraag aan het "
                    "begin of mensen zich voor de hele looptijd kunnen verbinden. Veel wisselingen "
                    "ondermijnen motivatie en vertrouwen. Let wel op: als iedereen elkaar al jaren kent, "
                    "spreken mensen elkaar minder snel tegen en blijft er minder ruimte voor vernieuwing."
                ),
                "body_en": (
                    "Aim for a stable group and invest in the ties between people; at the start, ask "
                    "whether they can commit for the whole period. High turnover erodes motivation and "
                    "trust. Beware, though: when everyone has known each other for years, people are "
                    "slower to disagree, which leaves less room for new ideas."
                ),
                "auto_check": None,
            },
        ],
    },
    {
        "key": "working",
        "order": 4,
        "title_nl": "Werkwijze",
        "title_en": "Way of working",
        "intro_nl": (
            "Een LG werkt zonder vast draaiboek: de groep kiest gaandeweg haar thema's en aanpak. Dat "
            "vraagt tijd, gelijkwaardigheid en vertrouwen."
        ),
        "intro_en": (
            "A Learning Community works without a fixed script: the group picks its themes and approach as "
            "it goes. That takes time, equality and trust."
        ),
        "items": [
            {
                "key": "working-always-1",
                "kind": ALWAYS,
                "text_nl": "minstens een jaar, bij voorkeur twee",
                "text_en": "at least one year, preferably two",
                "auto_check": "duration",
            },
            {
                "key": "working-always-2",
                "kind": ALWAYS,
                "text_nl": "gelijkwaardigheid",
                "text_en": "equality",
            },
            {
                "key": "working-always-3",
                "kind": ALWAYS,
                "text_nl": "vertrouwen en ruimte voor zijwegen",
                "text_en": "trust and room for side roads",
            },
            {
                "key": "working-always-4",
                "kind": ALWAYS,
                "text_nl": "niet alles vooraf vastleggen",
                "text_en": "not nailing everything down in advance",
            },
            {
                "key": "working-always-5",
                "kind": ALWAYS,
                "text_nl": "verbinding met wat al loopt",
                "text_en": "links with work that is already under way",
            },
            {
                "key": "working-depends-1",
                "kind": DEPENDS,
                "text_nl": "tijdelijk of blijvend",
                "text_en": "temporary or permanent",
            },
            {
                "key": "working-depends-2",
                "kind": DEPENDS,
                "text_nl": "wel of niet eerst achter gesloten deuren werken",
                "text_en": "whether or not to work behind closed doors at first",
            },
            {
                "key": "working-depends-3",
                "kind": DEPENDS,
                "text_nl": "wel of niet met werkgroepen werken",
                "text_en": "whether or not to work in workgroups",
            },
        ],
        "lessons": [
            {
                "key": "working-at-least-a-year",
                "title_nl": "Minimaal een jaar",
                "title_en": "At least a year",
                "body_nl": (
                    "Hoe vaak en hoe lang je bijeenkomt, hangt af van de situatie, maar minder dan een "
                    "jaar is te kort en zelfs een jaar is krap. Een veilige sfeer, een hechte groep en het "
                    "doorbreken van vastgeroeste patronen vragen tijd. Wie complexe vraagstukken wil "
                    "aanpakken en tegelijk verhoudingen wil veranderen, moet eerder rekenen op anderhalf "
                    "tot twee jaar."
                ),
                "body_en": (
                    "How often and how long you meet depends on the setting, but less than a year is too "
                    "short and even one year is tight. Building a safe atmosphere and a close group and "
                    "breaking old habits all take time. If you want to tackle complex questions and change "
                    "relationships at the same time, plan for eighteen months to two years."
                ),
                "auto_check": "duration",
            },
            {
                "key": "working-temporary",
                "title_nl": "Wees niet bang voor tijdelijkheid",
                "title_en": "Do not fear being temporary",
                "body_nl": (
                    "Een LG mag na twee jaar ophouden, maar kan ook veel langer bestaan. Dat hangt af van "
                    "het vraagstuk, de opgave en of deelnemers er nog meerwaarde in zien. Stop je, doe dat "
                    "dan bewust en laat de groep niet langzaam uitdoven."
                ),
                "body_en": (
                    "A Learning Community may end after two years or carry on much longer. That depends on "
                    "the question, the task and whether participants still see value in continuing. If you "
                    "stop, do it deliberately rather than letting the group quietly fade away."
                ),
                "auto_check": None,
            },
            {
                "key": "working-not-too-big",
                "title_nl": "Niet te groot",
                "title_en": "Not too big",
                "body_nl": (
                    "In Hellendoorn was het plan 10 tot hooguit 15 mensen, maar uiteindelijk schoven er "
                    "zo'n 25 aan. In die grote groep werden de plenaire gesprekken al snel passief; "
                    "opsplitsen in werkgroepen bracht uitkomst. Heb je de keus, houd de groep dan op 10 "
                    "tot 15 mensen: dat geeft veel meer levendigheid."
                ),
                "body_en": (
                    "Hellendoorn aimed for 10 to at most 15 people, but ended up with about 25 around the "
                    "table. In such a large group the plenary discussions soon turned passive, and "
                    "splitting into workgroups was the way out. If you have the choice, keep the group to "
                    "10-15 people: the interaction is far livelier."
                ),
                "auto_check": "group_size",
            },
            {
                "key": "working-give-room",
                "title_nl": "Ruimte geven",
                "title_en": "Give room",
                "body_nl": (
                    "De deelnemers beslissen samen waaraan en hoe ze werken en welke leervragen ze "
                    "oppakken. Initiatiefnemer en begeleider kunnen activiteiten en uitkomsten dus niet "
                    "vooraf vastleggen; die volgen uit de prioriteiten van de groep. Of, zoals ze in "
                    "Twente zeggen: kiek'n wat 't wot."
                ),
                "body_en": (
                    "Participants decide together what they work on, how, and which learning questions "
                    "they take up. The initiator or facilitator therefore cannot fix activities or results "
                    "in advance; they follow from the group's own priorities. As they say in Twente: let's "
                    "see what comes of it."
                ),
                "auto_check": None,
            },
            {
                "key": "working-closed-doors",
                "title_nl": "Wel of niet achter gesloten deuren?",
                "title_en": "Behind closed doors or not?",
                "body_nl": (
                    "Kies samen: treedt de LG vanaf het begin naar buiten, of zoekt de groep eerst in alle "
                    "rust haar weg en gaat ze pas later de publiciteit in om zich te verbreden? Beide kan, "
                    "zolang het een bewuste afspraak is."
                ),
                "body_en": (
                    "Decide together whether the community shows itself to the outside world from day one, "
                    "or first finds its way in peace and only later goes public to widen its circle. "
                    "Either can work, as long as it is a deliberate agreement."
                ),
                "auto_check": None,
            },
            {
                "key": "working-link-ongoing",
                "title_nl": "Link met lopende zaken",
                "title_en": "Link with ongoing work",
                "body_nl": (
                    "Voorkom dat de LG een los project wordt dat naast de bestaande praktijk staat. Sla "
                    "bruggen naar het dagelijkse werk en naar andere samenwerkingsverbanden. Deelnemers "
                    "moeten bereid zijn om wat ze in de LG leren ook in hun eigen organisatie en netwerk "
                    "toe te passen."
                ),
                "body_en": (
                    "Do not let the community become a separate project that runs alongside everyday "
                    "practice. Build bridges to daily work and to other partnerships. Participants must be "
                    "willing to put what they learn in the community to use in their own organisations and "
                    "networks."
                ),
                "auto_check": None,
            },
        ],
    },
    {
        "key": "organisation",
        "order": 5,
        "title_nl": "Organisatie en facilitering",
        "title_en": "Organisation and facilitation",
        "intro_nl": (
            "Houd de organisatie eenvoudig en horizontaal, en regel de ondersteuning zo goed dat "
            "deelnemers zich op de inhoud kunnen richten."
        ),
        "intro_en": (
            "Keep the organisation simple and flat, and arrange support well enough that participants can "
            "concentrate on the substance."
        ),
        "items": [
            {
                "key": "organisation-always-1",
                "kind": ALWAYS,
                "text_nl": "voorkomen dat de LG een instituut wordt",
                "text_en": "making sure the community does not turn into an institution",
            },
            {
                "key": "organisation-always-2",
                "kind": ALWAYS,
                "text_nl": "de facilitering goed regelen",
                "text_en": "arranging facilitation properly",
            },
            {
                "key": "organisation-always-3",
                "kind": ALWAYS,
                "text_nl": "een ervaren procesbegeleider",
                "text_en": "an experienced facilitator",
            },
            {
                "key": "organisation-always-4",
                "kind": ALWAYS,
                "text_nl": "aansprekende werkvormen",
                "text_en": "appealing working methods",
            },
            {
                "key": "organisation-depends-1",
                "kind": DEPENDS,
                "text_nl": "wel of geen klankbordgroep",
                "text_en": "whether or not to have a sounding board",
            },
            {
                "key": "organisation-depends-2",
                "kind": DEPENDS,
                "text_nl": "hoeveel je moet trekken, duwen, inspireren en aanjagen",
                "text_en": "how much pulling, pushing, inspiring and driving is needed",
            },
        ],
        "lessons": [
            {
                "key": "organisation-no-institution",
                "title_nl": "Geen instituut",
                "title_en": "No institution",
                "body_nl": (
                    "Houd de organisatie zo simpel mogelijk en bouw geen instituut op. Maak samen "
                    "spelregels en let erop dat iedereen zich eraan houdt: niet door handtekeningen te "
                    "vragen, maar door op tijd te zien wanneer het misloopt. Gaat het toch mis, zoek dan "
                    "samen uit waarom."
                ),
                "body_en": (
                    "Keep the organisation as simple as possible and do not build an institution. Agree on "
                    "ground rules together and see that everyone keeps to them: not by collecting "
                    "signatures, but by noticing in time when things start to go wrong. If they do go "
                    "wrong, work out together why."
                ),
                "auto_check": "ground_rules",
            },
            {
                "key": "organisation-good-facilitation",
                "title_nl": "Goede facilitering",
                "title_en": "Good facilitation",
                "body_nl": (
                    "Zorg dat de ondersteuning goed geregeld is, zodat deelnemers ontzorgd worden; wie dat "
                    "doet, is minder belangrijk. De begeleidende partij moet door de groep geaccepteerd "
                    "zijn en actief mensen en belangen kunnen verbinden. Een goede gespreksleider helpt "
                    "bovendien om een groepsgevoel en een open sfeer te laten ontstaan."
                ),
                "body_en": (
                    "Make sure support is well arranged so that participants are spared the organising "
                    "work; who provides it matters less. The facilitating party must be accepted by the "
                    "group and able to actively connect people and interests. A good moderator also helps "
                    "a sense of group and an open atmosphere to grow."
                ),
                "auto_check": None,
            },
            {
                "key": "organisation-go-with-the-flow",
                "title_nl": "Go with the flow",
                "title_en": "Go with the flow",
                "body_nl": (
                    "Vertrouw als begeleider op wat de groep zelf voortbrengt en loop niet voor de troepen "
                    "uit. Zowel te veel als te weinig sturing leidt tot ergernis, afhaken en passiviteit. "
                    "Voel dus aan wanneer je beter op afroep beschikbaar blijft en wanneer je zelf moet "
                    "schakelen en verbindingen leggen."
                ),
                "body_en": (
                    "As a facilitator, trust what the group itself produces and do not run ahead of it. "
                    "Both too much and too little steering lead to irritation, loss of motivation and "
                    "passivity. So sense when to stay in the background on call and when to step in "
                    "yourself and broker connections."
                ),
                "auto_check": None,
            },
            {
                "key": "organisation-personal-communication",
                "title_nl": "Persoonlijke communicatie",
                "title_en": "Personal communication",
                "body_nl": (
                    "Investeer in de relaties en in de manier waarop deelnemers met elkaar omgaan: "
                    "luchtig, opbouwend en met humor. Beperk het contact niet tot de plenaire "
                    "bijeenkomsten, maar stimuleer ook contact tussendoor en werk in kleinere groepen. Zo "
                    "groeien de persoonlijke banden en de betrokkenheid bij doel en thema."
                ),
                "body_en": (
                    "Invest in relationships and in the way participants deal with each other: light, "
                    "constructive and with humour. Do not limit contact to the plenary meetings; encourage "
                    "contact in between and work in smaller groups. That strengthens personal ties and "
                    "commitment to the goal and theme."
                ),
                "auto_check": None,
            },
            {
                "key": "organisation-mixed-workgroups",
                "title_nl": "Heterogene werkgroepen",
                "title_en": "Mixed workgroups",
                "body_nl": (
                    "Houd de samenstelling en de dynamiek van de werkgroepen goed in de gaten. Een "
                    "werkgroep met alleen doeners, alleen twijfelaars of alleen denkers loopt al snel "
                    "vast."
                ),
                "body_en": (
                    "Keep a close eye on the make-up and dynamics of the workgroups. A workgroup made up "
                    "only of doers, only of doubters or only of thinkers soon gets stuck."
                ),
                "auto_check": "mixed_workgroups",
            },
            {
                "key": "organisation-creative-methods",
                "title_nl": "Creatieve werkvormen",
                "title_en": "Creative working methods",
                "body_nl": (
                    "Probeer verschillende werkvormen uit en kijk waar mensen energie van krijgen. Laat "
                    "ruimte voor brainstormen, zoek voorbeelden die raken aan de interesses van deelnemers "
                    "en hen op een ander spoor zetten, en werk vanuit praktijkervaringen en casussen."
                ),
                "body_en": (
                    "Try out different working methods and notice what gives people energy. Leave room for "
                    "brainstorming, look for examples that touch participants' interests and set them on a "
                    "new track, and build on practical experience and cases."
                ),
                "auto_check": None,
            },
            {
                "key": "organisation-sounding-board",
                "title_nl": "Wel of geen klankbordgroep?",
                "title_en": "A sounding board or not?",
                "body_nl": (
                    "Een klankbordgroep of een gemeentelijke stuurgroep is geen vereiste. In Hellendoorn "
                    "kwamen ze er omdat de pilot ook wetenschappelijk werd gevolgd, en ze hadden vooral "
                    "waarde voor het begeleidende team en de gemeente, minder voor de deelnemers. Stel je "
                    "ze wel in, bepaal dan scherp wat ze voor de LG betekenen en wat hun taak is."
                ),
                "body_en": (
                    "A sounding board or a municipal steering group is not a requirement. Hellendoorn set "
                    "them up because the pilot was also studied by researchers, and they mostly helped the "
                    "facilitating team and the municipality rather than the participants. If you do set "
                    "them up, be clear about what they add to the community and what their task is."
                ),
                "auto_check": None,
            },
        ],
    },
    {
        "key": "themes",
        "order": 6,
        "title_nl": "Thema's en activiteiten",
        "title_en": "Themes and activities",
        "intro_nl": (
            "Wat een LG oppakt, ontstaat gaandeweg. Activiteiten zijn geen doel op zich, maar een middel "
            "om anders te leren denken en werken."
        ),
        "intro_en": (
            "What a Learning Community takes up emerges along the way. Activities are not a goal in "
            "themselves but a means to think and work differently."
        ),
        "items": [
            {
                "key": "themes-always-1",
                "kind": ALWAYS,
                "text_nl": "praktische activiteiten waarmee deelnemers zelf aan de slag gaan",
                "text_en": "practical activities that participants carry out themselves",
            },
            {
                "key": "themes-always-2",
                "kind": ALWAYS,
                "text_nl": (
                    "alert zijn op persoonlijke thema's en activiteiten die te veel aandacht opeisen"
                ),
                "text_en": "watching for individual themes and activities that claim too much attention",
            },
            {
                "key": "themes-always-3",
                "kind": ALWAYS,
                "text_nl": "ook nieuwe matches en kennisuitwisseling als activiteit zien",
                "text_en": "counting new matches and knowledge exchange as activities too",
            },
            {
                "key": "themes-depends-1",
                "kind": DEPENDS,
                "text_nl": "samenwerken rond bestaande of juist nieuwe praktijken en projecten",
                "text_en": "working together on existing or on new practices and projects",
            },
            {
                "key": "themes-depends-2",
                "kind": DEPENDS,
                "text_nl": (
                    "hoeveel tijd er naar inhoudelijke voortgang gaat en hoeveel naar reflectie op het "
                    "proces"
                ),
                "text_en": (
                    "how much time goes to progress on content and how much to reflecting on the process"
                ),
            },
        ],
        "lessons": [
            {
                "key": "themes-existing-or-new",
                "title_nl": "Bestaande of nieuwe praktijken",
                "title_en": "Existing or new practices",
                "body_nl": (
                    "Een LG kan bestaande praktijken en projecten onder de loep nemen om werkwijzen en "
                    "verhoudingen te verbeteren. Ze kan ook samen nieuwe projecten bedenken en die "
                    "gezamenlijk uitvoeren. In Hellendoorn lag het accent op het vinden van nieuwe "
                    "praktijken en werkwijzen."
                ),
                "body_en": (
                    "A Learning Community can examine existing practices and projects to improve ways of "
                    "working and relationships. It can also devise new projects and carry them out "
                    "together. In Hellendoorn the emphasis was on finding new practices and ways of "
                    "working."
                ),
                "auto_check": None,
            },
            {
                "key": "themes-content-and-process",
                "title_nl": "Inhoud én proces",
                "title_en": "Content and process",
                "body_nl": (
                    "Een LG is geen actiegroep: er moet altijd tijd overblijven voor reflectie en lessen. "
                    "Activiteiten dienen de verandering en het omdenken, ze zijn niet het doel zelf. "
                    "Daarom tellen ook leerervaringen uit kennisuitwisseling en nieuwe matches als "
                    "activiteit."
                ),
                "body_en": (
                    "A Learning Community is not an action group: there must always be time left for "
                    "reflection and lessons. Activities serve change and fresh thinking; they are not the "
                    "goal. That is why lessons from knowledge exchange and new matches count as activities "
                    "too."
                ),
                "auto_check": None,
            },
            {
                "key": "themes-speed-up-slow-down",
                "title_nl": "Schakelen tussen versnellen en vertragen",
                "title_en": "Shifting between speeding up and slowing down",
                "body_nl": (
                    "Reken erop dat er altijd mensen zijn voor wie resultaten niet snel genoeg komen. "
                    "Tegelijk zijn er deelnemers die vinden dat de nadruk op resultaten het leren, het "
                    "omdenken en blijvende verandering in de weg zit. Wissel daarom bewust af tussen tempo "
                    "maken en pas op de plaats."
                ),
                "body_en": (
                    "Expect that some people will always feel results are not coming fast enough. At the "
                    "same time, others will feel that the focus on results gets in the way of learning, "
                    "rethinking and lasting change. So alternate deliberately between picking up the pace "
                    "and standing still."
                ),
                "auto_check": None,
            },
            {
                "key": "themes-no-political-agenda",
                "title_nl": "Geen politieke agenda",
                "title_en": "No political agenda",
                "body_nl": (
                    "Het klinkt vanzelfsprekend, maar breng geen onderwerp in waar alleen je eigen "
                    "organisatie mee worstelt en waar de anderen niets mee hebben. In Hellendoorn gold de "
                    "ongeschreven regel dat politieke en persoonlijke belangen buiten de deur bleven."
                ),
                "body_en": (
                    "It may sound obvious, but do not put forward a topic that only your own organisation "
                    "struggles with and that means nothing to the others. In Hellendoorn the unwritten "
                    "rule was to leave political and personal interests at the door."
                ),
                "auto_check": None,
            },
        ],
    },
    {
        "key": "return",
        "order": 7,
        "title_nl": "Rendement",
        "title_en": "Return",
        "intro_nl": (
            "Wat een LG oplevert, gaat verder dan zichtbare activiteiten: betere verhoudingen, kortere "
            "lijnen en een andere manier van denken tellen ook mee."
        ),
        "intro_en": (
            "What a Learning Community yields goes beyond visible activities: better relationships, "
            "shorter lines and new ways of thinking count as well."
        ),
        "items": [
            {
                "key": "return-always-1",
                "kind": ALWAYS,
                "text_nl": "op een andere manier naar rendement kijken",
                "text_en": "looking at return in a different way",
            },
            {
                "key": "return-always-2",
                "kind": ALWAYS,
                "text_nl": "in kaart brengen wat deelnemers onder rendement verstaan",
                "text_en": "taking stock of what participants see as return",
            },
            {
                "key": "return-always-3",
                "kind": ALWAYS,
                "text_nl": "werken met tussenevaluaties",
                "text_en": "working with interim evaluations",
                "auto_check": "evaluation",
            },
            {
                "key": "return-always-4",
                "kind": ALWAYS,
                "text_nl": "ook slipstream- en relatierendement zichtbaar maken en waarderen",
                "text_en": "making slipstream return and relationship return visible and valuing them",
            },
            {
                "key": "return-depends-1",
                "kind": DEPENDS,
                "text_nl": "hoe je rendement omschrijft",
                "text_en": "how you define return",
            },
            {
                "key": "return-depends-2",
                "kind": DEPENDS,
                "text_nl": "wat deelnemers van het rendement verwachten",
                "text_en": "what participants expect by way of return",
            },
            {
                "key": "return-depends-3",
                "kind": DEPENDS,
                "text_nl": "wat een LG uiteindelijk oplevert",
                "text_en": "what a Learning Community yields in the end",
            },
        ],
        "lessons": [
            {
                "key": "return-discuss-ideas",
                "title_nl": "Ideeën over rendement bespreken",
                "title_en": "Discuss ideas about return",
                "body_nl": (
                    "Stel vooraf vast wat iedereen onder rendement verstaat. In Hellendoorn gebeurde dat "
                    "niet, en pas later bleek hoe verschillend de beelden waren: de een dacht aan betere "
                    "onderlinge verhoudingen, de ander aan bekendheid van de LG, een derde aan "
                    "inhoudelijke doelen rond maatschappelijk betrokken ondernemen."
                ),
                "body_en": (
                    "Establish beforehand what each person means by return. Hellendoorn skipped this step, "
                    "and only later did it become clear how far the views differed: some thought of better "
                    "relationships, others of the community becoming known, others again of concrete goals "
                    "for socially engaged business."
                ),
                "auto_check": None,
            },
            {
                "key": "return-slipstream",
                "title_nl": "Waardevol in de slipstream",
                "title_en": "Valuable in the slipstream",
                "body_nl": (
                    "Maak ook zichtbaar wat je niet in concrete activiteiten kunt meten: leerervaringen, "
                    "zijpaden en veranderingen. Veel rendement ontstaat naast de LG of in haar kielzog en "
                    "wordt er niet aan toegeschreven, zoals wat voortkomt uit intensieve netwerkcontacten, "
                    "nieuwe verhoudingen, ander denken en kruisbestuiving tussen organisaties."
                ),
                "body_en": (
                    "Also bring to light what cannot be measured in concrete activities: lessons learned, "
                    "detours and changes. Much of the return arises beside the community or in its wake "
                    "and is not credited to it, such as what grows from close network contacts, changed "
                    "relationships, new thinking and cross-overs between organisations."
                ),
                "auto_check": None,
            },
        ],
    },
    {
        "key": "learning",
        "order": 8,
        "title_nl": "Leren",
        "title_en": "Learning",
        "intro_nl": (
            "Leren is wat een LG onderscheidt van een projectgroep. Doen en terugkijken wisselen elkaar "
            "af, in een vorm die bij de deelnemers past."
        ),
        "intro_en": (
            "Learning is what sets a Learning Community apart from a project group. Doing and looking back "
            "take turns, in a form that suits the participants."
        ),
        "items": [
            {
                "key": "learning-always-1",
                "kind": ALWAYS,
                "text_nl": "afwisselen tussen actie en leren, met vaste reflectiemomenten",
                "text_en": "alternating between action and learning, with built-in moments of reflection",
                "auto_check": "reflection",
            },
            {
                "key": "learning-always-2",
                "kind": ALWAYS,
                "text_nl": (
                    "een middenweg vinden tussen inhoudelijke voortgang en aandacht voor leren en "
                    "reflectie op het proces"
                ),
                "text_en": (
                    "finding a middle way between progress on content and time for learning and reflecting "
                    "on the process"
                ),
            },
            {
                "key": "learning-always-3",
                "kind": ALWAYS,
                "text_nl": "aansluiten bij de leerstijlen van de deelnemers",
                "text_en": "matching the participants' learning styles",
            },
            {
                "key": "learning-depends-1",
                "kind": DEPENDS,
                "text_nl": "welke leerdoelen de LG heeft",
                "text_en": "which learning goals the community has",
            },
            {
                "key": "learning-depends-2",
                "kind": DEPENDS,
                "text_nl": "welke leermethoden je inzet",
                "text_en": "which learning methods you use",
            },
            {
                "key": "learning-depends-3",
                "kind": DEPENDS,
                "text_nl": "welke persoonlijke inzichten er ontstaan",
                "text_en": "which personal insights emerge",
            },
        ],
        "lessons": [
            {
                "key": "learning-how-people-learn",
                "title_nl": "Manier van leren achterhalen",
                "title_en": "Find out how people learn",
                "body_nl": (
                    "Zoek uit hoe deze deelnemers leren en welke plek leren in de groep kan krijgen. "
                    "Vertrek vanuit hun eigen ervaringen, kies methoden die hen raken en beperk je niet "
                    "tot één aanpak: denk aan proceswatchers, een vast terugblikmoment na elke "
                    "gezamenlijke activiteit, casussen, prikkelende sprekers, werkbezoeken en "
                    "tussenevaluaties in kleine groepjes. Zorg voor een veilige, uitnodigende sfeer en "
                    "maak leren leuk."
                ),
                "body_en": (
                    "Find out how these participants learn and what place learning can take in the group. "
                    "Start from their own experience, pick methods that speak to them and do not stick to "
                    "one approach: think of process watchers, a fixed look-back after each joint activity, "
                    "cases, provocative speakers, work visits and interim evaluations in small groups. "
                    "Create a safe, inviting atmosphere and make learning enjoyable."
                ),
                "auto_check": None,
            },
            {
                "key": "learning-goals",
                "title_nl": "Leerdoelen opstellen",
                "title_en": "Set learning goals",
                "body_nl": (
                    "Formuleer leerdoelen zo concreet mogelijk, maar blijf realistisch en stem ze af op "
                    "wat deelnemers willen en kunnen. Vraag je af waar het om draait: nieuwe kennis en "
                    "vaardigheden voor individuen, andere onderlinge verhoudingen, het doorbreken van "
                    "vaste patronen, ontbrekende kennis over een thema of meer creativiteit?"
                ),
                "body_en": (
                    "Make learning goals as concrete as possible, but stay realistic and match them to "
                    "what participants want and are able to do. Ask what it really revolves around: new "
                    "knowledge and skills for individuals, different relationships, breaking fixed "
                    "patterns, missing knowledge on a theme, or more creativity?"
                ),
                "auto_check": None,
            },
            {
                "key": "learning-action-and-reflection",
                "title_nl": "Switchen tussen actie en leren",
                "title_en": "Switch between action and learning",
                "body_nl": (
                    "Afwisselen tussen doen en reflecteren is de kern van het gezamenlijke proces. Er moet "
                    "tijd zijn om terug te kijken, maar deelnemers moeten daar ook de noodzaak van voelen "
                    "en de balans moet voor hén kloppen; bij te veel procesgepraat haken vooral "
                    "ondernemers af. Zonder vaste reflectiemomenten na het handelen blijft het leereffect "
                    "uit en is de LG niet meer dan een dure projectgroep."
                ),
                "body_en": (
                    "Alternating between doing and reflecting is at the heart of the joint process. There "
                    "must be time to look back, but participants must also feel the need for it and the "
                    "balance must feel right to them; with too much talk about process, entrepreneurs in "
                    "particular drop out. Without regular moments of reflection after acting, nothing is "
                    "learned and the community is little more than an expensive project group."
                ),
                "auto_check": "reflection",
            },
            {
                "key": "learning-interim-evaluations",
                "title_nl": "Werk met kwalitatieve tussenevaluaties",
                "title_en": "Use qualitative interim evaluations",
                "body_nl": (
                    "Een tussenevaluatie is meteen een moment om stil te staan bij wat er is gebeurd, en "
                    "soms nodig om verwachtingen bij te stellen. In Hellendoorn leidde zo'n evaluatie tot "
                    "een bredere doelstelling: van maatschappelijk betrokken ondernemen naar "
                    "maatschappelijke betrokkenheid van de hele samenleving."
                ),
                "body_en": (
                    "An interim evaluation doubles as a moment to reflect on what has happened, and may be "
                    "needed to adjust expectations. In Hellendoorn one such evaluation broadened the goal "
                    "from socially engaged business to the social engagement of society as a whole."
                ),
                "auto_check": "evaluation",
            },
        ],
    },
    {
        "key": "communication",
        "order": 9,
        "title_nl": "Communicatie",
        "title_en": "Communication",
        "intro_nl": (
            "Persoonlijk contact houdt een LG overeind. Binnen de groep telt snel en persoonlijk reageren; "
            "voor de buitenwereld maak je bewuste afspraken."
        ),
        "intro_en": (
            "Personal contact is what keeps a Learning Community going. Within the group, respond quickly "
            "and personally; towards the outside world, make deliberate agreements."
        ),
        "items": [
            {
                "key": "communication-always-1",
                "kind": ALWAYS,
                "text_nl": "persoonlijke communicatie",
                "text_en": "personal communication",
            },
            {
                "key": "communication-always-2",
                "kind": ALWAYS,
                "text_nl": "uitwisseling stimuleren tussen deelnemers en hun directe achterban",
                "text_en": "encouraging exchange between participants and the people directly behind them",
            },
            {
                "key": "communication-always-3",
                "kind": ALWAYS,
                "text_nl": "niet alleen over de inhoud communiceren, maar ook over het proces",
                "text_en": "communicating about the process, not only about the content",
            },
            {
                "key": "communication-depends-1",
                "kind": DEPENDS,
                "text_nl": "wat je wanneer naar buiten brengt",
                "text_en": "what to share with the outside world, and when",
            },
            {
                "key": "communication-depends-2",
                "kind": DEPENDS,
                "text_nl": "welke sociale media je inzet en met welk doel",
                "text_en": "which social media to use, and for what purpose",
            },
        ],
        "lessons": [
            {
                "key": "communication-personal-informal",
                "title_nl": "Persoonlijk en informeel",
                "title_en": "Personal and informal",
                "body_nl": (
                    "Geef voorrang aan persoonlijk contact, bij begeleiders én bij deelnemers. Algemene "
                    "mails met iedereen in cc zorgen ervoor dat mensen afhaken en uit beeld raken. "
                    "Stimuleer ook informeel contact tussen deelnemers buiten de bijeenkomsten om; juist "
                    "een-tweetjes leveren verbinding en betrokkenheid op."
                ),
                "body_en": (
                    "Give priority to personal contact, among supporters and participants alike. General "
                    "emails with everyone in cc make people tune out and lose touch. Encourage informal "
                    "contact between participants outside the meetings as well; one-to-ones in particular "
                    "build connection and commitment."
                ),
                "auto_check": None,
            },
            {
                "key": "communication-steps-and-drifters",
                "title_nl": "Tussenstappen communiceren en bijpraten met wegzakkers",
                "title_en": "Share interim steps and catch up with those drifting away",
                "body_nl": (
                    "Laat deelnemers en hun omgeving weten welke activiteiten en tussenstappen er zijn "
                    "gezet, ook als het om het proces gaat. Let op mensen die, om welke reden ook, "
                    "langzaam afhaken. Merk je dat iemand wegglijdt of een paar keer verstek laat gaan, "
                    "zoek diegene dan op en praat hem of haar bij."
                ),
                "body_en": (
                    "Keep participants and those around them informed of activities and interim steps, "
                    "including steps in the process. Watch for people who gradually drop away, for "
                    "whatever reason. When you notice someone slipping off or missing several times, seek "
                    "them out and bring them up to date."
                ),
                "auto_check": "drift",
            },
            {
                "key": "communication-speed",
                "title_nl": "Snelheid",
                "title_en": "Speed",
                "body_nl": (
                    "Laat vragen, voorstellen en ideeën niet liggen, maar reageer zo vlot mogelijk. Dat is "
                    "ieders verantwoordelijkheid, maar vooral die van de begeleiders. Zij letten er ook op "
                    "wanneer niemand op iets reageert."
                ),
                "body_en": (
                    "Do not let questions, proposals and ideas sit; respond as quickly as you can. That is "
                    "everyone's responsibility, but above all the supporters'. They also keep an eye out "
                    "for anything nobody seems to answer."
                ),
                "auto_check": None,
            },
            {
                "key": "communication-social-media",
                "title_nl": "Gebruik sociale media op maat",
                "title_en": "Tailor your use of social media",
                "body_nl": (
                    "Sociale media kunnen de interne communicatie helpen, maar ga eerst na of deelnemers "
                    "er echt iets mee doen. De besloten LinkedIn-groep in Hellendoorn werd nauwelijks "
                    "gebruikt: de meeste mensen hechtten vooral aan elkaar in het echt ontmoeten. Sommige "
                    "werkgroepen mailden onderling wel veel."
                ),
                "body_en": (
                    "Social media can support internal communication, but first check whether participants "
                    "will actually use them. Hellendoorn's closed LinkedIn group was hardly used: most "
                    "people mainly valued meeting face to face. Some workgroups did keep in touch by email "
                    "a great deal."
                ),
                "auto_check": None,
            },
            {
                "key": "communication-outer-circle",
                "title_nl": "Wat komt de buitencirkel te weten",
                "title_en": "What the outer circle gets to know",
                "body_nl": (
                    "Spreek af hoe deelnemers hun ervaringen en lessen delen met directe collega's, "
                    "leidinggevenden en medewerkers. Maak ook afspraken over wat de LG vertelt aan een "
                    "bredere kring: de lokale gemeenschap, netwerkrelaties en achterbannen van mensen die "
                    "zelf niet bij de LG betrokken zijn."
                ),
                "body_en": (
                    "Agree how participants share their experiences and lessons with their immediate "
                    "colleagues, managers and staff. Also agree what the community tells a wider circle: "
                    "the local community, network contacts and the constituencies of people who have no "
                    "part in it themselves."
                ),
                "auto_check": None,
            },
            {
                "key": "communication-tweet-more",
                "title_nl": "Meer twitteren",
                "title_en": "Tweet more",
                "body_nl": (
                    "Via Twitter, Facebook, blogs en LinkedIn word je bekender en vind je meer mensen met "
                    "wie je kennis over de LG kunt delen. HellendoornSamen groeide via persoonlijke "
                    "contacten én via Twitter en had binnen twee maanden zo'n 200 volgers."
                ),
                "body_en": (
                    "Twitter, Facebook, blogs and LinkedIn help you become better known and find more "
                    "people to share what the community has learned. HellendoornSamen grew through "
                    "personal contacts and Twitter alike, gaining some 200 followers within two months."
                ),
                "auto_check": None,
            },
        ],
    },
    {
        "key": "costs",
        "order": 10,
        "title_nl": "Kosten",
        "title_en": "Costs",
        "intro_nl": (
            "Veel kan met gesloten beurs, omdat deelnemers ruimtes, eten en materiaal onderling regelen. "
            "Voor begeleiding, ondersteuning en blijvende activiteiten is meestal geld van buiten nodig."
        ),
        "intro_en": (
            "Much can be done without spending money, since participants arrange rooms, food and materials "
            "among themselves. Facilitation, support and lasting activities usually need outside funding."
        ),
        "items": [
            {
                "key": "costs-easy-1",
                "kind": EASY,
                "text_nl": "faciliteiten zoals ruimtes, catering en eenvoudige materialen",
                "text_en": "facilities such as rooms, catering and simple materials",
            },
            {
                "key": "costs-easy-2",
                "kind": EASY,
                "text_nl": "werkbezoeken en kennisuitwisseling tussen deelnemers",
                "text_en": "work visits and knowledge exchange among participants",
            },
            {
                "key": "costs-hard-1",
                "kind": HARD,
                "text_nl": "kosten voor secretariële ondersteuning, procesbegeleiding en 'zakgeld'",
                "text_en": "costs of secretarial support, facilitation and 'petty cash'",
            },
            {
                "key": "costs-hard-2",
                "kind": HARD,
                "text_nl": "structurele bijdragen voor nieuwe activiteiten en werkwijzen",
                "text_en": "lasting funding for new activities and ways of working",
            },
            {
                "key": "costs-hard-3",
                "kind": HARD,
                "text_nl": "bijdragen voor bredere kennisuitwisseling, zoals bijeenkomsten",
                "text_en": "funding for wider knowledge exchange, such as events",
            },
        ],
        "lessons": [
            {
                "key": "costs-among-yourselves",
                "title_nl": "Onderling regelen",
                "title_en": "Arrange it among yourselves",
                "body_nl": (
                    "Regel zo veel mogelijk samen: vergaderplekken, eten en drinken, enzovoort. En durf te "
                    "vragen! Na een oproep via Twitter kreeg de LG in Hellendoorn bijvoorbeeld een groot "
                    "scherm te leen voor een presentatie van HellendoornSamen in de open lucht."
                ),
                "body_en": (
                    "Arrange as much as you can among yourselves: meeting places, food and drink and so "
                    "on. And dare to ask! After a request on Twitter, for instance, the Hellendoorn "
                    "community was lent a large screen for an open-air presentation of HellendoornSamen."
                ),
                "auto_check": None,
            },
            {
                "key": "costs-creative-funding",
                "title_nl": "Creatieve financiering",
                "title_en": "Creative funding",
                "body_nl": (
                    "De alternatieve geldbronnen die veel informele groepen gebruiken, staan ook open voor "
                    "een LG. Denk aan crowdfunding, sponsoring en bijdragen van fondsen, bijvoorbeeld "
                    "coöperatieve fondsen."
                ),
                "body_en": (
                    "The alternative sources of money that many informal groups rely on are open to a "
                    "Learning Community too. Think of crowdfunding, sponsorship and grants from funds, "
                    "such as cooperative funds."
                ),
                "auto_check": None,
            },
            {
                "key": "costs-external-partners",
                "title_nl": "Externe financieringspartners zoeken",
                "title_en": "Find external funding partners",
                "body_nl": (
                    "Sommige kosten kan een LG niet zelf opvangen, en daarvoor loont het om partners van "
                    "buiten te zoeken. Het gaat om zakgeld voor kleine uitgaven zoals een website of "
                    "gastsprekers, om geld voor nieuwe structurele activiteiten en om ondersteuning zoals "
                    "een coördinator en een secretariaat. Dat werk achter de schermen kost meer tijd dan "
                    "je denkt, is lastig met vrijwilligers te vullen en er is moeilijk subsidie of "
                    "sponsoring voor te vinden."
                ),
                "body_en": (
                    "Some costs a community cannot absorb itself, and for those it pays to look for "
                    "outside partners. They include petty cash for small expenses such as a website or "
                    "guest speakers, money for new lasting activities, and support such as a coordinator "
                    "and a secretariat. That behind-the-scenes work takes more time than you expect, is "
                    "hard to fill with volunteers and is difficult to get grants or sponsorship for."
                ),
                "auto_check": None,
            },
        ],
    },
]

BONUS_TIPS = [
    {
        "initiator": "municipality",
        "title_nl": "Met een LG aan de slag als gemeente",
        "title_en": "Starting a Learning Community as a municipality",
        "tips_nl": [
            (
                "Zorg dat de gemeenteraad vanaf het begin weet wat de LG is en doet, zodat de raad er geen "
                "bedreigend nieuw orgaan in ziet dat dwars door bestaande verbanden heen werkt. Daarvoor "
                "moet het college de rol van de gemeente in de LG, bijvoorbeeld als facilitator, kennen en "
                "steunen."
            ),
            (
                "Laat de inhoud los, maar zorg voor goede procesbegeleiding, ondersteuning en waar nodig "
                "inspiratie. Houd de rol van facilitator gescheiden van die van partner of deelnemer en "
                "geef ze niet aan één persoon."
            ),
            (
                "Handel zorgvuldig nu de gemeente meerdere petten op heeft. Moet je bijvoorbeeld "
                "bezuinigen op organisaties die in de LG zitten, voer dat proces dan los van de LG en "
                "samen met de instellingen, zodat de onderlinge relaties goed blijven."
            ),
            (
                "Besteed uitdrukkelijk aandacht aan wat de LG de gemeente oplevert en wat de gemeente met "
                "de uitkomsten doet. Verwacht niet te veel en niet te snel: betere relaties en een "
                "gemeenschap rond het vraagstuk zijn al een kernopbrengst, en concrete winst komt soms pas "
                "na afloop."
            ),
        ],
        "tips_en": [
            (
                "Make sure the council knows from the start what the community is and does, so that it "
                "does not see a threatening new body cutting across existing structures. That presupposes "
                "that the mayor and aldermen know and support the municipality's role in it, for instance "
                "as facilitator."
            ),
            (
                "Let go of the content, but provide good process support, backing and, where needed, "
                "inspiration. Keep the role of facilitator separate from that of partner or participant, "
                "and never give both to one person."
            ),
            (
                "Act with care, since the municipality wears several hats. If, for example, you have to "
                "cut funding to organisations that take part, run that process apart from the community "
                "and jointly with the organisations, so that relationships stay good."
            ),
            (
                "Pay explicit attention to what the community yields for the municipality and what the "
                "municipality does with its outcomes. Do not expect too much too soon: better "
                "relationships and a community around the question are a core result, and concrete gains "
                "sometimes only appear after it ends."
            ),
        ],
        "examples_nl": [
            "Hoe benut je leegstaande bedrijfsruimtes en bedrijventerreinen beter?",
            "Hoe ondersteun je bewoners die zelf gebouwen en openbare ruimte willen beheren?",
            "Hoe zet je een vliegwiel in gang voor duurzaamheidsinitiatieven uit de samenleving?",
            "Hoe veranker je overheidsparticipatie als werkprincipe in je eigen organisatie?",
        ],
        "examples_en": [
            "How can empty commercial premises and business parks be put to better use?",
            "How do you support residents who want to manage buildings and public spaces themselves?",
            "How do you set a flywheel going for sustainability initiatives from the community?",
            "How do you embed government participation as a working principle in your own organisation?",
        ],
    },
    {
        "initiator": "residents",
        "title_nl": "Met een LG aan de slag als bewonersgroep of netwerk",
        "title_en": "Starting a Learning Community as a residents' group or network",
        "tips_nl": [
            (
                "Zoek partners die bij het vraagstuk echt een rol van betekenis spelen, maar laat je niet "
                "leiden door representativiteit. Kijk liever of mensen netwerkers zijn, leergierig, "
                "creatief en bereid om te handelen, en of ze zich een tijd kunnen binden."
            ),
            (
                "Wil je de gemeente erbij, zoek dan een ambtenaar die goed verbindingen legt en vanuit "
                "meerdere invalshoeken kan denken. Kies niet alleen gelijkgestemden, maar mensen die "
                "elkaar aanvullen."
            ),
            (
                "Een LG brengt mensen bij elkaar, maar is geen middel voor diepe conflicten. Los die eerst "
                "op, of kies een thema waar hooguit onbegrip speelt en geen verstoorde verhoudingen."
            ),
            (
                "Goede facilitering is cruciaal. Kun je die niet zelf regelen, zoek dan hulp, bijvoorbeeld "
                "bij de deelnemers; de gespreksleider moet door iedereen geaccepteerd zijn en soepel "
                "kunnen schakelen tussen inhoud en proces, leren en doen."
            ),
            (
                "Onderschat het werk achter de schermen niet: een LG heeft misschien nog meer dan een "
                "gewone projectgroep professionele secretariële ondersteuning nodig."
            ),
        ],
        "tips_en": [
            (
                "Look for partners who play a real part in the question, but do not let representativeness "
                "guide you. Ask rather whether people are networkers, eager to learn, creative and ready "
                "to act, and whether they can commit for a while."
            ),
            (
                "If you want the municipality on board, look for a civil servant who is good at making "
                "connections and can think from several angles. Do not pick only like-minded people; "
                "invite people who complement each other."
            ),
            (
                "A Learning Community brings people together, but it is no tool for deep conflicts. "
                "Resolve those first, or choose a theme where there may be misunderstanding but no damaged "
                "relationships."
            ),
            (
                "Good facilitation is crucial. If you cannot arrange it yourselves, look for help, for "
                "example among the participants; the moderator must be accepted by everyone and able to "
                "move smoothly between content and process, learning and doing."
            ),
            (
                "Do not underestimate the work behind the scenes: a Learning Community may need "
                "professional secretarial support even more than an ordinary project group does."
            ),
        ],
        "examples_nl": [
            "Hoe krijg je andere bewoners zover dat ze zich ook voor de samenleving inzetten?",
            "Hoe breng je een beweging van actieve ouderen ('zilveren kracht') op gang?",
            "Hoe geef je nieuwe bewegingen, bijvoorbeeld rond duurzaamheid, meer slagkracht?",
            "Hoe zet je zelf een dorps- of wijkhuis op en hoe houd je het draaiende?",
        ],
        "examples_en": [
            "How do you get other residents to commit themselves to the community as well?",
            "How do you get a movement of active older people ('silver power') going?",
            "How do you give new movements, for example around sustainability, more clout?",
            "How do you set up and run a village or neighbourhood centre yourselves?",
        ],
    },
    {
        "initiator": "welfare",
        "title_nl": "Met een LG aan de slag als welzijnsorganisatie",
        "title_en": "Starting a Learning Community as a welfare organisation",
        "tips_nl": [
            (
                "Als initiatiefnemer: zorg voor een brede samenstelling die past bij het onderwerp, en "
                "kijk verder dan je vaste partners; durf te kiezen voor ongewone combinaties."
            ),
            (
                "Als begeleider: laat je door een opdrachtgever niet opjagen om snel resultaat te boeken. "
                "Geef de deelnemers de ruimte, bewaak de koers en stap op cruciale momenten zelf naar "
                "voren; waar het inhoudelijk naartoe gaat, bepaalt de groep."
            ),
            (
                "Stel je neutraal op, als een soort Zwitserland, en zet iemand in met ervaring: een "
                "verbinder met talent als trainer, procesmanager en netwerkbouwer, met een klein ego en "
                "veel humor."
            ),
            (
                "Als partner: breng de kennis van je verschillende afdelingen in en laat zien hoe je wat "
                "je leert vertaalt naar je eigen organisatie, naar buurt- en dorpsnetwerken en naar nieuwe "
                "werkwijzen zoals welzijn nieuwe stijl."
            ),
        ],
        "tips_en": [
            (
                "As initiator: aim for a broad composition that fits the subject, and look beyond your "
                "usual partners; dare to choose unusual combinations."
            ),
            (
                "As facilitator: do not let a client rush you into quick results. Give participants room, "
                "keep the community on course and step forward yourself at crucial moments; where the "
                "content goes is for the group to decide."
            ),
            (
                "Take a neutral stance, a kind of Switzerland, and bring in someone experienced: a "
                "connector with a talent for training, managing processes and building networks, with a "
                "small ego and plenty of humour."
            ),
            (
                "As partner: contribute the knowledge of your various departments and show how you carry "
                "what you learn into your own organisation, into neighbourhood and village networks and "
                "into new approaches such as the new style of welfare work."
            ),
        ],
        "examples_nl": [
            (
                "Hoe geef je samen met bewoners vorm aan de kanteling naar eigen kracht en ondersteuning "
                "op maat?"
            ),
            "Hoe ontstaat er meer samenwerking tussen zorginstellingen en welzijnswerk?",
            "Hoe pak je sociaal isolement in de gemeente aan?",
            (
                "Hoe maak je het principe van eigen kracht tot uitgangspunt voor alle onderdelen van de "
                "organisatie?"
            ),
        ],
        "examples_en": [
            (
                "How do you shape, together with residents, the shift towards self-reliance and tailored "
                "support?"
            ),
            "How can care institutions and welfare work cooperate more?",
            "How do you tackle social isolation in the municipality?",
            (
                "How do you make the principle of self-reliance the starting point for every part of the "
                "organisation?"
            ),
        ],
    },
    {
        "initiator": "entrepreneurs",
        "title_nl": "Met een LG aan de slag als maatschappelijk betrokken ondernemersgroep",
        "title_en": "Starting a Learning Community as a group of socially engaged entrepreneurs",
        "tips_nl": [
            (
                "Nodig niet alleen andere ondernemers uit. Maak de kring breder met mensen uit andere "
                "hoeken van de samenleving, zoals een kunstenaar uit de buurt of de voorzitter van een "
                "buurtbeheergroep, zolang ze iets met het thema hebben."
            ),
            (
                "Reken erop dat niet iedereen in het begin dezelfde taal spreekt. Dat kan frustreren, maar "
                "het is ook een mooi leerdoel: met meer begrip voor elkaar komen nieuwe kansen op tafel. "
                "In Hellendoorn bleken ondernemers onverwacht veel te leren van de Raad van Kerken."
            ),
            (
                "Maak er geen projectgroep van. Kun je niet zonder projectplan en snelle acties, begin er "
                "dan niet aan: een LG is slow management, met winst die later komt maar wel blijft."
            ),
        ],
        "tips_en": [
            (
                "Do not invite only other entrepreneurs. Widen the circle with people from other parts of "
                "society, such as a local artist or the chair of a neighbourhood management group, as long "
                "as the theme means something to them."
            ),
            (
                "Expect that not everyone speaks the same language at first. That can be frustrating, but "
                "it also makes a good learning goal: as understanding grows, new opportunities come up. In "
                "Hellendoorn, entrepreneurs turned out to learn a lot from the local council of churches, "
                "to their own surprise."
            ),
            (
                "Do not turn it into a project group. If you cannot do without a project plan and quick "
                "action, do not start one: a Learning Community is slow management, with gains that come "
                "later but last."
            ),
        ],
        "examples_nl": [
            "Hoe stimuleer je je medewerkers om zich voor de samenleving in te zetten?",
            "Hoe maak je maatschappelijke betrokkenheid tot de missie van je bedrijf?",
            "Hoe stem je de lokale netwerken van maatschappelijk betrokken ondernemers beter op elkaar af?",
            "Hoe zorg je samen met bewoners en anderen voor een levendig centrum?",
        ],
        "examples_en": [
            "How do you encourage your employees to get involved in the community?",
            "How do you make social engagement the mission of your business?",
            "How do you bring local networks of socially engaged entrepreneurs into better alignment?",
            "How do you work with residents and others to create a lively town centre?",
        ],
    },
    {
        "initiator": "civil_society",
        "title_nl": "Met een LG aan de slag als maatschappelijke organisatie of stichting",
        "title_en": "Starting a Learning Community as a civil-society organisation or foundation",
        "tips_nl": [
            "Ook hier geldt: maak de kring breed en nodig niet alleen partners uit je eigen hoek uit.",
            (
                "Zoek mensen die belang hebben bij het thema maar net buiten je eigen kring vallen, zoals "
                "de ondernemende snackbarhouder die zich in zijn vrije tijd met jouw thema bezighoudt, of "
                "de coördinator van de maatschappelijke stages op een school."
            ),
            (
                "Denk niet institutioneel, ook al is dat even wennen, maar vanaf het begin in relaties en "
                "persoonlijke netwerken. Gedreven mensen met een netwerk en belang bij het vraagstuk "
                "brengen je soms verder dan een zaal vol invloedrijke experts."
            ),
            (
                "Zoek eventueel een partner met hetzelfde belang om samen te starten. Dat maakt de "
                "facilitering makkelijker, kost je minder tijd, brengt je thema sneller verder en is met "
                "een goede taakverdeling ook leuker en leerzamer."
            ),
        ],
        "tips_en": [
            "Here too: keep the circle wide and do not invite only partners from your own corner.",
            (
                "Look for people who have a stake in the theme but sit just outside your usual circle, "
                "such as the enterprising owner of a snack bar who works on your theme in his spare time, "
                "or the school's coordinator of community internships."
            ),
            (
                "Try not to think in terms of institutions, even if that takes some getting used to; think "
                "in relationships and personal networks from the start. Committed people with a network "
                "and a stake in the question can sometimes take you further than a room full of "
                "influential experts."
            ),
            (
                "Consider finding a partner with the same interest to start together. That makes "
                "facilitation easier, saves you time, moves your theme forward faster and, with a good "
                "division of tasks, is more enjoyable and instructive too."
            ),
        ],
        "examples_nl": [
            (
                "Hoe versterkt een kerk haar maatschappelijke inzet en werkt ze meer samen met partners in "
                "de wijk?"
            ),
            (
                "Hoe werkt informele thuiszorg beter samen met wijkbeheer en sluit ze meer aan bij "
                "bestaande bewonersinitiatieven?"
            ),
            "Hoe werken wijkverenigingen beter samen met maatschappelijk betrokken ondernemers?",
            "Hoe gaan woonzorgcentra meer samenwerken met kunst- en cultuurinstellingen?",
        ],
        "examples_en": [
            (
                "How can a church strengthen its social engagement and work more closely with "
                "neighbourhood partners?"
            ),
            (
                "How can informal home care cooperate better with neighbourhood management and build on "
                "existing residents' initiatives?"
            ),
            "How can neighbourhood associations work better with socially engaged entrepreneurs?",
            "How can residential care homes cooperate more with arts and cultural institutions?",
        ],
    },
]
