"""General English and world knowledge the checks share: countries, titles, stopwords.

Nothing here is about any particular story: these are the words any news copy uses.
"""

from __future__ import annotations

import re


def words_of(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of a word-list literal."""
    return tuple(text.split())


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
Bolivia|Bolivian|La Paz|
Bosnia|Bosnian|Sarajevo|Bosnia and Herzegovina
Brazil|Brazilian|Brasilia|
Bulgaria|Bulgarian|Sofia|
Burkina Faso|Burkinabe|Ouagadougou|
Cambodia|Cambodian|Phnom Penh|
Cameroon|Cameroonian|Yaounde|
Canada|Canadian|Ottawa|
Chad|Chadian|N'Djamena|
Chile|Chilean|Santiago|
China|Chinese|Beijing|People's Republic of China,PRC
Colombia|Colombian|Bogota|
Congo|Congolese|Kinshasa|DRC,Democratic Republic of the Congo
Croatia|Croatian|Zagreb|
Cuba|Cuban|Havana|
Cyprus|Cypriot|Nicosia|
Czech Republic|Czech|Prague|Czechia
Denmark|Danish|Copenhagen|
Ecuador|Ecuadorian|Quito|
Egypt|Egyptian|Cairo|
Eritrea|Eritrean|Asmara|
Estonia|Estonian|Tallinn|
Ethiopia|Ethiopian|Addis Ababa|
Finland|Finnish|Helsinki|
France|French|Paris|
Georgia|Georgian|Tbilisi|
Germany|German|Berlin|
Ghana|Ghanaian|Accra|
Greece|Greek|Athens|
Hungary|Hungarian|Budapest|
Iceland|Icelandic|Reykjavik|
India|Indian|New Delhi,Delhi|
Indonesia|Indonesian|Jakarta|
Iran|Iranian|Tehran|
Iraq|Iraqi|Baghdad|
Ireland|Irish|Dublin|
Israel|Israeli|Jerusalem|
Italy|Italian|Rome|
Japan|Japanese|Tokyo|
Jordan|Jordanian|Amman|
Kazakhstan|Kazakh,Kazakhstani|Astana|
Kenya|Kenyan|Nairobi|
Kuwait|Kuwaiti|Kuwait City|
Kyrgyzstan|Kyrgyz|Bishkek|
Latvia|Latvian|Riga|
Lebanon|Lebanese|Beirut|
Libya|Libyan|Tripoli|
Lithuania|Lithuanian|Vilnius|
Malaysia|Malaysian|Kuala Lumpur|
Mali|Malian|Bamako|
Mexico|Mexican|Mexico City|
Moldova|Moldovan|Chisinau|
Mongolia|Mongolian|Ulaanbaatar|
Morocco|Moroccan|Rabat|
Mozambique|Mozambican|Maputo|
Myanmar|Myanmar,Burmese|Naypyidaw|Burma
Nepal|Nepali,Nepalese|Kathmandu|
Netherlands|Dutch|Amsterdam,The Hague|Holland
New Zealand|New Zealander|Wellington|
Nicaragua|Nicaraguan|Managua|
Niger|Nigerien|Niamey|
Nigeria|Nigerian|Abuja|
North Korea|North Korean|Pyongyang|
Norway|Norwegian|Oslo|
Oman|Omani|Muscat|
Pakistan|Pakistani|Islamabad|
Palestine|Palestinian|Ramallah|
Peru|Peruvian|Lima|
Philippines|Philippine,Filipino|Manila|
Poland|Polish|Warsaw|
Portugal|Portuguese|Lisbon|
Qatar|Qatari|Doha|
Romania|Romanian|Bucharest|
Russia|Russian|Moscow|Russian Federation,Kremlin
Rwanda|Rwandan|Kigali|
Saudi Arabia|Saudi|Riyadh|
Senegal|Senegalese|Dakar|
Serbia|Serbian|Belgrade|
Singapore|Singaporean|Singapore|
Slovakia|Slovak|Bratislava|
Slovenia|Slovenian|Ljubljana|
Somalia|Somali|Mogadishu|
South Africa|South African|Pretoria|
South Korea|South Korean|Seoul|Korea
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
Tunisia|Tunisian|Tunis|
Turkey|Turkish|Ankara|Turkiye,Türkiye
Turkmenistan|Turkmen|Ashgabat|
Uganda|Ugandan|Kampala|
Ukraine|Ukrainian|Kyiv,Kiev|
United Arab Emirates|Emirati|Abu Dhabi|UAE,U.A.E.
United Kingdom|British|London|UK,U.K.,Britain,Great Britain
United States|American|Washington|US,U.S.,USA,U.S.A.,America
Uruguay|Uruguayan|Montevideo|
Uzbekistan|Uzbek|Tashkent|
Venezuela|Venezuelan|Caracas|
Vietnam|Vietnamese|Hanoi|
Yemen|Yemeni|Sanaa|
Zambia|Zambian|Lusaka|
Zimbabwe|Zimbabwean|Harare|
"""


def _country_table() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}  # name, alias or demonym -> country
    capitals: dict[str, str] = {}  # capital -> country (a capital often stands for it)
    for row in _COUNTRIES.strip().splitlines():
        country, demonyms, capital, aliases = row.split("|")
        names[country] = country
        for word in filter(None, demonyms.split(",") + aliases.split(",")):
            names[word] = country
        for city in filter(None, capital.split(",")):
            capitals.setdefault(city, country)
    return names, capitals


