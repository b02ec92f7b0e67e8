"""The one lexicon of articles/text: stopwords, roles and titles, countries and bodies.

The splitter, the entity candidates and every check read their word knowledge from
here, so that they agree on what a word is. Nothing here is about any particular
story: these are the words any news copy uses, kept as data a reader can extend.
Lookups are case-sensitive where case decides the meaning ("US" the country, "us"
the pronoun; "WHO" the agency, "who" the pronoun): see `is_stopword`.
"""

from __future__ import annotations

import re
import unicodedata


def words_of(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of a word-list literal."""
    return tuple(text.split())


def fold_accents(word: str) -> str:
    """`word` without diacritics ("chargé" -> "charge"), for comparing spellings."""
    if word.isascii():  # most words: normalizing leaves ASCII as it is
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Spellings that transliterations of one name write differently, from Cyrillic,
# Greek or Arabic, or by English, German or French habit ("Oleksandr Hrytsenko" /
# "Aleksandr Gritsenko", "Sergei" / "Sergey", "Mikhail" / "Mihail"), in the order
# they are read.
_SPELLING_EQUIVALENTS = (
    ("ø", "o"),  # letters that fold_accents keeps
    ("æ", "ae"),
    ("œ", "oe"),
    ("ß", "ss"),
    ("ł", "l"),
    ("đ", "d"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("ch", "C"),  # kept apart from "c" and "h" until the end
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("ff", "v"),
    ("th", "t"),
    ("ck", "k"),
    ("x", "ks"),
    ("q", "k"),
    ("c", "k"),
    ("w", "v"),
    ("z", "s"),
    ("g", "h"),
    ("j", "y"),
    ("C", "ch"),
)
_VOWELS = "aeiouy"


def transliteration_key(name: str) -> tuple[str, ...]:
    """What the spellings of one name in different transliterations share: its
    words' consonants, doubled letters written once, and each word's last vowel
    (which tells "Ivan" from "Ivana" and "Mario" from "Maria"; a last "o", "i" or
    "y" is one ending: "Dmytro" / "Dmitry", the Ukrainian and Russian forms)."""
    key = []
    # "al-Rashidi" and "Al Rashidi": a particle joined or not is one name
    split = re.split(r"[\s\-]+", name)
    parts = [w for w in split if w.lower() not in NAME_PARTICLES | HYPHEN_PARTICLES]
    for word in parts or split:
        spelled = "".join(c for c in fold_accents(word.lower()) if c.isalpha())
        for written, read in _SPELLING_EQUIVALENTS:
            spelled = spelled.replace(written, read)
        spelled = re.sub(r"(.)\1+", r"\1", spelled)
        ending = spelled[-1:] if spelled[-1:] in _VOWELS else ""
        ending = "i" if ending in ("y", "o") else ending
        key.append("".join(c for c in spelled if c not in _VOWELS) + ending)
    return tuple(key)


# --- ordinary words -------------------------------------------------------------------

STOPWORDS = frozenset(
    words_of(
        """
    a about above according across after afterwards again against ahead all
    almost also although always amid among an and another any anyone anything
    are as at back be because been before being below besides between beyond
    both but by can could despite did do does during each earlier either else
    even ever every everyone except few finally first following for from
    further furthermore had has have having he her here hers herself him
    himself his how however i if in including indeed instead into is it its
    itself just last later latest least less like many may meanwhile more
    moreover most much must my neither never nevertheless next no none
    nonetheless nor not now of off on once one only onto or other others
    otherwise our ours out over overall perhaps previously rather recently
    regardless said say says second several shall she should since so some
    someone something soon still such tell than that the their theirs them
    themselves then there therefore these they this those though through
    throughout thus to today together told tomorrow too toward towards under
    unless unlike until up upon us very was we were what whatever when
    whenever where whereas whether which while who whoever whom whose why will
    with within without would yes yesterday yet you your yours
    """
    )
)

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    words_of(
        """
    mr mrs ms dr prof gen col lt maj capt sgt adm gov sen rep st mt jr sr inc ltd
    supt insp det cllr cmdr cdr brig rev revd rt fr
    co corp no vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n
    e.g i.e
    """
    )
)

# Words that go before a name but are not an office.
HONORIFICS = frozenset(
    words_of("mr mrs ms miss dr prof sir lord lady dame rev revd rt fr")
)

# Words capitalised only because they open a sentence, never part of a name.
SENTENCE_OPENERS = frozenset(
    words_of("yesterday today tonight earlier later now thus instead")
)


# Verbs that attribute speech ("..., she said", "..., added the minister"), with
# their inflections: the verbs news copy hangs a quotation on.
SPEECH_VERBS = frozenset(
    words_of(
        """
        say said says add added adds tell told tells ask asked asks explain
        explained explains insist insisted insists recall recalled recalls warn
        warned warns admit admitted admits reply replied replies argue argued argues
        claim claimed claims complain complained complains continued continues
        wrote writes noted notes conceded concedes remarked remarks declared
        declares stressed stresses joked jokes agreed agrees
        """
    )
)


# --- roles and titles -----------------------------------------------------------------

# Nouns that name a person's office or job. A capitalised run ending in one of these
# before a name is a title ("Deputy Foreign Minister"), not part of the name.
# Foreign-language titles news copy keeps untranslated are offices like any other.
_ROLE_HEAD_WORDS = frozenset(
    words_of(
        """
    minister president premier chancellor secretary spokesman spokeswoman spokesperson
    ambassador envoy representative diplomat consul chargé director head chief
    leader commander general admiral marshal colonel lieutenant major captain
    sergeant officer governor mayor senator congressman congresswoman lawmaker
    legislator mp mep chairman chairwoman chair chairperson speaker king queen
    prince princess emir sheikh sultan pope cardinal bishop archbishop imam mufti
    ayatollah mullah cleric judge justice prosecutor attorney lawyer commissioner
    coordinator rapporteur administrator adviser advisor counsellor counselor
    councillor attaché analyst economist researcher investigator professor reporter
    engineer surveyor architect planner conductor surgeon physician scientist accountant
    lecturer
    correspondent journalist editor author expert founder executive ceo cfo coo
    manager official officials representatives deputy mediator negotiator
    inspector auditor registrar treasurer ombudsman superintendent commissar
    coach trainer referee umpire master headmaster headmistress headteacher
    rector provost warden sheriff detective commandant curator rabbi
    pastor priest reverend constable principal nurse
    magistrate coroner recorder solicitor barrister bailiff archdeacon vicar curate
    chaplain deacon bursar trustee convener convenor moderator alderman
    councilman councilwoman assemblyman assemblywoman assemblymember selectman
    commodore brigadier corporal comptroller controller supervisor nuncio
    emissary viceroy skipper whip
    taoiseach tánaiste président presidente ministre ministro tsar
    burgemeester maire alcalde alcaldesa sindaco presidenta ministra
    viceministro viceministra vicepresidente vicepresidenta partner
    prefeito prefeita sindaca gobernador gobernadora governatore
    """
    )
) | frozenset(
    # German titles, each with its feminine form: "Ministerin", "Staatssekretärin"
    form
    for word in words_of(
        """
        kanzler bundeskanzler minister bundesminister ministerpräsident präsident
        bürgermeister
        oberbürgermeister staatssekretär direktor
        """
    )
    for form in (word, word + "in")
)

# Titles of more than one word, or hyphenated, that name one office: the words are
# read together ("Secretary-General" is not a general). Keys are lower case with
# accents folded; values are the office as compared.
ROLE_COMPOUNDS = {
    ("charge", "d'affaires"): "charge d'affaires",
    ("secretary", "general"): "secretary-general",
    ("attorney", "general"): "attorney-general",
    ("director", "general"): "director-general",
    ("governor", "general"): "governor-general",
    ("solicitor", "general"): "solicitor-general",
    ("inspector", "general"): "inspector-general",
    ("surgeon", "general"): "surgeon-general",
    ("postmaster", "general"): "postmaster-general",
    ("head", "of", "state"): "head-of-state",
    ("head", "of", "government"): "head-of-government",
    ("prime", "minister"): "prime-minister",
    ("first", "minister"): "first-minister",
}
# Portfolios in the titles of other languages (accents folded), as the English
# portfolio: "Ministro de Justicia" is the justice minister, "Ministre de
# l'Intérieur" the interior minister.
_FOREIGN_PORTFOLIOS = {
    word: portfolio
    for portfolio, words in (
        ("health", "sanidad salud sante gesundheit sanita saude"),
        ("education", "educacion bildung istruzione educacao"),
        ("foreign", "exteriores etrangeres auswartiges esteri estrangeiros"),
        ("affairs", "asuntos affaires relacoes negocios"),
        ("interior", "interieur innern interno"),
        ("finance", "hacienda finanzas finanzen fazenda financas"),
        ("economy", "economia economie wirtschaft"),
        ("defence", "defensa verteidigung difesa defesa"),
        ("justice", "justicia justiz giustizia justica"),
        ("labour", "trabajo travail arbeit lavoro trabalho"),
        ("transport", "transportes transports verkehr trasporti"),
        ("housing", "vivienda logement"),
        ("agriculture", "agricultura landwirtschaft"),
        ("culture", "cultura kultur"),
        ("environment", "environnement umwelt ambiente"),
        ("energy", "energia energie"),
        ("tourism", "turismo tourisme"),
    )
    for word in words.split()
}

# Titles written short or without their head noun, read in full before comparing:
# "CEO" and "chief executive" are the "chief executive officer".
ROLE_EXPANSIONS = {
    ("ceo",): ("chief", "executive", "officer"),
    ("cfo",): ("chief", "financial", "officer"),
    ("coo",): ("chief", "operating", "officer"),
    ("chief", "executive"): ("chief", "executive", "officer"),
    # "Minister of State for Trade": a junior minister, not the trade minister
    ("minister", "state"): ("junior", "minister"),
    **{(word,): (portfolio,) for word, portfolio in _FOREIGN_PORTFOLIOS.items()},
    # titles in other languages that name a rank and an office (accents folded)
    **{
        (word,): title
        for words, title in (
            ("staatssekretar staatssekretarin", ("junior", "minister")),
            ("viceministro viceministra", ("vice", "minister")),
            ("vicepresidente vicepresidenta", ("vice", "president")),
            ("oberburgermeister oberburgermeisterin", ("mayor",)),
        )
        for word in words.split()
    },
}
# Titles written short before a name: "Lt. Gov.", "Det. Supt", "Cllr". Those that
# are also names ("Sen", "Rep", "Gen") are titles only with their full stop
# (title_reading); the others are title words however written.
TITLE_ABBREVIATIONS = {
    short: (full,)
    for short, full in (
        ("gov", "governor"),
        ("lt", "lieutenant"),
        ("sen", "senator"),
        ("rep", "congressman"),  # "Rep." before a name: a lower-house member
        ("gen", "general"),
        ("col", "colonel"),
        ("maj", "major"),
        ("capt", "captain"),
        ("cmdr", "commander"),
        ("cdr", "commander"),
        ("adm", "admiral"),
        ("brig", "brigadier"),
        ("sgt", "sergeant"),
        ("supt", "superintendent"),
        ("insp", "inspector"),
        ("det", "detective"),
        ("cllr", "councillor"),
    )
}
ROLE_EXPANSIONS.update({(short,): full for short, full in TITLE_ABBREVIATIONS.items()})
ROLE_HEADS = (
    _ROLE_HEAD_WORDS
    | frozenset(fold_accents(w) for w in _ROLE_HEAD_WORDS)
    | frozenset(ROLE_COMPOUNDS.values())
    | frozenset(words_of("lt sgt supt insp cllr cmdr capt cdr"))
)
# German titles that join a portfolio to "Minister" ("Außenministerin",
# "Bundesfinanzminister"): the minister of that portfolio.
_GERMAN_PORTFOLIO_PREFIXES = {
    "aussen": "foreign",
    "außen": "foreign",
    "innen": "interior",
    "finanz": "finance",
    "verteidigungs": "defence",
    "gesundheits": "health",
    "justiz": "justice",
    "wirtschafts": "economy",
    "umwelt": "environment",
    "verkehrs": "transport",
    "bildungs": "education",
    "arbeits": "labour",
    "landwirtschafts": "agriculture",
    "kultur": "culture",
    "entwicklungs": "development",
}
_GERMAN_PORTFOLIO_MINISTERS = {
    f"{federal}{prefix}minister{feminine}": (portfolio, "minister")
    for prefix, portfolio in _GERMAN_PORTFOLIO_PREFIXES.items()
    for federal in ("", "bundes")
    for feminine in ("", "in")
}
ROLE_EXPANSIONS.update(
    {(word,): office for word, office in _GERMAN_PORTFOLIO_MINISTERS.items()}
)
ROLE_HEADS |= frozenset(_GERMAN_PORTFOLIO_MINISTERS)

# Offices that are one office under two names, as compared.
OFFICE_SYNONYMS = {
    "chairwoman": "chairman",
    "chair": "chairman",
    "chairperson": "chairman",
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
    "advisor": "adviser",
    "counselor": "counsellor",
    "congresswoman": "congressman",
    "premier": "prime-minister",
    "justice": "judge",
    "head": "director",  # "head of housing" / "director of planning": one kind
    # titles in other languages (accents folded), as the English office
    **{
        word: office
        for office, words in (
            (
                "minister",
                "ministre ministro ministra ministerin bundesminister bundesministerin",
            ),
            ("president", "presidente presidenta prasident prasidentin"),
            ("chancellor", "kanzler kanzlerin bundeskanzler bundeskanzlerin"),
            (
                "mayor",
                "burgermeister burgermeisterin burgemeester maire alcalde "
                "alcaldesa sindaco sindaca prefeito prefeita",
            ),
            ("prime-minister", "ministerprasident ministerprasidentin"),
            ("governor", "gobernador gobernadora governatore"),
            ("director", "direktor direktorin"),
        )
        for word in words.split()
    },
}

# Offices of which one person holds at most one at a time: "Prime Minister X" and
# "President X" cannot both be right. Offices outside these groups may be held
# together ("the party's leader and spokesman") and are not compared.
EXCLUSIVE_OFFICES = (
    frozenset(words_of("president prime-minister taoiseach king queen emir sultan")),
    frozenset(
        words_of(
            """
            general colonel major captain lieutenant sergeant admiral marshal
            commodore brigadier corporal
            """
        )
    ),
    frozenset(("ambassador", "consul", "charge d'affaires")),
    frozenset(words_of("judge prosecutor")),
    # a court's judges and the officers who run its business
    frozenset(words_of("judge registrar bailiff")),
    frozenset(words_of("attorney-general solicitor-general")),  # law officers
    frozenset(words_of("constable sergeant inspector superintendent")),  # police
    frozenset(words_of("bishop archbishop archdeacon vicar curate")),  # clergy
    frozenset(words_of("professor lecturer")),
    frozenset(words_of("mayor governor")),
    # members of two chambers of one legislature
    frozenset(words_of("senator congressman mp")),
    # the officers of one body (a club, a company, a charity): unless the copy says
    # one person holds two ("chairman and chief executive"), one of them is false
    frozenset(
        (
            "chairman",
            "chief executive officer",
            "chief financial officer",
            "chief operating officer",
            "managing director",
            "treasurer",
        )
    ),
)


# The chambers of a legislature a "member of" sits in, as the office compared:
# "a member of the lower house" is a congressman, not a senator.
LEGISLATIVE_CHAMBERS = {
    tuple(chamber.split()): office
    for office, chambers in (
        (
            "congressman",
            (
                "lower house",
                "house of representatives",
                "chamber of deputies",
                "congress",
                "house of delegates",
            ),
        ),
        ("mp", ("parliament", "house of commons")),
        ("senator", ("senate", "upper house")),
    )
    for chamber in chambers
}


# Posts on the staff of one body (a gallery, a council, a club, a school), one to a
# person: the gallery's director is not also its chief curator, nor a club's head
# coach its director of rugby, nor a council's leader its chief executive, unless
# the copy says so. Offices are as compared
# (see title_consistency._office): "chief planning officer" is an "officer".
POSTS_OF_ONE_BODY = frozenset(
    words_of(
        """
    director curator principal headteacher headmaster headmistress head coach
    officer treasurer registrar nurse leader secretary president chairman
    secretary-general director-general
    """
    )
)
# Of those, posts that are one body's only when the copy says whose ("the union's
# general secretary"): a "Foreign Secretary" or "President" alone is an office of
# state.
POSTS_NAMING_THEIR_BODY = frozenset(
    words_of("secretary president secretary-general director-general")
)
# The head of a body, under the names different bodies give it: one post.
HEADS_OF_BODY = frozenset(
    (
        *words_of(
            "head director principal headteacher headmaster headmistress president"
        ),
        "chief executive officer",
        "managing director",
    )
)


# Verbs that give a person an office ("who has led the council", "who chairs the
# trust"): the present form and the participle, and the office they name.
OFFICE_VERBS = {
    present: (participle, office)
    for present, participle, office in (
        ("leads", "led", "leader"),
        ("heads", "headed", "head"),
        ("chairs", "chaired", "chairman"),
        ("manages", "managed", "manager"),
        ("coaches", "coached", "coach"),
        ("captains", "captained", "captain"),
    )
}


def exclusive_offices(first: str, second: str) -> bool:
    """True when one person cannot hold both offices (as compared: "chairman",
    "chief executive officer") at once."""
    return any(first in group and second in group for group in EXCLUSIVE_OFFICES)


# Words that change the rank of a title: "Deputy Foreign Minister" and "Foreign
# Minister" are different jobs, as are "Vice-President" and "President".
RANK_MODIFIERS = frozenset(
    words_of(
        """
    deputy vice acting former first second assistant interim under associate
    caretaker outgoing incoming ex co junior lieutenant major brigadier rear
    guest visiting honorary shadow pro
    """
    )
)

# Words that say which office, inside a title ("Foreign Minister", "Special Envoy").
TITLE_MODIFIERS = RANK_MODIFIERS | frozenset(
    words_of(
        """
    foreign interior defence defense finance home justice health education economy
    economic trade commerce agriculture energy environment transport labour labor
    information culture tourism industry housing security intelligence military state
    special prime senior principal lead top chief general political national public
    affairs permanent executive managing supreme high regional provincial district
    financial operating technology marketing medical scientific legal commercial
    presiding d'affaires
    """
    )
)
TITLE_MODIFIERS |= frozenset(_FOREIGN_PORTFOLIOS)  # "Ministre des Finances"

# What a minister, secretary or commissioner is "for" or "of", capitalised or not
# ("Minister for Rural Affairs", "Secretary of State for Work and Pensions"): the
# fields of government, as general English names them. Read only after "of" /
# "for" in a title, so they stay ordinary words (and names) elsewhere.
PORTFOLIO_WORDS = frozenset(
    words_of(
        """
    enterprise employment skills science research universities schools children
    families women equality equalities sport sports arts heritage media digital
    communications fisheries forestry food farming rural water climate veterans
    pensions welfare work business innovation investment infrastructure planning
    communities community regions mines mining petroleum oil gas lands land youth
    immigration migration citizenship police policing prisons courts constitution
    exports local social care disability disabilities roads rail railways
    aviation ports maritime consumer competition training development
    international overseas aid cooperation relations integration safety revenue
    taxation budget treasury urban cities environment transport culture tourism
    health education housing justice finance trade energy agriculture defence
    """
    )
)

# Words that grade one office: "Chief Superintendent" and "Superintendent", "Senior
# Partner" and "Junior partner", "Lead researcher" and "junior researcher" are two
# ranks. A loose description drops them ("a partner at the firm"), a formal title
# does not.
GRADE_WORDS = frozenset(words_of("chief senior junior lead principal"))

# Words before an office that describe its holder, not the office: "the veteran
# coach", "the club's new manager". A word there that names a field or a part of
# the body makes another office ("batting coach", "reserve-team coach").
DESCRIPTIVE_WORDS = frozenset(
    words_of(
        """
    new veteran longtime long-time long-serving popular respected experienced
    well-known renowned outspoken controversial embattled beleaguered celebrated
    current serving retired retiring departing young ambitious influential
    powerful prominent leading then future sitting elected unelected
    temporary full-time part-time local joint sole only left-wing right-wing
    hardline moderate populist centrist reformist liberal radical charismatic
    dynamic energetic
    """
    )
)

# Everything that can go before a name as its title, for the entity candidates.
PERSON_TITLES = ROLE_HEADS | HONORIFICS | frozenset(words_of("capt col gen gov lt sgt"))


def role_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """Title words (lower case) read into offices: compounds joined, ranks split.

    ("chargé", "d'affaires") -> ("charge d'affaires",); ("vice-president",) ->
    ("vice", "president"); ("secretary-general",) stays one office. Accents are
    folded, so a title is the same office with or without them.
    """
    parts: list[str] = []
    for word in words:
        pieces = tuple(fold_accents(word).split("-"))
        if (
            len(pieces) > 1
            and pieces not in ROLE_COMPOUNDS
            and all(p in TITLE_MODIFIERS or p in ROLE_HEADS for p in pieces)
        ):
            parts.extend(pieces)  # "vice-president": a rank and an office
        else:
            parts.append("-".join(pieces))
    expanded: list[str] = []
    i = 0
    while i < len(parts):
        for size in (2, 1):
            key = tuple(parts[i : i + size])
            following = parts[i + size] if i + size < len(parts) else ""
            if key in ROLE_EXPANSIONS and following != "officer":
                expanded.extend(ROLE_EXPANSIONS[key])
                i += size
                break
        else:
            expanded.append(parts[i])
            i += 1
    parts = expanded
    merged: list[str] = []
    i = 0
    while i < len(parts):
        for size in (3, 2):
            key = tuple(parts[i : i + size])
            if len(key) == size and key in ROLE_COMPOUNDS:
                merged.append(ROLE_COMPOUNDS[key])
                i += size
                break
        else:
            merged.append(ROLE_COMPOUNDS.get(tuple(parts[i].split("-")), parts[i]))
            i += 1
    return tuple(OFFICE_SYNONYMS.get(word, word) for word in merged)


def is_role_head(word: str) -> bool:
    """True for a word (any case, accents or not) that names an office."""
    return fold_accents(word.lower()) in ROLE_HEADS


# --- countries and international bodies -----------------------------------------------

# Country | demonyms and adjectives | capital | other names (comma-separated).
_COUNTRIES = """
Afghanistan|Afghan|Kabul|
Albania|Albanian|Tirana|
Algeria|Algerian|Algiers|
Angola|Angolan|Luanda|
Argentina|Argentine,Argentinian|Buenos Aires|
Armenia|Armenian|Yerevan|
Australia|Australian|Canberra|
Austria|Austrian|Vienna|
Azerbaijan|Azerbaijani,Azeri|Baku|
Bahrain|Bahraini|Manama|
Bangladesh|Bangladeshi|Dhaka|
Belarus|Belarusian|Minsk|
Belgium|Belgian|Brussels|
Benin|Beninese|Porto-Novo|
Bhutan|Bhutanese|Thimphu|
Bolivia|Bolivian|La Paz|
Bosnia|Bosnian|Sarajevo|Bosnia and Herzegovina
Botswana|Botswanan,Motswana|Gaborone|
Brazil|Brazilian|Brasilia|
Bulgaria|Bulgarian|Sofia|
Burkina Faso|Burkinabe|Ouagadougou|
Burundi|Burundian|Gitega|
Cambodia|Cambodian|Phnom Penh|
Cameroon|Cameroonian|Yaounde|
Canada|Canadian|Ottawa|
Central African Republic|Central African|Bangui|CAR
Chad|Chadian|N'Djamena|
Chile|Chilean|Santiago|
China|Chinese|Beijing|People's Republic of China,PRC
Colombia|Colombian|Bogota|
Congo|Congolese|Kinshasa|DRC,Democratic Republic of the Congo
Costa Rica|Costa Rican|San Jose|
Croatia|Croatian|Zagreb|
Cuba|Cuban|Havana|
Cyprus|Cypriot|Nicosia|
Czech Republic|Czech|Prague|Czechia
Denmark|Danish|Copenhagen|
Djibouti|Djiboutian|Djibouti|
Dominican Republic|Dominican|Santo Domingo|
Ecuador|Ecuadorian|Quito|
Egypt|Egyptian|Cairo|
El Salvador|Salvadoran,Salvadorean|San Salvador|
Eritrea|Eritrean|Asmara|
Estonia|Estonian|Tallinn|
Ethiopia|Ethiopian|Addis Ababa|
Fiji|Fijian|Suva|
Finland|Finnish|Helsinki|
France|French|Paris|
Gabon|Gabonese|Libreville|
Georgia|Georgian|Tbilisi|
Germany|German|Berlin|
Ghana|Ghanaian|Accra|
Greece|Greek|Athens|
Guatemala|Guatemalan|Guatemala City|
Guinea|Guinean|Conakry|
Haiti|Haitian|Port-au-Prince|
Honduras|Honduran|Tegucigalpa|
Hungary|Hungarian|Budapest|
Iceland|Icelandic|Reykjavik|
India|Indian|New Delhi,Delhi|
Indonesia|Indonesian|Jakarta|
Iran|Iranian|Tehran|
Iraq|Iraqi|Baghdad|
Ireland|Irish|Dublin|
Israel|Israeli|Jerusalem|
Italy|Italian|Rome|
Ivory Coast|Ivorian|Yamoussoukro,Abidjan|Cote d'Ivoire,Côte d'Ivoire
Jamaica|Jamaican|Kingston|
Japan|Japanese|Tokyo|
Jordan|Jordanian|Amman|
Kazakhstan|Kazakh,Kazakhstani|Astana|
Kenya|Kenyan|Nairobi|
Kiribati||Tarawa|
Kosovo|Kosovar,Kosovan|Pristina|
Kuwait|Kuwaiti|Kuwait City|
Kyrgyzstan|Kyrgyz|Bishkek|
Laos|Lao,Laotian|Vientiane|
Latvia|Latvian|Riga|
Lebanon|Lebanese|Beirut|
Liberia|Liberian|Monrovia|
Libya|Libyan|Tripoli|
Lithuania|Lithuanian|Vilnius|
Luxembourg|Luxembourgish|Luxembourg|
Madagascar|Malagasy|Antananarivo|
Malawi|Malawian|Lilongwe|
Malaysia|Malaysian|Kuala Lumpur|
Mali|Malian|Bamako|
Malta|Maltese|Valletta|
Mauritania|Mauritanian|Nouakchott|
Mexico|Mexican|Mexico City|
Moldova|Moldovan|Chisinau|
Mongolia|Mongolian|Ulaanbaatar|
Montenegro|Montenegrin|Podgorica|
Morocco|Moroccan|Rabat|
Mozambique|Mozambican|Maputo|
Myanmar|Myanmar,Burmese|Naypyidaw|Burma
Namibia|Namibian|Windhoek|
Nauru|Nauruan||
Nepal|Nepali,Nepalese|Kathmandu|
Netherlands|Dutch|Amsterdam,The Hague|Holland
New Zealand|New Zealander|Wellington|
Nicaragua|Nicaraguan|Managua|
Nigeria|Nigerian|Abuja|
Niger|Nigerien|Niamey|
North Korea|North Korean|Pyongyang|
North Macedonia|Macedonian|Skopje|Macedonia
Norway|Norwegian|Oslo|
Oman|Omani|Muscat|
Pakistan|Pakistani|Islamabad|
Palau|Palauan||
Palestine|Palestinian|Ramallah|
Panama|Panamanian|Panama City|
Papua New Guinea|Papua New Guinean|Port Moresby|PNG
Paraguay|Paraguayan|Asuncion|
Peru|Peruvian|Lima|
Philippines|Philippine,Filipino|Manila|
Poland|Polish|Warsaw|
Portugal|Portuguese|Lisbon|
Qatar|Qatari|Doha|
Romania|Romanian|Bucharest|
Russia|Russian|Moscow|Russian Federation,Kremlin
Rwanda|Rwandan|Kigali|
Samoa|Samoan|Apia|
Saudi Arabia|Saudi|Riyadh|
Senegal|Senegalese|Dakar|
Serbia|Serbian|Belgrade|
Sierra Leone|Sierra Leonean|Freetown|
Singapore|Singaporean|Singapore|
Slovakia|Slovak|Bratislava|
Slovenia|Slovenian|Ljubljana|
Solomon Islands||Honiara|
Somalia|Somali|Mogadishu|
South Africa|South African|Pretoria|
South Korea|South Korean|Seoul|Korea
South Sudan|South Sudanese|Juba|
Spain|Spanish|Madrid|
Sri Lanka|Sri Lankan|Colombo|
Sudan|Sudanese|Khartoum|
Sweden|Swedish|Stockholm|
Switzerland|Swiss|Bern|
Syria|Syrian|Damascus|
Taiwan|Taiwanese|Taipei|
Tajikistan|Tajik|Dushanbe|
Tanzania|Tanzanian|Dodoma|
Thailand|Thai|Bangkok|
Togo|Togolese|Lome|
Tonga|Tongan|Nuku'alofa|
Tunisia|Tunisian|Tunis|
Turkey|Turkish|Ankara|Turkiye,Türkiye
Turkmenistan|Turkmen|Ashgabat|
Tuvalu|Tuvaluan|Funafuti|
Uganda|Ugandan|Kampala|
Ukraine|Ukrainian|Kyiv,Kiev|
United Arab Emirates|Emirati|Abu Dhabi|UAE,U.A.E.
United Kingdom|British|London|UK,U.K.,Britain,Great Britain
United States|American|Washington|US,U.S.,USA,U.S.A.,America
Uruguay|Uruguayan|Montevideo|
Uzbekistan|Uzbek|Tashkent|
Vanuatu||Port Vila|
Venezuela|Venezuelan|Caracas|
Vietnam|Vietnamese|Hanoi|
Yemen|Yemeni|Sanaa|
Zambia|Zambian|Lusaka|
Zimbabwe|Zimbabwean|Harare|
Andorra|Andorran|Andorra la Vella|
Bahamas|Bahamian||The Bahamas
Barbados|Barbadian,Bajan|Bridgetown|
Belize|Belizean|Belmopan|
Brunei|Bruneian|Bandar Seri Begawan|
Cape Verde|Cape Verdean|Praia|Cabo Verde
Eswatini|Swazi|Mbabane|Swaziland
Gambia|Gambian|Banjul|The Gambia
Guyana|Guyanese||
Lesotho|Basotho|Maseru|
Liechtenstein|Liechtensteiner|Vaduz|
Maldives|Maldivian||
Mauritius|Mauritian|Port Louis|
Monaco|Monegasque||
San Marino|Sammarinese||
Seychelles|Seychellois||
Suriname|Surinamese|Paramaribo|Surinam
Trinidad and Tobago|Trinidadian|Port of Spain|Trinidad
"""

# International bodies | other names and abbreviations (comma-separated). Each is an
# actor in the statements and titles the checks read, like a country.
_ORGANISATIONS = """
European Union|EU,E.U.
United Nations|UN,U.N.
UN Security Council|Security Council,UNSC
NATO|Nato,North Atlantic Treaty Organization,North Atlantic Treaty Organisation
African Union|AU
Arab League|League of Arab States
ASEAN|Asean,Association of Southeast Asian Nations
OPEC|Opec,Organization of the Petroleum Exporting Countries
World Health Organization|WHO,World Health Organisation
International Monetary Fund|IMF
World Bank|
World Trade Organization|WTO,World Trade Organisation
OSCE|Organization for Security and Co-operation in Europe
International Criminal Court|ICC
International Court of Justice|ICJ
International Atomic Energy Agency|IAEA
UNHCR|UN refugee agency
UNICEF|Unicef
ECOWAS|Ecowas,Economic Community of West African States
Shanghai Cooperation Organisation|SCO,Shanghai Cooperation Organization
Gulf Cooperation Council|GCC
Council of Europe|
European Commission|
Commonwealth|
Interpol|
International Committee of the Red Cross|ICRC,Red Cross
Organization of American States|OAS
G7|G-7
G20|G-20
BRICS|Brics
Mercosur|
Holy See|Vatican,Vatican City
"""

# Words that are a name in one case and an ordinary word in another: the name is
# meant only when written exactly so ("Turkey" the country, "turkey" the bird).
ORDINARY_HOMOGRAPHS = frozenset(
    words_of("turkey chad jordan georgia china guinea niger may march")
)


def _plural(demonym: str) -> str | None:
    """ "Afghan" -> "Afghans"; None for demonyms that take no -s ("French", "Swiss")."""
    if demonym.endswith(("ese", "ish", "ss")) or demonym in ("French", "Dutch"):
        return None
    return demonym + "s"


def _country_table() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}  # name, alias or demonym -> country
    capitals: dict[str, str] = {}  # capital -> country (a capital often stands for it)
    demonyms: dict[str, str] = {}  # "Afghan", "Afghans" -> "Afghanistan"
    for row in _COUNTRIES.strip().splitlines():
        country, adjectives, capital, aliases = row.split("|")
        names[country] = country
        for word in filter(None, adjectives.split(",")):
            names[word] = demonyms[word] = country
            plural = _plural(word)
            if plural:
                names[plural] = demonyms[plural] = country
        for word in filter(None, aliases.split(",")):
            names[word] = country
        for city in filter(None, capital.split(",")):
            capitals.setdefault(city, country)
    return names, capitals, demonyms


def _organisation_table() -> dict[str, str]:
    names: dict[str, str] = {}
    for row in _ORGANISATIONS.strip().splitlines():
        name, aliases = row.split("|")
        names[name] = name
        for alias in filter(None, aliases.split(",")):
            names[alias] = name
    return names


COUNTRY_NAMES, CAPITALS, DEMONYMS = _country_table()
ORGANISATION_NAMES = _organisation_table()
# Countries and international bodies: who states, lists, sanctions and recognises.
ACTOR_NAMES = {**ORGANISATION_NAMES, **COUNTRY_NAMES}

# Names written in capitals whose lower case is an ordinary word ("US" / "us",
# "WHO" / "who"): read from the tables, so a new body's acronym joins by itself.
CASED_NAMES = frozenset(
    name
    for name in ACTOR_NAMES
    if name.isupper()
    and (name.lower() in STOPWORDS or name.lower() in ORDINARY_HOMOGRAPHS)
)


def is_stopword(word: str) -> bool:
    """True for an ordinary function word as written; "US" and "WHO" are names."""
    return word.lower() in STOPWORDS and word not in CASED_NAMES


def _names_re(names: dict[str, str]) -> re.Pattern[str]:
    # Longest first, so "South Korean" wins over "Korea".
    return re.compile(
        r"(?<![\w.])(?:"
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?:['\u2019]s)?(?![\w])"
    )


_COUNTRY_RE = _names_re(COUNTRY_NAMES)
_ACTOR_RE = _names_re(ACTOR_NAMES)


def _base(name: str) -> str:
    return re.sub(r"['\u2019]s$", "", name)


def country_of(phrase: str, *, capitals: bool = False) -> str | None:
    """The country a phrase names ("Russia's", "Russian", "the U.S."), or None.

    With capitals=True a capital city counts too ("Moscow" for Russia), which is how
    news copy often names a government.
    """
    match = _COUNTRY_RE.search(phrase)
    if match:
        return COUNTRY_NAMES[_base(match.group())]
    if capitals:
        for city, country in CAPITALS.items():
            if re.search(rf"(?<!\w){re.escape(city)}(?:['\u2019]s)?(?!\w)", phrase):
                return country
    return None


def actor_of(phrase: str, *, capitals: bool = False) -> str | None:
    """The country or international body a phrase names ("the EU's"), or None."""
    match = _ACTOR_RE.search(phrase)
    if match:
        return ACTOR_NAMES[_base(match.group())]
    return country_of(phrase, capitals=capitals)


def countries_in(text: str) -> list[tuple[int, int, str]]:
    """Every country mention in `text` as (start, end, country)."""
    return [
        (m.start(), m.end(), COUNTRY_NAMES[_base(m.group())])
        for m in _COUNTRY_RE.finditer(text)
    ]


def actors_in(text: str) -> list[tuple[int, int, str]]:
    """Every country or international body named in `text` as (start, end, name)."""
    return [
        (m.start(), m.end(), ACTOR_NAMES[_base(m.group())])
        for m in _ACTOR_RE.finditer(text)
    ]


# Nouns that stand for a thing copy has named before them: "the scheme", "the
# project", "the building" (for the tram line, the bridge, the new hall), "the
# race" (for the fun run).
GENERIC_THINGS = frozenset(
    words_of(
        """
    scheme project building development facility site works plan programme
    complex venture structure premises undertaking race event contest
    competition
    """
    )
)


# --- the calendar ---------------------------------------------------------------------

# Cardinal numbers in words ("forty", "forty-two"), ordinals in words ("sixth",
# "twenty-first") and the words that scale a figure ("£2.5 million", "40
# thousand", and their short forms "2.5m"). The one table of number words: the
# figures, number-forms and duplicate readers all take theirs from here.
_UNIT_NUMBER_WORDS = words_of(
    "one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
)
_TENS_NUMBER_WORDS = words_of("twenty thirty forty fifty sixty seventy eighty ninety")
# Verbs whose past forms end in no "-ed", as news copy tells relations and figures
# with them: their past participles ("has bought", "Sold in 2019, the mill") and
# their past tenses ("Storm Ingunn brought", "Tarn Trains rose").
IRREGULAR_PARTICIPLES = words_of(
    "bought sold left held kept won lost struck put set brought caught quit cut shut"
)
IRREGULAR_PAST_TENSES = words_of(
    "brought bought built drew gave grew held kept left made met paid put "
    "ran rose saw sent set sold spent stood took told went won wrote"
)

NUMBER_WORDS = {w: i for i, w in enumerate(_UNIT_NUMBER_WORDS, start=1)} | {
    f"{tens}{join}{unit}" if unit else tens: t * 10 + u
    for t, tens in enumerate(_TENS_NUMBER_WORDS, start=2)
    for u, unit in enumerate(("", *_UNIT_NUMBER_WORDS[:9]))
    for join in (("-",) if unit else ("",))
}
# Number words a figure is told with on its own: "a hundred", "a dozen".
CARDINAL_WORDS = NUMBER_WORDS | {"hundred": 100, "dozen": 12}
_UNIT_ORDINAL_WORDS = words_of(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
    "nineteenth"
)
_TENS_ORDINAL_WORDS = words_of(
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"
)
ORDINAL_WORDS = {w: i for i, w in enumerate(_UNIT_ORDINAL_WORDS, start=1)} | {
    f"{tens}-{unit}" if unit else ordinal: t * 10 + u
    for t, (tens, ordinal) in enumerate(
        zip(_TENS_NUMBER_WORDS, _TENS_ORDINAL_WORDS, strict=True), start=2
    )
    for u, unit in enumerate(("", *_UNIT_ORDINAL_WORDS[:9]))
}
MAGNITUDES = {
    "hundred": 100,
    "thousand": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "tn": 1_000_000_000_000,
}


MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
# The short forms listings and tables print ("Tues., Sept. 8", "Sat 14 Mar").
WEEKDAY_ABBREVIATIONS = {
    "Mon": 0,
    "Tue": 1,
    "Tues": 1,
    "Wed": 2,
    "Weds": 2,
    "Thu": 3,
    "Thur": 3,
    "Thurs": 3,
    "Fri": 4,
    "Sat": 5,
    "Sun": 6,
}
CALENDAR_WORDS = frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS))


# --- places within countries ------------------------------------------------------

# Nations and regions copy names as the setting of a fact, as it names countries:
# "120 branches in Ulster" and "80 branches in Flanders" are two facts.
REGIONS = frozenset(
    (
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
        "Ulster",
        "Flanders",
        "Wallonia",
        "Catalonia",
        "Bavaria",
        "Quebec",
        "Ontario",
        "Tasmania",
        "Queensland",
        "Midlands",
        "North East",
        "North West",
        "South East",
        "South West",
    )
)
# Words that close the name of a place within a country: "Kent County", "Hebei
# Province", "the Valencia region".
PLACE_WORDS = frozenset(
    words_of("county shire province region district state territory borough parish")
)
_REGION_RE = re.compile(
    r"(?<![\w])(?:"
    + "|".join(re.escape(r) for r in sorted(REGIONS, key=len, reverse=True))
    + r")(?:['\u2019]s)?(?![\w])"
)
_PLACE_NAME = r"[A-Z][\w'\u2019-]*(?:\s+(?:of\s+|upon\s+|on\s+)?[A-Z][\w-]*){0,3}"
# A name after a word that places a fact ("in Cumbria", "across North Yorkshire",
# "at Selsey Bill"), or a name closed by a place word ("Kent County").
_PLACED_RE = re.compile(
    rf"(?i:\b(?:in|at|across|throughout|around|near|outside|within)\s+(?:the\s+)?)"
    rf"(?P<after>{_PLACE_NAME})"
    rf"|(?P<closed>{_PLACE_NAME}\s+(?i:" + "|".join(sorted(PLACE_WORDS)) + r"))\b"
)


_PLACE_KINDS = frozenset(
    words_of("city town village country capital valley island coast area estate")
)
# A place named by what it is: "in the county", "across the region".
_PLACED_LOWER_RE = re.compile(
    r"\b(?:in|across|throughout|around)\s+(the\s+(?:"
    + "|".join(sorted(PLACE_WORDS | _PLACE_KINDS))
    + r"))\b",
    re.IGNORECASE,
)


def scopes_in(text: str) -> set[str]:
    """Places `text` names by what they are ("in the county", "across the
    region"), lower case: vaguer than a name, so a figure without one may be of
    the same place."""
    return {m.group(1).lower() for m in _PLACED_LOWER_RE.finditer(text)}


def places_in(text: str) -> set[str]:
    """The places within countries that `text` names, lower case: the nations and
    regions above, names after "in", "across" and the like that are not months,
    weekdays, small words or countries, and names closed by a place word ("Kent
    County")."""
    found = {_base(m.group()).lower() for m in _REGION_RE.finditer(text)}
    for match in _PLACED_RE.finditer(text):
        name = _base(match.group("after") or match.group("closed"))
        words = name.split()
        while words and (
            words[0].lower() in STOPWORDS or words[0].lower() in CALENDAR_WORDS
        ):
            words.pop(0)
        # a time after the name is no part of it: "in Kent on Friday"
        times = [k for k, w in enumerate(words) if w.lower() in CALENDAR_WORDS]
        if times:
            words = words[: times[0]]
        while words and words[-1].lower() in STOPWORDS:
            words.pop()
        name = " ".join(words)
        if match.group("closed") and len(words) < 2:
            continue  # "the county": a place word with no name
        if words and name not in ACTOR_NAMES:  # a country is read as a country
            found.add(name.lower())
    return found


# --- names of people and things -------------------------------------------------------

# Small words inside names: "Abu Bakr al-Baghdadi", "Ludwig van Beethoven".
NAME_PARTICLES = frozenset(
    words_of("bin ibn al el de del della der den van von da di du la le abu")
)
# Prefixes joined by a hyphen to a capitalised name: "al-Qaeda".
HYPHEN_PARTICLES = frozenset(words_of("al el ul ad as ash at az bin ibn abu"))
# The last word of an organisation's name.
ORGANISATION_WORDS = frozenset(
    words_of(
        """
    agency airlines airways alliance army assembly association authority bank
    battalion board brigade bureau cabinet center centre coalition college
    command commission committee company corporation council court department
    embassy federation force forces foundation front fund group guard
    hospital institute league ministry motors movement network office
    museum gallery trust theatre library academy club
    organisation organization parliament party police school senate service
    services society union university
    """
    )
)
# Nouns that say what kind of body a name is when they are told before it: "the
# shipping company Volgamar Tankers", "the bus operator X" (a regex alternation).
ORGANISATION_KINDS = (
    r"company|firm|operator|group|broadcaster|carrier|airline|maker|manufacturer|"
    r"retailer|chain|lender|bank|insurer|producer|developer|supplier|business|"
    r"network|organi[sz]ation|movement|party|club|charity|militia|union|alliance|"
    r"association|federation|body|agency|insurgency|faction|startup|start-up|"
    r"co-?operative"
)
# The last word of an event's name.
EVENT_WORDS = frozenset(
    words_of(
        """
    championship conference cup election elections festival forum games
    meeting olympics summit talks war
    """
    )
)


# Events held again and again, counted by their editions ("the 14th Lisbon
# Book Fair"): the events above and shows, races and gatherings.
RECURRING_EVENTS = EVENT_WORDS | frozenset(
    words_of(
        """
    biennale carnival congress exhibition expo fair marathon parade race rally
    regatta show tournament
    """
    )
)


# Short and familiar forms of first names: one person written "Katherine" in one
# story and "Kate" in another. Each line is a full name and its forms.
_FIRST_NAME_FORMS = """
william bill billy will liam | robert bob bobby rob robbie | james jim jimmy jamie
thomas tom tommy | michael mike mick | richard rick ricky dick rich | edward ed
eddie ted ned | anthony tony | joseph joe joey | john jack johnny | patrick pat
paddy | patricia pat patty trish | alexander alex sandy sasha | alexandra alex
sasha | andrew andy drew | christopher chris | christine chris | daniel dan danny
| david dave | jonathan jon jonny | nicholas nick nicky | samuel sam sammy |
samantha sam | stephen steve | steven steve | susan sue susie | victoria vicky |
jennifer jen jenny | rebecca becky becca | deborah debbie deb | benjamin ben |
matthew matt | timothy tim | gregory greg | kenneth ken kenny | ronald ron |
donald don | gerald gerry | frederick fred freddie | henry harry | charles
charlie | peter pete | philip phil | raymond ray | lawrence larry | leonard len
| terence terry | joshua josh | abigail abby | amanda mandy | catherine kate
katie cathy cath | katherine kate katie kathy kath | kathryn kate katie |
elizabeth liz lizzie beth betty eliza | margaret maggie meg peggy | eleanor
ellie | isabel izzy bella | isabella izzy bella | jacqueline jackie | josephine
jo josie | joanna jo | joanne jo | pamela pam | penelope penny | theresa tess |
teresa tess | dmitry dima | mikhail misha | yekaterina katya | francisco paco |
jose pepe | ignacio nacho | giuseppe beppe
"""
FIRST_NAME_FORMS: dict[str, frozenset[str]] = {
    line.split()[0]: frozenset(line.split()[1:])
    for line in _FIRST_NAME_FORMS.split("|")
}


def forms_of_one_first_name(first: str, second: str) -> bool:
    """True when two first names are one name written in full and short
    ("Katherine" / "Kate", "William" / "Bill"), or alike."""
    a, b = fold_accents(first.lower()), fold_accents(second.lower())
    return (
        a == b
        or b in FIRST_NAME_FORMS.get(a, frozenset())
        or a in FIRST_NAME_FORMS.get(b, frozenset())
    )