COUNTRY_NAMES, CAPITALS = _country_table()

# Longest first, so "South Korean" wins over "Korea" and "United States" over nothing.
_COUNTRY_RE = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(re.escape(n) for n in sorted(COUNTRY_NAMES, key=len, reverse=True))
    + r")(?:['\u2019]s)?(?![\w])"
)


def country_of(phrase: str, *, capitals: bool = False) -> str | None:
    """The country a phrase names ("Russia's", "Russian", "the U.S."), or None.

    With capitals=True a capital city counts too ("Moscow" for Russia), which is how
    news copy often names a government.
    """
    match = _COUNTRY_RE.search(phrase)
    if match:
        word = re.sub(r"['\u2019]s$", "", match.group())
        return COUNTRY_NAMES[word]
    if capitals:
        for city, country in CAPITALS.items():
            if re.search(rf"(?<!\w){re.escape(city)}(?:['\u2019]s)?(?!\w)", phrase):
                return country
    return None


def countries_in(text: str) -> list[tuple[int, int, str]]:
    """Every country mention in `text` as (start, end, country)."""
    found = []
    for match in _COUNTRY_RE.finditer(text):
        word = re.sub(r"['\u2019]s$", "", match.group())
        found.append((match.start(), match.end(), COUNTRY_NAMES[word]))
    return found


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

STOPWORDS = frozenset(
    words_of(
        """
    a an the and or but nor of to in on at by for with from into onto over under
    about after before during since until than that this these those it its is are was
    were be been being has have had do does did will would shall should can could may
    might must not no as if so such which who whom whose what when where why how all
    any each some most more other another he she they we you i his her their our your
    him them us there here also still just only very said says say told tell
    although though however meanwhile while whereas because despite yet
    according like unlike
    """
    )
)

# Nouns that name a person's office or job. A capitalised run ending in one of these
# before a name is a title ("Deputy Foreign Minister"), not part of the name.
ROLE_HEADS = frozenset(
    words_of(
        """
    minister president premier chancellor secretary spokesman spokeswoman spokesperson
    ambassador envoy representative diplomat consul chargé charge d'affaires
    director director-general head chief leader commander general admiral marshal
    colonel lieutenant major captain sergeant officer governor mayor senator
    congressman congresswoman lawmaker legislator mp chairman chairwoman chair
    chairperson speaker king queen prince princess emir sheikh sultan pope cardinal
    bishop imam mufti judge justice prosecutor attorney-general attorney lawyer
    commissioner coordinator rapporteur administrator adviser advisor counsellor
    counselor analyst economist researcher professor reporter correspondent editor
    founder executive ceo cfo manager official deputy vice-president
    secretary-general under-secretary undersecretary mediator negotiator
    """
    )
)

# Words that change the rank of a title: "Deputy Foreign Minister" and "Foreign
# Minister" are different jobs.
RANK_MODIFIERS = frozenset(
    words_of(
        """
    deputy vice acting former first second assistant interim under associate
    caretaker outgoing incoming ex co
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
    special prime senior principal top chief general political national public
    affairs permanent executive managing supreme high regional provincial district
    """
    )
)
